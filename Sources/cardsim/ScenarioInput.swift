import CardsimEngine
import CardsimOutput
import CardsimScenario
import Foundation

/// A scenario loaded from a file, with the resolved text, overrides and model files it came
/// from and their hash.
struct LoadedScenario {
    var scenario: Scenario
    /// The file's `kpi_targets`.
    var targets: [KPITarget]
    var source: ScenarioSource
    /// `ScenarioLoader.scenarioIdentity` of the resolved text, overrides and model files: 16 hex digits.
    var hash: String
}

enum ScenarioInput {
    /// Reads the scenario file at `path`, merges it over the files it extends and loads it with
    /// `overrides` applied in order.
    ///
    /// Each file and each model file is read once, so that the copies stored with the results
    /// are exactly what was loaded; the stored scenario is the resolved text (no `extends`), so
    /// that a run directory stands alone. Throws `ScenarioErrors` with `FILE: error: …`
    /// diagnostics, also when the whole run would need more memory than `maxMemory` (default:
    /// the machine's) on `threads` workers (`MemoryLimit`); `checkMemory: false` for callers
    /// that run part of it (a shard) and check that part themselves, or run it elsewhere.
    static func load(path: String, overrides: [String], threads: Int = ProcessInfo.processInfo.activeProcessorCount,
                     maxMemory: Int? = nil, checkMemory: Bool = true) throws -> LoadedScenario {
        if let bad = overrides.first(where: { $0.contains("\n") }) {
            throw ScenarioErrors(diagnostics: [Diagnostic(file: "--set \(bad)", message: "an override cannot contain a newline")])
        }
        let yaml = try readText(path)
        let document = try ScenarioLoader.loadDocument(yaml: yaml, file: path, overrides: overrides)
        if checkMemory { try MemoryLimit.check(document.scenario, file: path, threads: threads, maxMemory: maxMemory) }
        let source = ScenarioSource(yaml: document.resolvedYAML, overrides: overrides, document: document)
        return LoadedScenario(scenario: document.scenario, targets: document.targets, source: source,
                              hash: source.identityHash)
    }

    /// The file's text. When it cannot be read (or is too large to read), the loader reports
    /// why in its own words.
    static func readText(_ path: String) throws -> String {
        let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int ?? 0
        if size <= ScenarioLoader.maxFileBytes, let data = FileManager.default.contents(atPath: path),
           let text = String(data: data, encoding: .utf8) {
            return text
        }
        _ = try ScenarioLoader.load(path: path)
        throw ScenarioErrors(diagnostics: [Diagnostic(file: path, message: "cannot read the file")])
    }
}
