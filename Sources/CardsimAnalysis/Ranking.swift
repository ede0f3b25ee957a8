import CardsimEngine

/// The strategies ranked by one objective KPI: each strategy's mean, standard error and the
/// probability that it is the best, estimated over paired paths (common random numbers) as the
/// share of paths on which its value is the best (ties shared equally).
public struct Ranking: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        public var strategy: String
        public var mean: Double
        public var standardError: Double
        /// Share of paths on which the strategy is the best, with its binomial standard error.
        public var probabilityBest: Double
        public var probabilityBestError: Double
    }

    public var objective: String
    /// Best first.
    public var entries: [Entry]

    /// Ranks the strategies of `results` by KPI `objective` (higher better unless its direction
    /// says lower). Nil for an unknown KPI.
    public init?(results: [PathResult], scenario: Scenario, objective: String) {
        guard let k = KPI.all.firstIndex(where: { $0.id == objective }) else { return nil }
        let sign = (KPIDirection.of(objective) ?? .higherIsBetter).sign
        let values = Evaluation.pathValues(results, scenario: scenario).map { $0[k] }
        let n = results.count
        var wins = [Double](repeating: 0, count: values.count)
        for p in 0..<n {
            let scores = values.map { sign * $0[p] }
            guard let best = scores.max() else { continue }
            let tied = scores.indices.filter { scores[$0] == best }
            for s in tied { wins[s] += 1 / Double(tied.count) }
        }
        self.objective = objective
        entries = scenario.strategies.indices.map { s in
            let e = Estimate(values[s])
            let p = n > 0 ? wins[s] / Double(n) : 0
            return Entry(strategy: scenario.strategies[s].name, mean: e.mean, standardError: e.standardError,
                         probabilityBest: p, probabilityBestError: n > 0 ? (p * (1 - p) / Double(n)).squareRoot() : 0)
        }.sorted { sign * $0.mean > sign * $1.mean }
    }
}
