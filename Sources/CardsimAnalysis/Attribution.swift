import CardsimEngine

/// Where a difference in NPV or net income comes from: the paired difference of each P&L line's
/// contribution, path by path.
///
/// For strategy s on path p, line l contributes
///
///     C_l(s, p) = Σ_t sign_l · value_l(s, p, t) · (w · f_t)
///
/// with w the agent weight and f_t the month's discount factor (1 for net income). Since
/// net income is the signed sum of the lines every month, Σ_l C_l(s, p) is the strategy's NPV
/// (or net income) on path p, and for every path
///
///     Σ_l [C_l(B, p) - C_l(A, p)] = NPV_B(p) - NPV_A(p)
///
/// to floating-point rounding; so do the means of the line differences sum to the mean NPV
/// difference. Each line carries its own paired estimate (mean, standard error, interval).
///
/// When the two strategies discount at different rates, the lines are valued at the
/// champion's factors f^A and the rest is the discounting line:
///
///     line l      = Σ_t sign_l · [value_l(B, p, t) - value_l(A, p, t)] · (w · f^A_t)
///     discounting = Σ_t netIncome(B, p, t) · w · (f^B_t - f^A_t)
///
/// so a challenger that changes only the discount rate has every line exactly 0 and the whole
/// NPV difference in discounting. With equal rates there is no discounting line.
public struct Attribution: Sendable, Equatable {
    /// What is attributed: `npv` or `net_income`.
    public var kpi: String
    /// One entry per line of `ProfitLine.all`, in that order.
    public var lines: [Line]
    /// The part of the difference due to the strategies' different discount rates; nil when
    /// they discount alike (and for net income).
    public var discounting: Estimate?

    /// The id and label of the discounting line in outputs.
    public static let discountingID = "discounting"
    /// The paired difference of the KPI itself, as the engine computes it.
    public var total: Estimate

    public struct Line: Sendable, Equatable {
        public var id: String
        public var label: String
        /// The paired difference of the line's contribution (challenger - champion), signed so
        /// that a positive value raises the challenger's NPV or net income.
        public var difference: Estimate
    }

    /// Sum of the lines' mean differences and the discounting's: the total mean difference,
    /// to rounding.
    public var sumOfLines: Double {
        var s = 0.0
        for line in lines { s += line.difference.mean }
        if let discounting { s += discounting.mean }
        return s
    }

    /// Attribution of `kpi` ("npv" discounts, "net_income" does not) between `champion` and
    /// `challenger` (strategy indices) over `results` (in path order).
    public init(kpi: String, results: [PathResult], scenario: Scenario, champion a: Int, challenger b: Int,
                confidence: Double = Estimate.defaultConfidence) {
        let w = scenario.agentWeight
        let months = scenario.run.months
        func factors(_ s: Int) -> [Double] {
            kpi == "npv" ? KPI.discountFactors(rate: scenario.strategies[s].economics.discountRate, months: months)
                         : [Double](repeating: 1, count: months)
        }
        func contributions(_ s: Int, _ f: [Double]) -> [[Double]] {
            ProfitLine.all.map { line in
                results.map { result in
                    var sum = 0.0
                    for (t, record) in result.months[s].enumerated() { sum += line.contribution(record.pnl) * (w * f[t]) }
                    return sum
                }
            }
        }
        let fa = factors(a), fb = factors(b)
        let ca = contributions(a, fa), cb = contributions(b, fa)
        self.kpi = kpi
        lines = ProfitLine.all.indices.map { l in
            let d = zip(cb[l], ca[l]).map { $0 - $1 }
            return Line(id: ProfitLine.all[l].id, label: ProfitLine.all[l].label,
                        difference: Estimate(d, confidence: confidence))
        }
        if fb == fa {
            discounting = nil
        } else {
            let own = contributions(b, fb)
            let d = results.indices.map { p in
                var sum = 0.0
                for l in ProfitLine.all.indices { sum += own[l][p] - cb[l][p] }
                return sum
            }
            discounting = Estimate(d, confidence: confidence)
        }
        let measure = KPI.named(kpi)!
        func values(_ s: Int) -> [Double] {
            let factors = KPI.discountFactors(rate: scenario.strategies[s].economics.discountRate, months: months)
            return results.map { measure.path($0.months[s], weight: w, discountFactors: factors) }
        }
        total = Estimate(zip(values(b), values(a)).map { $0 - $1 }, confidence: confidence)
    }
}
