import CardsimEngine

extension ScenarioLoader {
    /// As `load(yaml:file:overrides:)`, with the file's `regression:` section (the tolerances of
    /// `cardsim check`) beside the scenario. Overrides apply to it too:
    /// `--set regression.sigmas=5`, `--set regression.kpis.net_income.relative=0.02`. Model
    /// files are read once, through `modelFiles`.
    ///
    /// Throws `ScenarioErrors` exactly as `load` does.
    public static func loadWithRegression(yaml: String, file: String, overrides: [String] = [],
                                          modelFiles: ModelFileReader = .disk)
        throws -> (scenario: Scenario, regression: RegressionSettings) {
        let document = try loadDocument(yaml: yaml, file: file, overrides: overrides, modelFiles: modelFiles)
        return (document.scenario, draft(yaml: yaml, file: file, overrides: overrides, modelFiles: document.modelFiles).regression.settings)
    }

    /// As `load(path:overrides:)`, with the file's `regression:` section.
    public static func loadWithRegression(path: String, overrides: [String] = [])
        throws -> (scenario: Scenario, regression: RegressionSettings) {
        try loadWithRegression(yaml: readFile(path), file: path, overrides: overrides)
    }

    /// The draft of a document that `load` accepted, for the sections the engine does not read
    /// (`regression:`, `sweep:`): the document read again (merged over the files it extends), with the overrides applied, through
    /// the same tables; model files come from the texts the first reading kept (`modelFiles`),
    /// not from the disk again.
    static func draft(yaml: String, file: String, overrides: [String], modelFiles: [String: String]) -> ScenarioDraft {
        guard case .success(let resolution) = resolve(yaml: yaml, file: file) else { return ScenarioDraft() }
        var root = resolution.root
        var context = DecodeContext(fallback: SourceLocation(file: file), modelFiles: .stored(modelFiles, file: file))
        for text in overrides {
            if case .success(let override) = Override.parse(text) {
                override.apply(to: &root, schema: Tables.scenario.info, context: &context)
            }
        }
        var draft = ScenarioDraft()
        Tables.scenario.decode(root, into: &draft, path: "", context: &context)
        return draft
    }
}
