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

    /// As `load(path:overrides:)`, for text already read; `file` names it in diagnostics.
    public static func load(yaml: String, file: String, overrides: [String] = []) throws -> Scenario {
        try loadDocument(yaml: yaml, file: file, overrides: overrides).scenario
    }

    /// As `load(path:overrides:)`, with the file's KPI targets beside the scenario.
    public static func loadDocument(path: String, overrides: [String] = []) throws -> ScenarioDocument {
        try loadDocument(yaml: readFile(path), file: path, overrides: overrides)
    }

    /// As `load(yaml:file:overrides:)`, with the file's KPI targets beside the scenario.
    public static func loadDocument(yaml: String, file: String, overrides: [String] = []) throws -> ScenarioDocument {
        let fallback = SourceLocation(file: file)
        var context = DecodeContext(fallback: fallback)
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
        return ScenarioDocument(scenario: scenario, targets: KPITarget.list(draft.targets))
    }

    /// Stable hash of a scenario's identity: FNV-1a 64-bit over the file's UTF-8 bytes, then for
    /// each override a 0 byte and the override's UTF-8 bytes (the separator keeps ["a=1", "b=2"]
    /// apart from ["a=1b=2"]); 16 lowercase hex digits.
    public static func identityHash(yaml: String, overrides: [String]) -> String {
        var hash = FNV1a64()
        hash.add(yaml.utf8)
        for override in overrides {
            hash.add(CollectionOfOne(0))
            hash.add(override.utf8)
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
        guard let data = manager.contents(atPath: path) else { throw failure("a file without read permission") }
        guard let text = String(data: data, encoding: .utf8) else { throw failure("bytes that are not UTF-8", expected: "UTF-8 text") }
        return text
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
