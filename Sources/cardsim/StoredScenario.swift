import CardsimOutput
import CardsimScenario
import Foundation

/// A run's stored scenario (`scenario.yaml`, `overrides.txt`, `model-files.json`) loaded and
/// hashed from its own texts, never from the files it was first read from.
extension ScenarioSource {
    /// `ScenarioLoader.scenarioIdentity` of the resolved text, the overrides and the model
    /// files: 16 hex digits. Equal resolved scenarios (a file written out in full and the same
    /// scenario as an overlay) have one identity.
    var identityHash: String {
        ScenarioLoader.scenarioIdentity(yaml: yaml, overrides: overrides, modelFiles: modelTexts)
    }

    /// The source of a scenario as just loaded from a file: its resolved text, the overrides
    /// and the model files the loader read.
    init(yaml: String, overrides: [String], document: ScenarioDocument) {
        self.init(yaml: yaml, overrides: overrides, modelTexts: document.modelFiles)
    }

    /// The model-file reader of the stored texts; `file` is the stored `scenario.yaml`, and
    /// diagnostics inside a model file name `DIR/model-files.json[REFERENCE]`.
    func storedModelFiles(scenarioFile file: String) -> ModelFileReader {
        let store = ((file as NSString).deletingLastPathComponent as NSString).appendingPathComponent(ModelFiles.fileName)
        return .stored(modelTexts, file: store)
    }

    /// The scenario loaded from the stored texts; `file` is the path of the stored
    /// `scenario.yaml`, for diagnostics. Throws `ScenarioErrors` as the loader does.
    func loadDocument(file: String) throws -> ScenarioDocument {
        try ScenarioLoader.loadDocument(yaml: yaml, file: file, overrides: overrides,
                                        modelFiles: storedModelFiles(scenarioFile: file))
    }
}
