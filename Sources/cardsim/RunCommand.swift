import ArgumentParser
import CardsimEngine
import CardsimOutput
import Foundation

/// `cardsim run SCENARIO --out DIR`: simulate a scenario and write its output directory.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a scenario and write its results to a directory.",
        discussion: """
            Writes DIR/summary.json, monthly.csv, paths.csv and ledger.csv, plus the scenario \
            text and overrides the run was loaded from (scenario.yaml, overrides.txt) and the \
            model files it names, if any (model-files.json). The \
            directory is written beside DIR and renamed into place when complete; a previous \
            cardsim output at DIR is replaced. Results do not depend on --threads or on how \
            the paths are split with --shard.

            --paths, --seed, --months and --agents are shorthands for --set run.paths=N and so \
            on, applied after the --set overrides.
            """
    )

    @Argument(help: "The scenario file (YAML).")
    var scenario: String

    @Option(help: ArgumentHelp("Output directory (replaced if it holds a previous cardsim output).", valueName: "dir"))
    var out: String






    @Option(help: ArgumentHelp("Run only shard I of K (1-based), e.g. 2/8; merge the shards with 'cardsim merge'.", valueName: "I/K"))
    var shard: String?

    @OptionGroup var size: RunSizeOptions

    @Option(name: .customLong("set"), help: ArgumentHelp("Override a scenario value, e.g. --set bank.product.apr=0.16 (repeatable).", valueName: "path=value"))
    var overrides: [String] = []

    @Option(help: ArgumentHelp("Add paths in batches until the 95% interval of KPI's difference from the champion (its level, with one strategy) has a half-width below H, e.g. npv=2000000; needs --max-paths.", valueName: "kpi=h"))
    var precision: String?

    @Option(name: .customLong("max-paths"), help: ArgumentHelp("With --precision: stop at this many paths even if the target is not reached.", valueName: "n"))
    var maxPaths: Int?

    @Option(help: ArgumentHelp("With --precision: paths added per batch (default: 10).", valueName: "b"))
    var batch: Int?

    func validate() throws {
        try OutputPath.check(out)
        try validatePrecision()
    }

    /// The overrides passed to the loader: `--set` ones, then the run-size shorthands.
    var allOverrides: [String] {
        size.overrides(after: overrides)
    }

    func run() throws {
        if let goal = try precision.map(PrecisionGoal.init(parsing:)) { return try runToPrecision(goal) }
        let spec = try shard.map(ShardSpec.init(parsing:))
        let lock = try OutputLock.acquire(for: out)
        defer { lock.release() }
        let loaded = try CommandFailure.catching {
            try ScenarioInput.load(path: scenario, overrides: allOverrides, checkMemory: false)
        }
        let model = loaded.scenario
        let shardInfo = try spec?.info(paths: model.run.paths)
        let range = shardInfo?.paths ?? 0..<model.run.paths
        try CommandFailure.catching {
            try MemoryLimit.check(model, file: scenario, threads: size.workerThreads, maxMemory: size.maxMemory, paths: range.count)
        }
        let threads = size.workerThreads

        let bar = ProgressBar(total: range.count)
        bar.advance(to: 0)
        let clock = Stopwatch()
        let results = MonteCarlo.run(model, paths: range, threads: threads) { bar.advance(to: $0) }
        let seconds = clock.seconds
        bar.finish()

        let info = RunInfo(scenario: model, scenarioHash: loaded.hash, shard: shardInfo)
        try Publication.publish(results: results, info: info, scenario: model, targets: loaded.targets,
                                source: loaded.source, to: out)

        let perPath: Double = Double(model.run.agents) * Double(model.run.months) * Double(model.strategies.count)
        let customerMonths: Double = perPath * Double(range.count)
        StandardError.write(Publication.timingLine(paths: range.count, customerMonths: customerMonths, seconds: seconds) + "\n")
    }
}
