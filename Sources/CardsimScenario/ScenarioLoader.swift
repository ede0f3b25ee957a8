import CardsimEngine
import Foundation

/// Reads scenario files into validated engine scenarios.
public enum ScenarioLoader {
    /// Reads the YAML file at `path`, applies `overrides` ("PATH=VALUE", e.g. "run.paths=8",
    /// "bank.product.apr=0.15", "market.segments.families.share=0.3") and validates the result.
    ///
    /// Throws `ScenarioErrors` holding every problem found, each located at FILE:LINE:COL (or at
    /// `--set PATH=VALUE` for an override).
    public static func load(path: String, overrides: [String] = []) throws -> Scenario {
        try load(yaml: readFile(path), file: path, overrides: overrides)
    }

    /// As `load(path:overrides:)`, for text already read; `file` names it in diagnostics and
    /// model files are found through `modelFiles` (by default on disk, relative to `file`).
    public static func load(yaml: String, file: String, overrides: [String] = [],
                            modelFiles: ModelFileReader = .disk) throws -> Scenario {
        try loadDocument(yaml: yaml, file: file, overrides: overrides, modelFiles: modelFiles).scenario
    }

    /// As `load(path:overrides:)`, with the file's KPI targets beside the scenario.
    public static func loadDocument(path: String, overrides: [String] = []) throws -> ScenarioDocument {
        try loadDocument(yaml: readFile(path), file: path, overrides: overrides)
    }

    /// As `load(yaml:file:overrides:modelFiles:)`, with the file's KPI targets and the texts of
    /// the model files read beside the scenario. A run's stored scenario loads with
    /// `modelFiles: .stored(texts, file: ...)`, so that it never reads the disk.
    public static func loadDocument(yaml: String, file: String, overrides: [String] = [],
                                    modelFiles: ModelFileReader = .disk) throws -> ScenarioDocument {
        let fallback = SourceLocation(file: file)
        var context = DecodeContext(fallback: fallback, modelFiles: modelFiles)
        var parsed: [Override] = []
        var overrideProblems: [Diagnostic] = []
        for text in overrides {
            switch Override.parse(text) {
            case .success(let override): parsed.append(override)
            case .failure(let diagnostic): overrideProblems.append(diagnostic)
            }
        }

        var root: DocumentNode
        switch YAMLReader.read(yaml, file: file) {
        case .success(let node): root = node
        case .failure(let diagnostic): throw ScenarioErrors(diagnostics: [diagnostic] + overrideProblems)
        }

        let schema = Tables.scenario.info
        for override in parsed { override.apply(to: &root, schema: schema, context: &context) }
        var draft = ScenarioDraft()
        Tables.scenario.decode(root, into: &draft, path: "", context: &context)
        let scenario = ScenarioAssembly.assemble(draft, context: &context)

        let problems = ordered(context.diagnostics + overrideProblems, file: file, overrides: overrides)
        guard problems.isEmpty else { throw ScenarioErrors(diagnostics: problems) }
        return ScenarioDocument(scenario: scenario, targets: KPITarget.list(draft.targets), modelFiles: context.modelFiles.texts)
    }

    /// Stable hash of a scenario's identity: FNV-1a 64-bit over the file's UTF-8 bytes, then for
    /// each override a 0 byte and the override's UTF-8 bytes (the separator keeps ["a=1", "b=2"]
    /// apart from ["a=1b=2"]), then for each model file in order of its reference's UTF-8 bytes
    /// the bytes 0 and 10 (no override holds a newline, so no override list gives them) and
    /// `R:REFERENCE` and `T:TEXT`, each preceded by its byte count in decimal digits; 16
    /// lowercase hex digits. Without model files the hash is that of the text and overrides
    /// alone.
    public static func identityHash(yaml: String, overrides: [String], modelFiles: [String: String] = [:]) -> String {
        var hash = FNV1a64()
        hash.add(yaml.utf8)
        for override in overrides {
            hash.add(CollectionOfOne(0))
            hash.add(override.utf8)
        }
        for reference in modelFiles.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
            hash.add([0, 10])
            for (tag, part) in [("R", reference), ("T", modelFiles[reference]!)] {
                hash.add("\(part.utf8.count)\(tag):".utf8)
                hash.add(part.utf8)
            }
        }
        return hash.hex
    }

    /// The file's text, or the diagnostic saying why it cannot be read.
    static func readFile(_ path: String) throws -> String {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        func failure(_ found: String, expected: String = "a readable YAML scenario") -> ScenarioErrors {
            ScenarioErrors(diagnostics: [Diagnostic(file: path, message: "cannot read the file; expected \(expected), found \(found)")])
        }
        guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else { throw failure("no such file") }
        guard !isDirectory.boolValue else { throw failure("a directory") }
        if let size = (try? manager.attributesOfItem(atPath: path))?[.size] as? Int, size > YAMLBytes.maxBytes {
            throw failure("\(size) bytes", expected: "a scenario of at most \(YAMLBytes.maxBytes) bytes")
        }
        guard let data = manager.contents(atPath: path) else { throw failure("a file without read permission") }
        switch YAMLReader.decode(data, file: path) {
        case .success(let text): return text
        case .failure(let problem): throw ScenarioErrors(diagnostics: [problem])
        }
    }

    /// File diagnostics by position, then those of each override in the order given; each once.
    private static func ordered(_ diagnostics: [Diagnostic], file: String, overrides: [String]) -> [Diagnostic] {
        func rank(_ diagnostic: Diagnostic) -> Int {
            if diagnostic.file == file { return 0 }
            return (overrides.firstIndex { "--set \($0)" == diagnostic.file } ?? overrides.count) + 1
        }
        var unique: [Diagnostic] = []
        for diagnostic in diagnostics where !unique.contains(diagnostic) { unique.append(diagnostic) }
        return unique.enumerated().sorted { a, b in
            let left = (rank(a.element), a.element.line ?? 0, a.element.column ?? 0, a.offset)
            let right = (rank(b.element), b.element.line ?? 0, b.element.column ?? 0, b.offset)
            return left < right
        }.map(\.element)
    }
}
