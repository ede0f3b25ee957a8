import CardsimEngine

extension ScenarioLoader {
    /// As `load(yaml:file:overrides:)`, with the file's `sweep:` section (what `cardsim sweep`
    /// varies) beside the scenario. Overrides apply to it too: `--set sweep.samples=20`.
    ///
    /// Throws `ScenarioErrors` exactly as `load` does.
    public static func loadWithSweep(yaml: String, file: String, overrides: [String] = [])
        throws -> (document: ScenarioDocument, sweep: SweepSettings) {
        let document = try loadDocument(yaml: yaml, file: file, overrides: overrides)
        return (document, draft(yaml: yaml, file: file, overrides: overrides).sweep.settings)
    }
}
