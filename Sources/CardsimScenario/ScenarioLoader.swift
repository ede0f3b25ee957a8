import CardsimEngine
import Foundation

/// Reads scenario files into validated engine scenarios.
public enum ScenarioLoader {
    /// Reads the YAML file at `path`, merges it over the files it extends (`extends:`, see
    /// `ScenarioOverlay`), applies `overrides` ("PATH=VALUE", e.g. "run.paths=8",
    /// "bank.product.apr=0.15", "market.segments.families.share=0.3") to the merged scenario
    /// and validates the result.
    ///
    /// Throws `ScenarioErrors` holding every problem found, each located at FILE:LINE:COL (or at
    /// `--set PATH=VALUE` for an override).
    public static func load(path: String, overrides: [String] = []) throws -> Scenario {
        try load(yaml: readFile(path), file: path, overrides: overrides)
    }

    /// As `load(path:overrides:)`, for text already read; `file` names it in diagnostics, the
    /// files it extends are read from disk relative to it, and model files are found through
    /// `modelFiles` (by default on disk, relative to `file`).
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

        let resolution: ScenarioOverlay.Resolution
        switch resolve(yaml: yaml, file: file) {
        case .success(let resolved): resolution = resolved
        case .failure(let errors): throw ScenarioErrors(diagnostics: errors.diagnostics + overrideProblems)
        }
        var root = resolution.root

        let schema = Tables.scenario.info
        // An override that a later one replaces (the same path, e.g. --set run.paths=abc then
        // --paths 10) is still checked: alone on the file, keeping only its own diagnostics.
        for (k, override) in parsed.enumerated() where parsed[(k + 1)...].contains(where: { $0.path == override.path }) {
            var alone = resolution.root
            var check = DecodeContext(fallback: fallback, modelFiles: modelFiles)
            override.apply(to: &alone, schema: schema, context: &check)
            var scratch = ScenarioDraft()
            Tables.scenario.decode(alone, into: &scratch, path: "", context: &check)
            overrideProblems += check.diagnostics.filter { $0.file == override.location.file }
        }
        for override in parsed { override.apply(to: &root, schema: schema, context: &context) }
        var draft = ScenarioDraft()
        Tables.scenario.decode(root, into: &draft, path: "", context: &context)
        let scenario = ScenarioAssembly.assemble(draft, context: &context)

        let problems = ordered(context.diagnostics + overrideProblems, files: resolution.files, overrides: overrides)
        guard problems.isEmpty else { throw ScenarioErrors(diagnostics: problems) }
        return ScenarioDocument(scenario: scenario, targets: KPITarget.list(draft.targets), modelFiles: context.modelFiles.texts,
                                resolvedYAML: resolution.text(topYAML: yaml))
    }

    /// The text of `file` (read from `yaml`) merged over the files it extends, as a run stores
    /// it: the text itself when it extends nothing (see `ScenarioDocument.resolvedYAML`). Checks
    /// the YAML and the `extends` chain only, not the values.
    ///
    /// Throws `ScenarioErrors` for a file that cannot be read or parsed and for a broken chain.
    public static func resolvedText(path: String) throws -> String {
        let yaml = try readFile(path)
        switch resolve(yaml: yaml, file: path) {
        case .success(let resolution): return resolution.text(topYAML: yaml)
        case .failure(let errors): throw errors
        }
    }

    /// The text of `file` merged over the files it extends with `overrides` applied, in the
    /// canonical layout of `YAMLWriter`, after `header` (comment lines): a scenario that runs
    /// as is with the overridden values in place (`cardsim calibrate` writes its fit so).
    ///
    /// Throws `ScenarioErrors` for a file that cannot be read or parsed, a broken chain or an
    /// override that cannot be applied.
    public static func resolvedText(yaml: String, file: String, overrides: [String], header: [String]) throws -> String {
        let resolution: ScenarioOverlay.Resolution
        switch resolve(yaml: yaml, file: file) {
        case .success(let resolved): resolution = resolved
        case .failure(let errors): throw errors
        }
        var root = resolution.root
        var context = DecodeContext(fallback: SourceLocation(file: file))
        for text in overrides {
            switch Override.parse(text) {
            case .success(let override): override.apply(to: &root, schema: Tables.scenario.info, context: &context)
            case .failure(let diagnostic): throw ScenarioErrors(diagnostics: [diagnostic])
            }
        }
        guard context.diagnostics.isEmpty else { throw ScenarioErrors(diagnostics: context.diagnostics) }
        return header.map { "# " + $0.replacingOccurrences(of: "\n", with: " ") + "\n" }.joined() + "\n" + YAMLWriter.text(root)
    }

    /// The parsed text of `file` with its `extends` chain merged.
    static func resolve(yaml: String, file: String) -> Result<ScenarioOverlay.Resolution, ScenarioErrors> {
        switch YAMLReader.read(yaml, file: file) {
        case .success(let node): return ScenarioOverlay.resolve(node, file: file)
        case .failure(let diagnostic): return .failure(ScenarioErrors(diagnostics: [diagnostic]))
        }
    }

    /// The file's text, or the diagnostic saying why it cannot be read.
    static func readFile(_ path: String) throws -> String {
        switch fileText(path) {
        case .success(let text): return text
        case .failure(let problem):
            if let decoding = problem.decoding { throw ScenarioErrors(diagnostics: [decoding]) }
            throw ScenarioErrors(diagnostics: [Diagnostic(file: path, message: "cannot read the file; expected \(problem.expected), found \(problem.found)")])
        }
    }

    /// Why a scenario file cannot be read: what was expected and what was found instead.
    struct ReadProblem: Error {
        var expected: String
        var found: String
        /// The bytes are not text cardsim reads (UTF-16, invalid UTF-8, ...): the diagnostic at
        /// the position in the file (`YAMLReader.decode`).
        var decoding: Diagnostic? = nil
    }

    /// The text of the scenario file at `path`, or why it cannot be read.
    static func fileText(_ path: String) -> Result<String, ReadProblem> {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        func failure(_ found: String, expected: String = "a readable YAML scenario") -> Result<String, ReadProblem> {
            .failure(ReadProblem(expected: expected, found: found))
        }
        guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else { return failure("no such file") }
        guard !isDirectory.boolValue else { return failure("a directory") }
        if let size = (try? manager.attributesOfItem(atPath: path))?[.size] as? Int, size > YAMLBytes.maxBytes {
            return failure("\(size) bytes", expected: "a scenario of at most \(YAMLBytes.maxBytes) bytes")
        }
        guard let data = manager.contents(atPath: path) else { return failure("a file without read permission") }
        switch YAMLReader.decode(data, file: path) {
        case .success(let text): return .success(text)
        case .failure(let diagnostic):
            return .failure(ReadProblem(expected: "UTF-8 text", found: "bytes that are not UTF-8", decoding: diagnostic))
        }
    }

    /// Diagnostics of the files of the chain (the top file first, then each parent) by
    /// position, then those of each override in the order given, then any others (model
    /// files); each once.
    private static func ordered(_ diagnostics: [Diagnostic], files: [String], overrides: [String]) -> [Diagnostic] {
        func rank(_ diagnostic: Diagnostic) -> Int {
            if let index = files.firstIndex(of: diagnostic.file) { return index }
            return (overrides.firstIndex { "--set \($0)" == diagnostic.file } ?? overrides.count) + files.count
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
