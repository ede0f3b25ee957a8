import Foundation

extension ScenarioLoader {
    /// A scenario from raw bytes, as a file holding them would load: the bytes are checked as
    /// UTF-8 text first (`YAMLBytes.decode`), then read as `load(yaml:file:...)` does. Model
    /// files come from `modelFiles`; the fuzz target passes an empty store, so no file on disk
    /// is read. Throws `ScenarioErrors`.
    public static func loadDocument(data: Data, file: String, modelFiles: ModelFileReader) throws -> ScenarioDocument {
        switch YAMLBytes.decode(data, file: file) {
        case .success(let text): return try loadDocument(yaml: text, file: file, modelFiles: modelFiles)
        case .failure(let diagnostic): throw ScenarioErrors(diagnostics: [diagnostic])
        }
    }
}

extension CalibrationSpec {
    /// A targets file from raw bytes (see `ScenarioLoader.loadDocument(data:file:modelFiles:)`).
    public static func load(data: Data, file: String) throws -> CalibrationSpec {
        switch YAMLBytes.decode(data, file: file) {
        case .success(let text): return try load(yaml: text, file: file)
        case .failure(let diagnostic): throw ScenarioErrors(diagnostics: [diagnostic])
        }
    }
}
