import CardsimEngine
import CardsimOutput
import CardsimSweep
import Foundation

/// Runs sweep points one after another, each on every path with the scenario's seed, and
/// writes each to its directory as soon as it is done.
struct SweepPointRunner {
    var scenarioPath: String
    var yaml: String
    /// The `--set` overrides shared by every point (before the point's own).
    var overrides: [String]
    var size: RunSizeOptions
    var plan: SweepPlan
    var store: PointStore

    /// The overrides of `point`'s run: the shared `--set`s, the point's parameters, then the
    /// run-size shorthands, exactly as `cardsim run --set ... --set PATH=VALUE ... --paths N`
    /// would give them, so that a point's directory is byte for byte that run's.
    func overrides(_ point: SweepPoint) -> [String] {
        size.overrides(after: overrides + plan.overrides(point))
    }

    /// Runs `points` (of `total` points this process is responsible for), stopping after
    /// `stopAfter` if given. Returns the number run. Progress goes to stderr.
    func run(_ points: [SweepPoint], of total: Int, stopAfter: Int?) throws -> Int {
        let progress = SweepProgress(total: total, done: total - points.count)
        var computed = 0
        for point in points {
            if let stopAfter, computed >= stopAfter { break }
            store.removeLeftovers(of: point)
            let loaded = try CommandFailure.catching { try ScenarioInput.load(path: scenarioPath, overrides: overrides(point)) }
            let model = loaded.scenario
            let results = MonteCarlo.run(model, paths: 0..<model.run.paths, threads: size.workerThreads) { _ in }
            try Publication.write(results: results, info: RunInfo(scenario: model, scenarioHash: loaded.hash),
                                  scenario: model, targets: loaded.targets, source: loaded.source, to: store.url(point))
            computed += 1
            progress.finished(plan.name(point))
        }
        progress.finish()
        return computed
    }
}

/// Progress of a sweep on stderr: a bar with the points this run computes and time remaining on
/// a terminal, one line per finished point otherwise (batch logs). Time remaining is measured on
/// this run's points only, so points finished before a resume do not make it look shorter.
final class SweepProgress {
    private let total: Int
    private var done: Int
    private let alreadyDone: Int
    private let bar: ProgressBar
    private let clock = Stopwatch()

    init(total: Int, done: Int) {
        self.total = total; self.done = done; alreadyDone = done
        bar = ProgressBar(total: total - done, unit: "points to run")
        bar.advance(to: 0)
    }

    func finished(_ name: String) {
        done += 1
        if StandardError.isTerminal {
            bar.advance(to: done - alreadyDone)
        } else {
            let rate = clock.seconds / Double(done - alreadyDone)
            StandardError.write("point \(name) done: \(done)/\(total) points, \(ProgressBar.duration(rate * Double(total - done))) left\n")
        }
    }

    func finish() { bar.finish() }
}
