import CardsimEngine

extension ScenarioLoader {
    /// As `load(yaml:file:overrides:)`, with the file's `regression:` section (the tolerances of
    /// `cardsim check`) beside the scenario. Overrides apply to it too:
    /// `--set regression.sigmas=5`, `--set regression.kpis.net_income.relative=0.02`.
    ///
    /// Throws `ScenarioErrors` exactly as `load` does.
    public static func loadWithRegression(yaml: String, file: String, overrides: [String] = [])
        throws -> (scenario: Scenario, regression: RegressionSettings) {
        let scenario = try load(yaml: yaml, file: file, overrides: overrides)
        return (scenario, regressionDraft(yaml: yaml, file: file, overrides: overrides).settings)
    }

    /// As `load(path:overrides:)`, with the file's `regression:` section.
    public static func loadWithRegression(path: String, overrides: [String] = [])
        throws -> (scenario: Scenario, regression: RegressionSettings) {
        try loadWithRegression(yaml: readFile(path), file: path, overrides: overrides)
    }

    /// The `regression:` section of a document that `load` accepted: the document read again,
    /// with the overrides applied, through the same tables.
    private static func regressionDraft(yaml: String, file: String, overrides: [String]) -> RegressionDraft {
        guard case .success(var root) = YAMLReader.read(yaml, file: file) else { return RegressionDraft() }
        var context = DecodeContext(fallback: SourceLocation(file: file))
        for text in overrides {
            if case .success(let override) = Override.parse(text) {
                override.apply(to: &root, schema: Tables.scenario.info, context: &context)
            }
        }
        var draft = ScenarioDraft()
        Tables.scenario.decode(root, into: &draft, path: "", context: &context)
        return draft.regression
    }
}
