import ArgumentParser
import CardsimEngine
import CardsimOutput
import CardsimScenario
import CardsimSweep
import Foundation

/// `cardsim sweep SCENARIO --out DIR`: run the scenario at every point of a parameter sweep and
/// write the sweep's tables (docs/sweeps.md).
struct SweepCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sweep",
        abstract: "Run a scenario over a grid, Latin hypercube or Morris design of parameters.",
        discussion: """
            The parameters come from the scenario's sweep: section and --vary. Every point is \
            the scenario with --set PATH=VALUE overrides and the scenario's seed, so all points \
            share random numbers. Each finished point is written to DIR/points/NNNN/ (a run \
            directory, as 'cardsim run' writes it) as soon as it completes; re-running with the \
            same arguments skips finished points. Then DIR/sweep.csv, optimum.json, tornado.csv, \
            tornado.png and, for Morris, morris.csv are written.

            With --shard I/K only the points whose number is I modulo K are run and no tables \
            are written; a later run without --shard (with --require-complete to refuse to \
            compute anything) assembles the tables from the finished points.
            """
    )

    @Argument(help: "The scenario file (YAML).")
    var scenario: String

    @Option(help: ArgumentHelp("Sweep directory (created; resumed if it holds this sweep).", valueName: "dir"))
    var out: String

    @Option(help: ArgumentHelp("Vary a parameter: PATH=LOW:HIGH:STEP, PATH=LOW:HIGH or PATH=V1,V2,... (repeatable; replaces the file's entry for PATH).", valueName: "path=values"))
    var vary: [String] = []

    @Option(help: ArgumentHelp("Design: grid, latin_hypercube or morris (default: the file's, else grid).", valueName: "design"))
    var design: SweepSettings.Design?

    @Option(help: ArgumentHelp("Latin hypercube points or Morris trajectories.", valueName: "n"))
    var samples: Int?

    @Option(help: ArgumentHelp("Morris levels per parameter.", valueName: "p"))
    var levels: Int?

    @Option(name: .customLong("design-seed"), help: ArgumentHelp("Seed of the design (Latin hypercube, Morris); the runs keep run.seed.", valueName: "s"))
    var designSeed: UInt64?

    @Option(help: ArgumentHelp("KPI the optimum and the tornado speak of (default: the file's, else npv).", valueName: "kpi"))
    var objective: String?

    @Option(help: ArgumentHelp("maximize or minimize the objective.", valueName: "goal"))
    var goal: SweepSettings.Goal?

    @Option(help: ArgumentHelp("A condition on KPI means the optimum must meet, e.g. 'charge_off_rate<0.01' (repeatable; added to the file's).", valueName: "kpi<x"))
    var constraint: [String] = []

    @Option(help: ArgumentHelp("Run only the points of shard I of K (points I, I+K, ...) and write no tables.", valueName: "I/K"))
    var shard: String?

    @Flag(name: .customLong("require-complete"), help: "Only assemble the tables: refuse (exit 2) if any point is not finished instead of running it.")
    var requireComplete = false

    @Flag(name: .customLong("no-chart"), help: "Do not draw tornado.png (needs no gnuplot).")
    var noChart = false

    @Option(name: .customLong("stop-after"), help: .hidden)
    var stopAfter: Int?

    @OptionGroup var size: RunSizeOptions

    @Option(name: .customLong("set"), help: ArgumentHelp("Override a scenario value for every point, e.g. --set run.paths=8 (repeatable).", valueName: "path=value"))
    var overrides: [String] = []

    func validate() throws {
        try OutputPath.check(out)
        if requireComplete, shard != nil { throw ValidationError("--require-complete assembles the tables of a whole sweep; it cannot be combined with --shard.") }
        if let stopAfter, stopAfter < 0 { throw ValidationError("--stop-after must be at least 0.") }
    }

    func run() throws {
        let spec = try shard.map(ShardSpec.init(parsing:))
        let shared = size.overrides(after: overrides)
        let base = try CommandFailure.catching { try ScenarioInput.load(path: scenario, overrides: shared) }
        let fileSettings = try CommandFailure.catching {
            try ScenarioLoader.loadWithSweep(yaml: base.source.yaml, file: scenario, overrides: shared,
                                             modelFiles: .stored(base.source.modelTexts, file: scenario)).sweep
        }
        let settings = try SweepOptions.apply(to: fileSettings, vary: vary, design: design, samples: samples, levels: levels,
                                              seed: designSeed, objective: objective, goal: goal, constraints: constraint)
        try SweepOptions.check(settings, file: scenario)
        let plan = SweepPlan(settings: settings)
        try checkPaths(plan, shared: shared)

        let store = PointStore(directory: URL(fileURLWithPath: out), plan: plan)
        // The shards of one sweep share its directory: each takes the lock in turn to claim the
        // sweep and check its finished points, then lets it go; every point is written whole
        // under its own lock (`PointStore`). A whole sweep keeps the lock to the end.
        let lock = try OutputLock.acquire(for: out, wait: spec != nil)
        var locked = true
        defer { if locked { lock.release() } }
        let identity = SweepIdentity(plan: plan, scenarioName: base.scenario.name, scenarioHash: base.hash, sharedOverrides: shared)
        if requireComplete {
            try sweepCatching { try store.requireIdentity(identity) }
        } else {
            try sweepCatching { try store.claim(identity: identity) }
        }
        // Finished points are read (tables) or trusted (resume): refuse any whose files changed.
        for point in plan.points where store.isFinished(point) {
            try sweepCatching { try store.verifyFinished(point) }
        }
        if requireComplete {
            let missing = plan.points.filter { !store.isFinished($0) }
            if !missing.isEmpty {
                let names = missing.prefix(10).map { plan.name($0) }.joined(separator: ", ") + (missing.count > 10 ? ", ..." : "")
                throw CommandFailure("\(missing.count) of \(plan.points.count) points of the sweep in \(out) are not finished: \(names)",
                                     help: "Run the shards that hold them again (cardsim sweep ... --shard I/K), then merge again.",
                                     exitCode: ExitCodes.invalidInput)
            }
        }

        if spec != nil && !requireComplete { lock.release(); locked = false }
        let mine = plan.points.filter { spec == nil || ($0.number - 1) % spec!.count == spec!.index - 1 }
        let todo = mine.filter { !store.isFinished($0) }
        let runner = SweepPointRunner(scenarioPath: scenario, yaml: base.source.yaml, overrides: overrides, size: size,
                                      plan: plan, store: store)
        let computed = try runner.run(todo, of: mine.count, stopAfter: stopAfter)
        if computed < todo.count {
            print("Stopped after \(computed) points (--stop-after); \(todo.count - computed) left. Re-run the same command to resume.")
            return
        }
        if let spec {
            print("shard \(spec.index)/\(spec.count): \(mine.count) points, \(computed) computed, \(mine.count - todo.count) already finished")
            print("Points: \(store.pointsDirectory.path)")
            print("Merge when every shard is done: cardsim sweep \(scenario) --out \(out) --require-complete (with the same options)")
            return
        }
        try SweepAssembly(plan: plan, store: store, scenarioFile: scenario).write(chart: !noChart)
    }

    /// Loads the scenario with each parameter at its low and high end, so that a bad path or
    /// value is reported before any point runs.
    private func checkPaths(_ plan: SweepPlan, shared: [String]) throws {
        for p in plan.settings.parameters {
            for v in Set([p.low, p.high] + p.values) {
                _ = try CommandFailure.catching {
                    try ScenarioInput.load(path: scenario, overrides: overrides + ["\(p.path)=\(ValueText.text(v))"]
                                           + size.overrides(after: []))
                }
            }
        }
    }
}
