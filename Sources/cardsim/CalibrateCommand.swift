import ArgumentParser
import CardsimCalibrate
import CardsimEngine
import CardsimOutput
import CardsimScenario
import Foundation

/// `cardsim calibrate TARGETS --out DIR`: fit a scenario's parameters to observed figures by
/// the method of simulated moments (docs/calibration.md).
struct CalibrateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calibrate",
        abstract: "Fit a scenario's parameters to a bank's figures (method of simulated moments).",
        discussion: """
            TARGETS names a scenario, the parameters to fit with their bounds and the observed \
            KPI values with their tolerances (docs/calibration.md). Every evaluation runs the \
            champion on the same seed and paths (common random numbers); a multi-start \
            Nelder-Mead search minimises sum ((model - target) / tolerance)². Writes DIR/ \
            calibrated.yaml (the scenario with the fitted values), calibration.json, trace.csv, \
            convergence.png and targets.png, all at once when done. While it runs, \
            DIR.partial-trace.csv holds the evaluations so far: an interrupted calibration \
            resumes from it when run again with the same inputs, and gives the same bytes.

            --paths, --agents, --months and --seed replace the targets file's run: values. \
            With --start S only start S of the search runs (its trace kept in \
            DIR.partial-trace-S.csv); starts run so in parallel (e.g. by 'cardsim slurm \
            --calibrate') are then replayed by one run without --start, which finishes the \
            calibration with the same bytes as one process.
            """
    )

    @Argument(help: "The targets file (YAML).")
    var targets: String

    @Option(help: ArgumentHelp("Output directory (replaced if it holds a previous cardsim output).", valueName: "dir"))
    var out: String

    @Option(help: ArgumentHelp("Monte Carlo paths of each evaluation (default: the targets file's run.paths, else 8).", valueName: "n"))
    var paths: Int?

    @Option(help: ArgumentHelp("Simulated customers of each evaluation (default: run.agents, else 20000).", valueName: "a"))
    var agents: Int?

    @Option(help: ArgumentHelp("Months of each evaluation (default: run.months, else the scenario's).", valueName: "m"))
    var months: Int?

    @Option(help: ArgumentHelp("Seed of every evaluation (default: run.seed, else the scenario's).", valueName: "s"))
    var seed: UInt64?

    @Option(help: ArgumentHelp("Worker threads (default: all cores); never changes results.", valueName: "t"))
    var threads: Int?

    @Option(name: .customLong("max-evaluations"), help: ArgumentHelp("Most evaluations of the search over all starts (default: run.max_evaluations, else 150).", valueName: "e"))
    var maxEvaluations: Int?

    @Option(help: ArgumentHelp("Starts of the search (default: run.starts, else 3).", valueName: "k"))
    var starts: Int?

    @Option(name: .customLong("set"), help: ArgumentHelp("Override a scenario value in every evaluation (repeatable).", valueName: "path=value"))
    var overrides: [String] = []

    @Option(help: ArgumentHelp("Run only start S (1-based) of the search and keep its trace; a run without --start finishes.", valueName: "s"))
    var start: Int?

    @Flag(name: .customLong("no-chart"), help: "Do not draw convergence.png and targets.png (needs no gnuplot).")
    var noChart = false

    @Option(name: .customLong("stop-after"), help: .hidden)
    var stopAfter: Int?

    func validate() throws {
        try OutputPath.check(out)
        if out.isEmpty { throw ValidationError("--out must name a directory, found an empty string.") }
        if let paths, paths < 2 { throw ValidationError("--paths must be at least 2 (the standard errors need the paths' spread).") }
        if let agents, agents < 1 { throw ValidationError("--agents must be at least 1.") }
        if let months, months < 1 { throw ValidationError("--months must be at least 1.") }
        if let threads, threads < 1 { throw ValidationError("--threads must be at least 1.") }
        if let maxEvaluations, maxEvaluations < 1 { throw ValidationError("--max-evaluations must be at least 1.") }
        if let starts, starts < 1 { throw ValidationError("--starts must be at least 1.") }
        if let stopAfter, stopAfter < 0 { throw ValidationError("--stop-after must be at least 0.") }
        if let start, start < 1 { throw ValidationError("--start must be at least 1.") }
    }

    func run() throws {
        let setup = try CalibrationSetup.load(targets: targets, options: self)
        let outURL = URL(fileURLWithPath: out)
        let partial = PartialTrace(output: outURL, identity: setup.identity)
        // A whole calibration locks its output directory; a start run alone (of a job array)
        // only its own trace file, so that the starts run side by side.
        let lock = try OutputLock.acquire(for: start.map { partial.url(start: $0).path } ?? out)
        defer { lock.release() }
        try CommandFailure.catching { try AtomicDirectory.checkReplaceable(outURL.standardizedFileURL) }
        let starts = setup.spec.run.starts
        if let start, start > starts {
            throw CommandFailure("--start \(start) is beyond the calibration's \(starts) starts",
                                 help: "Give a start from 1 to \(starts), or change run.starts (--starts).", exitCode: ExitCodes.invalidInput)
        }
        let replay = setup.finishedRows(in: outURL) ?? partial.rows(spec: setup.spec)
        try CommandFailure.catching { try partial.begin(spec: setup.spec, rows: replay, starts: start.map { [$0] } ?? Array(0...starts)) }

        let bar = ProgressBar(total: start.map { _ in setup.spec.run.maxEvaluations / starts + 1 }
                                  ?? setup.spec.run.maxEvaluations + 2 * setup.spec.parameters.count, unit: "evaluations")
        var fresh = 0
        let calibrator = Calibrator(spec: setup.spec, replay: replay, simulate: { texts in
            if let stopAfter, fresh >= stopAfter { throw CalibrationStopped(done: fresh) }
            fresh += 1
            return try CommandFailure.catching { try setup.problem.simulate(texts) }
        }, record: { row, position in
            try CommandFailure.catching { try partial.append(row, position: position) }
        }, progress: { done, total in bar.advance(to: min(done, total)) })
        if let start {
            let converged = try calibrator.search(start: start)
            bar.finish()
            let best = calibrator.rows.min { $0.distance < $1.distance }!
            print("start \(start) of \(starts): \(calibrator.rows.count) evaluations (\(fresh) run now), best distance \(CalibrationText.number(best.distance)), "
                  + (converged ? "converged" : "not converged") + "; trace in \(partial.url(start: start).path)")
            print("When every start is done, finish with the same command without --start.")
            return
        }
        let clock = Stopwatch()
        let outcome: CalibrationOutcome
        do {
            outcome = try calibrator.run()
        } catch let stop as CalibrationStopped {
            bar.finish()
            print("Stopped after \(stop.done) new evaluations (--stop-after); \(partial.output.path).partial-trace-*.csv hold \(calibrator.rows.count). Re-run the same command to resume.")
            return
        }
        bar.finish()
        let seconds = clock.seconds
        try CalibrationPublication(setup: setup, outcome: outcome).write(to: outURL, charts: !noChart)
        partial.remove(starts: starts)
        print(CalibrationText.report(outcome, targetsFile: targets))
        print("Output: \(out)")
        fflush(stdout)
        StandardError.write("\(outcome.rows.count) evaluations (\(fresh) run now, \(replay.count) resumed) in \(String(format: "%.1f", seconds)) s\n")
    }
}

/// Thrown by an evaluation past `--stop-after`: the trace so far stays for a resume.
struct CalibrationStopped: Error {
    var done: Int
}
