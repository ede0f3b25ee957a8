import CardsimCalibrate
import CardsimOutput
import CardsimScenario
import Foundation

/// A calibration's inputs, read and checked before anything is written: the targets file with
/// the command line's run size applied, the scenario, and the identity that a resume must match.
struct CalibrationSetup {
    var spec: CalibrationSpec
    var targetsYAML: String
    var problem: CalibrationProblem
    /// SHA-256 of cardsim's version, the targets file, the resolved scenario with the shared
    /// overrides and model files, and the run size.
    var identity: String

    static func load(targets: String, options o: CalibrateCommand) throws -> CalibrationSetup {
        let yaml = try CommandFailure.catching { try ScenarioInput.readText(targets) }
        var spec = try CommandFailure.catching { try CalibrationSpec.load(yaml: yaml, file: targets) }
        if let v = o.paths { spec.run.paths = v }
        if let v = o.agents { spec.run.agents = v }
        if let v = o.months { spec.run.months = v }
        if let v = o.seed { spec.run.seed = v }
        if let v = o.maxEvaluations { spec.run.maxEvaluations = v }
        if let v = o.starts { spec.run.starts = v }
        let p = spec.parameters.count
        if spec.run.maxEvaluations < spec.run.starts * (p + 1) {
            throw CommandFailure(ScenarioErrors(diagnostics: [FilePlace(file: targets).error(
                "the search needs at least \(p + 1) evaluations per start for \(p) parameters (a first simplex), \(spec.run.starts * (p + 1)) for \(spec.run.starts) starts; found max_evaluations \(spec.run.maxEvaluations)",
                hint: "raise run.max_evaluations (--max-evaluations) or lower run.starts (--starts)")]))
        }
        guard FileManager.default.fileExists(atPath: spec.scenarioPath) else {
            throw CommandFailure(ScenarioErrors(diagnostics: [spec.scenarioPlace.error(
                "no scenario at \(spec.scenarioPath); expected a scenario file, relative to the targets file's folder, found no such file")]))
        }
        let scenarioYAML = try CommandFailure.catching { try ScenarioInput.readText(spec.scenarioPath) }
        let threads = o.threads ?? ProcessInfo.processInfo.activeProcessorCount
        let problem = CalibrationProblem(spec: spec, scenarioYAML: scenarioYAML, userOverrides: o.overrides, threads: threads)
        let found = problem.problems()
        if !found.isEmpty { throw CommandFailure(ScenarioErrors(diagnostics: found)) }
        let loaded = try CommandFailure.catching {
            try ScenarioInput.load(path: spec.scenarioPath, overrides: problem.sharedOverrides, threads: threads)
        }
        let r = spec.run
        let key = [CardsimVersion.current, yaml, loaded.hash, "\(r.paths) \(r.agents) \(r.months ?? 0) \(r.seed ?? 0) \(r.starts) \(r.maxEvaluations)"]
            .joined(separator: "\u{0}")
        return CalibrationSetup(spec: spec, targetsYAML: yaml, problem: problem, identity: String(SHA256.hex(of: Data(key.utf8)).prefix(16)))
    }

    /// The rows of a finished calibration of the same identity at `out`, to answer every
    /// evaluation again without running it.
    func finishedRows(in out: URL) -> [TraceRow]? {
        let json = out.appendingPathComponent(CalibrationJSON.fileName)
        guard let data = FileManager.default.contents(atPath: json.path),
              CalibrationJSON.identity(in: String(decoding: data, as: UTF8.self)) == identity,
              (try? Manifest.verified(out)) != nil,
              let trace = FileManager.default.contents(atPath: out.appendingPathComponent(TraceFile.fileName).path) else { return nil }
        return TraceFile.rows(String(decoding: trace, as: UTF8.self), spec: spec)
    }
}
