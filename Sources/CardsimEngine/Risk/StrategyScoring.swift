/// The scorecards of one strategy on one path: its own risk policy's and, when it has a risk
/// window, the champion's (in force outside the window). Built right after the population is
/// drawn for the strategy: draws the observable features and standardises the scorecards.
final class StrategyScoring: @unchecked Sendable {
    private let own: RiskScoring?
    private let fallback: RiskScoring?
    private let window: LeverWindow
    private let pop: Population
    private let buffer: UnsafeMutablePointer<Int32>
    private let behaviourOut: UnsafeMutablePointer<Double>

    init(strategy: Strategy, scenario: Scenario, pop: Population, rng: PathRandom, month1: MonthContext?) {
        self.pop = pop
        window = strategy.riskWindow
        let buffer = UnsafeMutablePointer<Int32>.allocate(capacity: PathSimulator.blockSize)
        self.buffer = buffer
        behaviourOut = .allocate(capacity: PathSimulator.blockSize)
        let segments = scenario.market.segments.map(\.name)
        var weights = [Double](repeating: 0, count: segments.count)
        if let ctx = month1 {
            for s in segments.indices { weights[s] = ctx.applyCumulative[s * ctx.channelCount + ctx.channelCount - 1] }
        }
        // The features are traits of the path, the same for every strategy (common random numbers).
        ObservedFeatures.draw(pop, rng: rng)
        own = RiskScoring(strategy.risk, pop: pop, weights: weights, segments: segments,
                          column: pop.observed.applicationScore, buffer: buffer)
        fallback = strategy.fallback.flatMap {
            RiskScoring($0.risk, pop: pop, weights: weights, segments: segments,
                        column: pop.observed.fallbackApplicationScore, buffer: buffer)
        }
    }

    deinit { buffer.deallocate(); behaviourOut.deallocate() }

    private func inForce(_ month: Int) -> (RiskScoring?, UnsafeMutablePointer<Double>) {
        window.contains(month) ? (own, pop.observed.applicationScore) : (fallback, pop.observed.fallbackApplicationScore)
    }

    /// The approval by scorecard in force in `month`; nil when the synthetic score decides.
    func approval(month: Int, policy: RiskPolicy) -> ScoredApproval? {
        guard policy.scorecards.application != nil else { return nil }
        let (scoring, column) = inForce(month)
        guard let scoring else { return nil }
        return ScoredApproval(scores: UnsafePointer(column), cutoff: scoring.cutoff)
    }

    /// Behaviour scores of `agents` in `month`, or nil when line reviews use the approval score.
    func behaviourScores(month: Int, policy: RiskPolicy, agents: AgentIndices) -> UnsafePointer<Double>? {
        guard policy.scorecards.behaviour != nil, let scoring = inForce(month).0, scoring.behaviour != nil else { return nil }
        scoring.behaviourScores(pop, agents, into: behaviourOut)
        return UnsafePointer(behaviourOut)
    }
}

/// An approval decided by a scorecard: the standardised application score of every agent and
/// the cut-off on it.
struct ScoredApproval {
    let scores: UnsafePointer<Double>
    let cutoff: Double
}
