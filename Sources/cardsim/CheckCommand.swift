import ArgumentParser
import CardsimCheck
import Foundation

/// `cardsim check SCENARIO... --baselines DIR`: re-run scenarios and compare every KPI of every
/// strategy with the stored baselines (docs/regression.md).
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Re-run scenarios and compare every KPI with their stored baselines.",
        discussion: """
            For each scenario, reads DIR/<stem>.json (written by 'cardsim baseline'), re-runs the \
            scenario with the overrides and run sizes recorded there (then any given here), and \
            compares. Exact mode, chosen when the scenario hash, seed, paths, months, agents, \
            cardsim version and platform are the baseline's: summary.json and monthly.csv must \
            be byte-identical, and the first difference is shown. Statistical mode, otherwise: \
            every KPI of every strategy must be within 'regression.sigmas' (default 4) combined \
            standard errors, sqrt(se_baseline^2 + se_now^2), of the baseline, or within the \
            tolerance the scenario declares for it; the boundary passes.

            Prints a table of every KPI that moved. Exit status: 0 when every scenario passes, \
            1 when any KPI fails, 2 when a baseline is missing or damaged or a scenario invalid \
            (never a pass), 3 when a file cannot be written. Details: docs/regression.md.
            """
    )

    enum Mode: String, ExpressibleByArgument, CaseIterable {
        case auto, exact, statistical
    }

    @Argument(help: ArgumentHelp("Scenario files (YAML).", valueName: "scenario"))
    var scenarios: [String]

    @Option(help: ArgumentHelp("Directory of the stored baselines.", valueName: "dir"))
    var baselines: String

    @Option(help: ArgumentHelp("exact, statistical, or auto: exact when the run's identity is the baseline's.", valueName: "mode"))
    var mode: Mode = .auto

    @Option(help: ArgumentHelp("Also write the results as JUnit XML to this file.", valueName: "file"))
    var junit: String?

    @Flag(help: "Re-record the baselines from these runs and print what changed (exit 0 unless an input is bad).")
    var update = false

    @OptionGroup var size: RunSizeOptions

    @Option(name: .customLong("set"), help: ArgumentHelp("Override a scenario value after the baseline's overrides (repeatable); the check becomes statistical.", valueName: "path=value"))
    var overrides: [String] = []






    func validate() throws {
        if scenarios.isEmpty { throw ValidationError("Give at least one scenario file.") }
        if update && mode != .auto { throw ValidationError("--update records the runs as they are; leave out --mode.") }
    }

    /// The overrides given here, applied after the baseline's: `--set` ones, then the sizes.
    var extraOverrides: [String] {
        size.overrides(after: overrides)
    }

    func run() throws {
        let store = BaselineStore(directory: baselines)
        let threads = size.workerThreads
        var entries: [JUnitReport.Entry] = []
        var failed: [String] = []
        var errors = 0
        var status = ExitCodes.success
        for path in scenarios {
            do {
                let check = try CommandFailure.checking { () throws -> ScenarioCheck in
                    let baseline = try store.read(forScenario: path)
                    let input = try RegressionInput.load(path: path, overrides: baseline.identity.overrides + extraOverrides)
                    let output = try input.run(threads: threads)
                    let file = store.displayPath(store.baselineURL(forScenario: path).lastPathComponent)
                    let check = try ScenarioCheck(scenario: path, baselineFile: file, baseline: baseline, run: output,
                                                  policy: input.policy, mode: mode == .auto ? nil : CheckMode(rawValue: mode.rawValue))
                    print(CheckReport.text(check))
                    if update {
                        try store.write(try Baseline(run: output), forScenario: path)
                        print(CheckReport.updateSummary(check, file: file) + "\n")
                    }
                    return check
                }
                entries.append(.checked(check))
                if !check.passed && !update { failed.append(path) }
            } catch let failure as CommandFailure {
                fflush(stdout)
                failure.report()
                entries.append(.error(scenario: path, message: failure.summary, help: failure.details))
                errors += 1
                if failure.exitCode == ExitCodes.outputFailed || status != ExitCodes.outputFailed { status = failure.exitCode }
            }
        }
        if let junit {
            do {
                try Data(JUnitReport.xml(entries).utf8).write(to: URL(fileURLWithPath: junit), options: .atomic)
            } catch {
                CommandFailure("cannot write the JUnit report \(junit)", help: "Choose a writable file.",
                               exitCode: ExitCodes.outputFailed).report()
                status = ExitCodes.outputFailed
            }
        }
        let checked = scenarios.count - errors
        var line = update ? "updated \(checked) of \(scenarios.count) baseline\(scenarios.count == 1 ? "" : "s")"
                          : "checked \(scenarios.count) scenario\(scenarios.count == 1 ? "" : "s"): \(checked - failed.count) passed, \(failed.count) failed"
        if errors > 0 { line += ", \(errors) could not be checked" }
        print(line)
        if !failed.isEmpty {
            print("If the changes are intended, re-record: cardsim check \(failed.joined(separator: " ")) --baselines \(baselines) --update")
        }
        if status == ExitCodes.success && !failed.isEmpty { status = ExitCodes.regression }
        if status != ExitCodes.success { throw status }
    }
}
