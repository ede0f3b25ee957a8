import CardsimEngine

/// Holdout sizing by simulation (`cardsim plan-test`): for each holdout share and test length,
/// the power of the bank's test of one campaign on one KPI.
///
/// Each candidate holdout share h runs the strategy alone with the campaign's holdout set to h
/// (and the campaign's true-effect run beside it, on common random numbers) for the longest
/// test length; a test of L months reads the arms' first L months. On path p, with the KPI f
/// summed over those months, arm sizes n_T, n_H and agent weight w:
///
///     effect   t_p = w (f(T) - f(T0))                    the campaign's true effect on the treated
///     null     z_p = w (f(T0) - n_T / n_H f(H0))         the test's estimate without the campaign (an A/A test)
///
/// The holdout estimate is t_p + z_p (`CampaignEffect`). Each agent stands for w customers who
/// would each be sampled on their own in the bank's test, so the test's sampling noise in the
/// region is z_p / sqrt(w) (variance w times smaller than the agents'). The test rejects "no
/// effect" at significance alpha when |t_p + z_p / sqrt(w)| > q s, s the standard deviation of
/// z / sqrt(w) over paths and q the two-sided normal quantile; the power is the share of paths
/// that reject, with binomial standard error sqrt(P (1 - P) / paths).
public struct HoldoutSizing: Sendable {
    public struct Design: Sendable, Equatable {
        public var holdout: Double
        public var months: Int
        public var power: Double
        public var powerStandardError: Double
        /// Mean true effect over paths, in the KPI's unit (customers or yuan of the region).
        public var meanEffect: Double
        /// The test's critical value q s, same unit.
        public var criticalValue: Double
        /// Mean number of agents in the holdout per path: the scaling to customers assumes
        /// dozens at least (`cardsim plan-test` warns below 30).
        public var holdoutAgents: Double
    }

    public var kind: CampaignKind
    public var kpi: String
    public var unit: String
    public var alpha: Double
    public var targetPower: Double
    public var paths: Int
    /// Every candidate, by holdout share then test length.
    public var designs: [Design]

    /// The smallest holdout share reaching the target power, and for it the shortest length;
    /// nil when no candidate does.
    public var recommended: Design? {
        designs.filter { $0.power >= targetPower }.min { ($0.holdout, $0.months) < ($1.holdout, $1.months) }
    }

    /// Runs the candidates. `scenario` holds the strategy to test (index `strategy`); its other
    /// strategies are not run. Paths, agents and seed are the scenario's.
    public static func run(_ scenario: Scenario, strategy s: Int, campaign kind: CampaignKind, kpi: String,
                           holdouts: [Double], months: [Int], alpha: Double, power: Double, threads: Int) throws -> HoldoutSizing {
        guard let k = CampaignTally.kpis.firstIndex(where: { $0.id == kpi }) else {
            throw SizingError("unknown campaign KPI '\(kpi)'; expected one of \(CampaignTally.kpis.map(\.id).joined(separator: ", "))")
        }
        guard scenario.strategies[s].campaigns.isActive(kind, months: months.max() ?? 0) else {
            throw SizingError("strategy '\(scenario.strategies[s].name)' runs no \(kind.name) campaign within \(months.max() ?? 0) months")
        }
        let f = CampaignTally.kpis[k].value
        let longest = months.max() ?? 0
        let w = scenario.agentWeight
        let q = Draw.inverseNormal(1 - alpha / 2)   // two-sided: P(|Z| > q) = alpha
        var designs: [Design] = []
        for h in holdouts {
            var one = scenario
            var strategy = scenario.strategies[s]
            switch kind {
            case .reactivation: strategy.campaigns.reactivation.holdout = h
            case .firstSwipe: strategy.campaigns.firstSwipe.holdout = h
            case .precision: strategy.campaigns.precision.holdout = h
            }
            one.strategies = [strategy]
            one.run.months = longest
            let results = MonteCarlo.run(one, paths: 0..<one.run.paths, threads: threads)
            guard let c = results.first?.campaigns.first?.firstIndex(where: { $0.kind == kind }) else {
                throw SizingError("the run holds no \(kind.name) campaign records")
            }
            for length in months {
                var effects: [Double] = [], noise: [Double] = [], agents = 0.0
                for r in results {
                    let record = r.campaigns[0][c]
                    func total(_ arm: CampaignArm) -> CampaignTally { record.arms[arm.rawValue].prefix(length).reduce(CampaignTally(), +) }
                    let t = total(.treated), h = total(.holdout), t0 = total(.treatedWithout), h0 = total(.holdoutWithout)
                    effects.append(w * (f(t) - f(t0)))
                    // A path whose holdout is empty cannot run the test: it detects nothing.
                    noise.append(h.assigned > 0 ? w * (f(t0) - t.assigned / h.assigned * f(h0)) / w.squareRoot() : .nan)
                    agents += h.assigned
                }
                let sd = Estimate(noise.filter(\.isFinite)).standardDeviation
                let critical = q * sd
                let rejected = zip(effects, noise).filter { $1.isFinite && abs($0 + $1) > critical }.count
                let n = Double(results.count)
                let p = Double(rejected) / n
                designs.append(Design(holdout: h, months: length, power: p, powerStandardError: (p * (1 - p) / n).squareRoot(),
                                      meanEffect: effects.reduce(0, +) / n, criticalValue: critical, holdoutAgents: agents / n))
            }
        }
        return HoldoutSizing(kind: kind, kpi: kpi, unit: CampaignTally.kpis[k].unit, alpha: alpha, targetPower: power,
                             paths: scenario.run.paths, designs: designs)
    }
}

/// A holdout sizing that cannot run, with what to do.
public struct SizingError: Error, CustomStringConvertible {
    public var description: String
    init(_ message: String) { description = message }
}
