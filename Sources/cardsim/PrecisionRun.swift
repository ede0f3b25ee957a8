import ArgumentParser
import CardsimAnalysis
import CardsimEngine
import CardsimOutput
import CardsimScenario
import Foundation

/// `--precision KPI=H`: the KPI whose interval is watched and the half-width to get below.
struct PrecisionGoal: Equatable {
    var kpi: String
    var halfWidth: Double

    /// Parses `npv=2000000`, `active_rate=0.002`.
    init(parsing text: String) throws {
        let parts = text.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 2 else {
            throw ValidationError("--precision '\(text)' should be KPI=HALFWIDTH, e.g. --precision npv=2000000.")
        }
        guard KPI.named(parts[0]) != nil else {
            throw ValidationError("--precision names an unknown KPI '\(parts[0])'; KPIs: \(KPI.all.map(\.id).joined(separator: ", ")).")
        }
        guard let h = Double(parts[1]), h.isFinite, h > 0 else {
            throw ValidationError("--precision '\(text)': the half-width must be a positive number in the KPI's unit, found '\(parts[1])'.")
        }
        kpi = parts[0]; halfWidth = h
    }
}

extension RunCommand {
    /// Paths added per batch when `--batch` is not given.
    static let defaultBatch = 10

    func validatePrecision() throws {
        guard let precision else {
            if maxPaths != nil || batch != nil { throw ValidationError("--max-paths and --batch go with --precision.") }
            return
        }
        _ = try PrecisionGoal(parsing: precision)
        guard let maxPaths else { throw ValidationError("--precision needs --max-paths, the most paths to run.") }
        if maxPaths < 2 { throw ValidationError("--max-paths must be at least 2: an interval needs two paths.") }
        if let batch, batch < 1 { throw ValidationError("--batch must be at least 1.") }
        if size.paths != nil { throw ValidationError("--precision chooses the number of paths; leave out --paths.") }
        if shard != nil { throw ValidationError("--precision cannot be combined with --shard.") }
    }

    /// Runs batches of paths until the goal's half-width is below target or `--max-paths` is
    /// reached, then writes the directory `cardsim run --paths N` would write for the N found.
    func runToPrecision(_ goal: PrecisionGoal) throws {
        let maxPaths = self.maxPaths!, batch = self.batch ?? Self.defaultBatch
        let lock = try OutputLock.acquire(for: out)
        defer { lock.release() }
        let loaded = try CommandFailure.catching { try ScenarioInput.load(path: scenario, overrides: allOverrides, checkMemory: false) }
        var model = loaded.scenario
        model.run.paths = maxPaths
        try CommandFailure.catching { try MemoryLimit.check(model, file: scenario, threads: size.workerThreads, maxMemory: size.maxMemory) }
        let threads = size.workerThreads

        let bar = ProgressBar(total: maxPaths)
        bar.advance(to: 0)
        let clock = Stopwatch()
        var results: [PathResult] = []
        let outcome = PrecisionSearch.run(target: goal.halfWidth, batch: batch, maxPaths: maxPaths) { range in
            let done = results.count
            results += MonteCarlo.run(model, paths: range, threads: threads) { bar.advance(to: done + $0) }
            return ComparisonReport.precisionMeasure(kpi: goal.kpi, results: results, scenario: model)!
        }
        let seconds = clock.seconds
        bar.finish()

        // The run is stored as the plain run of the paths used: `--paths N` in the overrides.
        var sized = self
        sized.size.paths = outcome.paths
        let overrides = sized.allOverrides
        model.run.paths = outcome.paths
        var source = loaded.source
        source.overrides = overrides
        let info = RunInfo(scenario: model, scenarioHash: source.identityHash)
        try Publication.publish(results: results, info: info, scenario: model, targets: loaded.targets, source: source,
                                notes: [Self.precisionNote(goal, outcome: outcome, strategies: model.strategies.count,
                                                           batch: batch, maxPaths: maxPaths)],
                                to: out)

        let perPath = Double(model.run.agents) * Double(model.run.months) * Double(model.strategies.count)
        StandardError.write(Publication.timingLine(paths: outcome.paths, customerMonths: perPath * Double(outcome.paths),
                                                   seconds: seconds) + "\n")
    }

    /// `Precision: npv difference, 95% half-width 1.2M < 2M yuan: 30 paths (batches of 10, at most 200)`.
    static func precisionNote(_ goal: PrecisionGoal, outcome: PrecisionSearch.Outcome, strategies: Int,
                              batch: Int, maxPaths: Int) -> String {
        let unit = KPI.named(goal.kpi)!.unit
        func show(_ x: Double) -> String { unit.hasPrefix("fraction") ? QuantityText.percent(x, digits: 3) : QuantityText.compact(x) }
        let what = strategies > 1 ? "\(goal.kpi) difference" : goal.kpi
        let width = outcome.halfWidth.map(show) ?? "none"
        let suffix = unit.hasPrefix("fraction") ? "" : " \(unit)"
        let verdict: String
        if outcome.met {
            verdict = "\(width) < \(show(goal.halfWidth))\(suffix)"
        } else if let reason = outcome.unreliable {
            verdict = "\(width)\(suffix), not reliable at --max-paths (\(reason))"
        } else {
            verdict = "\(width), not below \(show(goal.halfWidth)) at --max-paths\(suffix)"
        }
        return "Precision: \(what), 95% half-width \(verdict): \(outcome.paths) paths (batches of \(batch), at most \(maxPaths))"
    }
}
