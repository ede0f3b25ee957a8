import CardsimAnalysis
import CardsimCheck
import CardsimEngine
import CardsimOutput
import CardsimScenario
import Foundation

/// A scenario loaded for `cardsim baseline` and `cardsim check`: the scenario as `run` loads
/// it, and the tolerances of its `regression:` section.
struct RegressionInput {
    var path: String
    var overrides: [String]
    var loaded: LoadedScenario
    var policy: TolerancePolicy

    /// Loads `path` with `overrides`; scenario errors are thrown as `CommandFailure`s (exit 2).
    static func load(path: String, overrides: [String]) throws -> RegressionInput {
        try CommandFailure.catching {
            let loaded = try ScenarioInput.load(path: path, overrides: overrides)
            let regression = try ScenarioLoader.loadWithRegression(
                yaml: loaded.source.yaml, file: path, overrides: overrides,
                modelFiles: .stored(loaded.source.modelTexts, file: path)).regression
            let policy = TolerancePolicy(sigmas: regression.sigmas, declared: regression.kpis.mapValues {
                DeclaredTolerance(absolute: $0.absolute, relative: $0.relative)
            })
            return RegressionInput(path: path, overrides: overrides, loaded: loaded, policy: policy)
        }
    }

    /// Runs the scenario and returns its `summary.json` and `monthly.csv` exactly as
    /// `cardsim run` writes them (the directory is written to a temporary place and removed).
    func run(threads: Int) throws -> RunOutput {
        let model = loaded.scenario
        let bar = ProgressBar(total: model.run.paths)
        bar.advance(to: 0)
        let results = MonteCarlo.run(model, paths: 0..<model.run.paths, threads: threads) { bar.advance(to: $0) }
        bar.finish()
        let info = RunInfo(scenario: model, scenarioHash: loaded.hash)

        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("cardsim-check-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let out = scratch.appendingPathComponent("run")
        // As Publication.publish writes it: the KPI statistics and the strategy comparison.
        let report = ComparisonReport(results: results, scenario: model, targets: loaded.targets.map(TargetRule.init))
        try CommandFailure.catching {
            try RunDirectory.write(to: out, info: info, scenario: model, source: loaded.source, results: results,
                                   additions: ComparisonJSON.additions(report))
        }
        func text(_ name: String) throws -> String {
            guard let data = FileManager.default.contents(atPath: out.appendingPathComponent(name).path),
                  let text = String(data: data, encoding: .utf8) else {
                throw CommandFailure("cannot read back \(name) of the run of \(path)",
                                     help: "Check that the temporary directory is writable.", exitCode: ExitCodes.outputFailed)
            }
            return text
        }
        let identity = RunIdentity(scenarioName: model.name, scenarioFile: URL(fileURLWithPath: path).lastPathComponent,
                                   scenarioHash: loaded.hash, seed: model.run.seed, paths: model.run.paths,
                                   months: model.run.months, agents: model.run.agents, version: info.version,
                                   overrides: overrides)
        return RunOutput(identity: identity, summaryText: try text(SummaryFile.fileName),
                         monthlyText: try text(MonthlyTable.fileName))
    }
}

extension CommandFailure {
    /// A baseline problem: exit 3 when writing failed, else 2.
    init(_ error: CheckError) {
        self.init(error.message, help: error.help,
                  exitCode: error.kind == .write ? ExitCodes.outputFailed : ExitCodes.invalidInput)
    }

    /// The first line without its `Error: ` prefix (for JUnit messages).
    var summary: String {
        guard let first = lines.first else { return "" }
        return first.hasPrefix("Error: ") ? String(first.dropFirst("Error: ".count)) : first
    }

    /// The other lines: the help, or further diagnostics.
    var details: String { lines.dropFirst().joined(separator: "\n") }

    /// Runs `body`, turning scenario, output and baseline errors into `CommandFailure`s.
    static func checking<T>(_ body: () throws -> T) throws -> T {
        do {
            return try catching(body)
        } catch let e as CheckError {
            throw CommandFailure(e)
        }
    }
}
