import CardsimEngine

extension ScenarioLoader {
    /// As `load(yaml:file:overrides:)`, with the file's `sweep:` section (what `cardsim sweep`
    /// varies) beside the scenario. Overrides apply to it too: `--set sweep.samples=20`. Model files
    /// are read once, through `modelFiles`.
    ///
    /// Throws `ScenarioErrors` exactly as `load` does.
    public static func loadWithSweep(yaml: String, file: String, overrides: [String] = [],
                                     modelFiles: ModelFileReader = .disk)
        throws -> (document: ScenarioDocument, sweep: SweepSettings) {
        let document = try loadDocument(yaml: yaml, file: file, overrides: overrides, modelFiles: modelFiles)
        return (document, draft(yaml: yaml, file: file, overrides: overrides, modelFiles: document.modelFiles).sweep.settings)
    }
}
