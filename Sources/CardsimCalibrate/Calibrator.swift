import CardsimScenario
import CardsimSweep

/// The calibration itself: a multi-start Nelder-Mead search of the parameters that minimise the
/// weighted distance between simulated and target moments, then the Jacobian at the best point
/// seen and the standard errors (`Identification`).
///
/// Every candidate is evaluated on the same seed and paths (common random numbers), so the
/// distance is a deterministic function of the parameters and the search is reproducible.
/// Each start has its own share of the budget, so the starts are independent: they may run in
/// one process one after another, or in separate processes (`onlyStart`, a Slurm job array)
/// whose traces a last process replays. Within a start, evaluations are asked in a fixed
/// order; `replay` answers the first ones of each start (and of the Jacobian, start 0) from
/// an earlier trace, so that a resumed or distributed calibration gives the same bytes as one
/// run whole.
public final class Calibrator {
    public let spec: CalibrationSpec
    /// Runs the scenario with the parameters at the given override texts (in `spec.parameters`
    /// order) and returns the moments of `spec.targets`.
    private let simulate: ([String]) throws -> MomentSample
    /// Called after each evaluation that was not replayed (to append it to the trace on disk),
    /// with the row and its 1-based position within its start.
    private let record: (TraceRow, Int) throws -> Void
    /// Called with the number of evaluations done so far and the total planned.
    private let progress: (Int, Int) -> Void

    /// The earlier rows of each start (0: the Jacobian's), and how many of them were used.
    private var replay: [Int: [TraceRow]]
    private var replayed: [Int: Int] = [:]
    private(set) public var rows: [TraceRow] = []
    private var known: [[String]: [Double]] = [:]
    private var start = 0
    private var phase = TraceRow.Phase.search

    public init(spec: CalibrationSpec, replay: [TraceRow], simulate: @escaping ([String]) throws -> MomentSample,
                record: @escaping (TraceRow, Int) throws -> Void, progress: @escaping (Int, Int) -> Void = { _, _ in }) {
        self.spec = spec; self.simulate = simulate; self.record = record; self.progress = progress
        self.replay = Dictionary(grouping: replay, by: \.start)
        for row in replay { known[row.valueTexts] = row.model }
    }

    /// Evaluations of start `s` (1-based): an equal share of the budget, the first starts
    /// taking the remainder.
    public func budget(ofStart s: Int) -> Int {
        let k = spec.run.starts, total = spec.run.maxEvaluations
        return total / k + (s <= total % k ? 1 : 0)
    }

    /// Evaluations planned: the optimiser's budget plus two per parameter for the Jacobian.
    public var plannedEvaluations: Int { spec.run.maxEvaluations + 2 * spec.parameters.count }

    /// The parameter values at `x` in the unit cube: low + x (high - low), rounded to 12
    /// significant digits and kept within the bounds.
    public func values(at x: [Double]) -> [Double] {
        zip(spec.parameters, x).map { p, u in min(p.high, max(p.low, ValueText.rounded(p.value(at: u)))) }
    }

    /// The model moments at `x`, from the replayed trace, an earlier evaluation or a run.
    private func model(at x: [Double]) throws -> [Double] {
        let texts = values(at: x).map(ValueText.text)
        let number = rows.count + 1
        let position = (replayed[start] ?? 0) + 1
        let earlier = replay[start] ?? []
        let means: [Double]
        let fromReplay = position <= earlier.count && earlier[position - 1].valueTexts == texts
        if fromReplay {
            means = earlier[position - 1].model
            replayed[start] = position
        } else {
            replay[start] = []                                    // this start's trace diverges here: compute
            replayed[start] = position
            if let seen = known[texts] { means = seen } else { means = try simulate(texts).means }
        }
        known[texts] = means
        let row = TraceRow(number: number, start: start, phase: phase, valueTexts: texts,
                           distance: MomentDistance.distance(model: means, targets: spec.targets), model: means)
        rows.append(row)
        if !fromReplay { try record(row, position) }
        progress(rows.count, plannedEvaluations)
        return means
    }

    private func distance(at x: [Double]) throws -> Double {
        MomentDistance.distance(model: try model(at: x), targets: spec.targets)
    }

    /// Runs the search, the standard errors' evaluations and one more run at the best point
    /// for the moments' Monte Carlo covariance.
    public func run() throws -> CalibrationOutcome {
        var convergedStarts: Set<Int> = []
        for s in 1...spec.run.starts where try search(start: s) { convergedStarts.insert(s) }
        // The best point seen (the first of equals). The Jacobian's steps may find a better
        // one: then it is taken and the Jacobian computed again there, until none is better.
        start = 0
        phase = .jacobian
        let searchBest = rows.min { $0.distance < $1.distance }!
        var bestRow = searchBest
        var jacobian: [[Double]] = []
        for _ in 0..<Calibrator.maximumJacobianRounds {
            let x = zip(spec.parameters, bestRow.valueTexts).map { p, v in (Double(v)! - p.low) / (p.high - p.low) }
            jacobian = try self.jacobian(at: x, model: bestRow.model)
            let seen = rows.min { $0.distance < $1.distance }!
            if seen.distance >= bestRow.distance { break }
            bestRow = seen
        }
        let bestValues = bestRow.valueTexts.map { Double($0)! }
        let sample = try simulate(bestRow.valueTexts)
        return CalibrationOutcome(spec: spec, best: bestRow, values: bestValues, sample: sample, jacobian: jacobian,
                                  rows: rows, converged: convergedStarts.contains(searchBest.start),
                                  searchDistance: searchBest.distance)
    }

    /// Runs start `s`'s search alone (1-based); returns whether it converged.
    @discardableResult
    public func search(start s: Int) throws -> Bool {
        let x0 = StartPoints.points(spec.run.starts, dimension: spec.parameters.count)[s - 1]
        start = s
        phase = .search
        return try NelderMead().minimise(from: x0, budget: budget(ofStart: s)) { try distance(at: $0) }.converged
    }

    /// Most Jacobians computed in turn at better points found by the previous one's steps.
    public static let maximumJacobianRounds = 10

    /// Step of the finite differences, in units of each parameter's range.
    public static let jacobianStep = 0.05

    /// d model_k / d parameter_j at `x`: central differences of `jacobianStep` of the range,
    /// one-sided against a bound.
    private func jacobian(at x: [Double], model: [Double]) throws -> [[Double]] {
        let p = x.count, k = model.count
        var columns: [[Double]] = []
        let center = zip(spec.parameters, x).map { $0.value(at: $1) }
        for j in 0..<p {
            var up = x, down = x
            up[j] = min(1, x[j] + Calibrator.jacobianStep)
            down[j] = max(0, x[j] - Calibrator.jacobianStep)
            let mUp = up[j] == x[j] ? model : try self.model(at: up)
            let mDown = down[j] == x[j] ? model : try self.model(at: down)
            let span = (up[j] == x[j] ? center[j] : values(at: up)[j]) - (down[j] == x[j] ? center[j] : values(at: down)[j])
            columns.append((0..<k).map { span > 0 ? (mUp[$0] - mDown[$0]) / span : 0 })
        }
        return (0..<k).map { i in (0..<p).map { columns[$0][i] } }
    }
}
