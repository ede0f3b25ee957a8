import ArgumentParser
import CardsimCheck
import Foundation

/// `cardsim baseline SCENARIO... --out DIR`: run scenarios and store their KPIs as the
/// baselines `cardsim check` compares with (docs/regression.md).
struct BaselineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "baseline",
        abstract: "Run scenarios and store their KPIs as baselines for 'cardsim check'.",
        discussion: """
            For each scenario writes DIR/<stem>.json (the run's identity: scenario hash, seed, \
            paths, months, agents, cardsim version, platform and overrides; and every KPI's mean \
            and standard error for every strategy) and DIR/<stem>.summary.json (the run's \
            summary.json, byte for byte, for exact checks). The files are deterministic: the \
            same run writes the same bytes.

            --paths, --seed, --months and --agents size the recorded run (small runs keep \
            checks fast) and are stored with it, so 'cardsim check' repeats them. An existing \
            baseline is replaced only with --update, which prints what moved.
            """
    )

    @Argument(help: ArgumentHelp("Scenario files (YAML).", valueName: "scenario"))
    var scenarios: [String]

    @Option(help: ArgumentHelp("Directory of the baselines (created if missing).", valueName: "dir"))
    var out: String





    @OptionGroup var size: RunSizeOptions

    @Option(name: .customLong("set"), help: ArgumentHelp("Override a scenario value, e.g. --set bank.product.apr=0.16 (repeatable); recorded in the baseline.", valueName: "path=value"))
    var overrides: [String] = []


    @Flag(help: "Replace baselines that exist, printing what moved.")
    var update = false

    func validate() throws {
        try OutputPath.check(out)
        if scenarios.isEmpty { throw ValidationError("Give at least one scenario file.") }
    }

    /// The overrides recorded: `--set` ones, then the run-size shorthands (as `cardsim run`).
    var allOverrides: [String] {
        size.overrides(after: overrides)
    }

    func run() throws {
        let store = BaselineStore(directory: out)
        var stems: [String: String] = [:]
        for path in scenarios {
            let stem = BaselineStore.stem(ofScenario: path)
            if let other = stems[stem] {
                throw CommandFailure("\(other) and \(path) would share the baseline \(store.displayPath(stem + ".json"))",
                                     help: "Record scenarios with the same file name into different directories.",
                                     exitCode: ExitCodes.invalidInput)
            }
            stems[stem] = path
            if !update && store.hasBaseline(forScenario: path) {
                throw CommandFailure("a baseline for \(path) exists: \(store.displayPath(stem + ".json"))",
                                     help: "Pass --update to replace it (what moved is printed), or check against it with 'cardsim check \(path) --baselines \(out)'.",
                                     exitCode: ExitCodes.invalidInput)
            }
        }
        let lock = try OutputLock.acquire(for: out)
        defer { lock.release() }
        let threads = size.workerThreads
        for path in scenarios {
            try CommandFailure.checking {
                let file = store.displayPath(store.baselineURL(forScenario: path).lastPathComponent)
                var previous: Baseline?
                var damaged = false
                if store.hasBaseline(forScenario: path) {
                    do { previous = try store.read(forScenario: path) } catch { damaged = true }
                }
                let input = try RegressionInput.load(path: path, overrides: allOverrides)
                let output = try input.run(threads: threads)
                let baseline = try Baseline(run: output)
                try store.write(baseline, forScenario: path)
                let id = output.identity
                if let previous {
                    let check = try ScenarioCheck(scenario: path, baselineFile: file, baseline: previous, run: output,
                                                  policy: input.policy)
                    print(CheckReport.updateSummary(check, file: file))
                } else {
                    print("\(damaged ? "replaced a damaged baseline" : "recorded") \(file): '\(id.scenarioName)' (hash \(id.scenarioHash)), "
                          + "\(id.paths) paths x \(id.months) months, \(id.agents) agents, seed \(id.seed), cardsim \(id.version), \(id.platform)")
                }
            }
        }
    }
}
