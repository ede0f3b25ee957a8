import CardsimEngine

/// What a campaign did, from its arms on every path (`CampaignRecord`): the estimate the
/// bank's own test would give beside the simulator's true effect on the same customers.
///
/// On path p, with T, H the treated and holdout arms summed over the run, T0, H0 the same
/// customers in the run without the campaign, n_T, n_H the arms' sizes and w the agent weight,
/// for each KPI f (`CampaignTally.kpis`):
///
///     holdout estimate   e_p = w (f(T) - n_T / n_H f(H))     treated minus holdout, scaled to the treated
///     true effect        t_p = w (f(T) - f(T0))              common random numbers
///     holdout spillover  s_p = w (f(H) - f(H0))              0 unless the campaign reaches the holdout
///                                                            (capacity, competitors' answers)
///     ROI                r_p = net income effect / (w cost(T))
///
/// Each is then an `Estimate` over paths (mean, standard error, Student-t 95% interval). The
/// payback month is the first month from which the mean cumulative true net-income effect
/// stays at or above 0 to the end of the run (nil if it ends below 0).
public struct CampaignEffect: Sendable {
    public var kind: CampaignKind
    /// Customers in the treated and holdout arms (scaled to the region).
    public var treated: Estimate
    public var holdout: Estimate
    /// The campaign's cost, yuan.
    public var cost: Estimate
    /// Per KPI of `CampaignTally.kpis`, in that order.
    public var holdoutEstimate: [Estimate]
    public var trueEffect: [Estimate]
    public var holdoutSpillover: [Estimate]
    /// ROI from the holdout estimate and from the true effect (nil values when nothing was spent).
    public var holdoutROI: Estimate?
    public var trueROI: Estimate?
    public var paybackMonth: Int?

    /// The effects of strategy `s`'s campaigns on `results` (sorted by path).
    public static func all(_ results: [PathResult], strategy s: Int, agentWeight w: Double) -> [CampaignEffect] {
        guard let first = results.first, s < first.campaigns.count else { return [] }
        return first.campaigns[s].indices.map { c in
            CampaignEffect(records: results.map { $0.campaigns[s][c] }, agentWeight: w)
        }
    }

    /// The effect from one campaign's record on every path, in path order.
    public init(records: [CampaignRecord], agentWeight w: Double) {
        kind = records.first?.kind ?? .reactivation
        let totals = records.map { r in CampaignArm.allCases.map { r.total($0) } }
        treated = Estimate(totals.map { $0[0].assigned * w })
        holdout = Estimate(totals.map { $0[1].assigned * w })
        cost = Estimate(totals.map { $0[0].cost * w })
        var estimate: [Estimate] = [], truth: [Estimate] = [], spill: [Estimate] = []
        var netEstimate: [Double] = [], netTruth: [Double] = []
        let netIndex = CampaignTally.kpis.firstIndex { $0.id == "net_income" }!
        for (k, kpi) in CampaignTally.kpis.enumerated() {
            let e = totals.map { t in
                t[1].assigned > 0 ? w * (kpi.value(t[0]) - t[0].assigned / t[1].assigned * kpi.value(t[1])) : Double.nan
            }
            let d = totals.map { t in w * (kpi.value(t[0]) - kpi.value(t[2])) }
            estimate.append(Estimate(e)); truth.append(Estimate(d))
            spill.append(Estimate(totals.map { t in w * (kpi.value(t[1]) - kpi.value(t[3])) }))
            if k == netIndex { netEstimate = e; netTruth = d }
        }
        holdoutEstimate = estimate; trueEffect = truth; holdoutSpillover = spill
        let costs = totals.map { $0[0].cost * w }
        if costs.allSatisfy({ $0 > 0 }) {
            holdoutROI = Estimate(zip(netEstimate, costs).map { $0 / $1 })
            trueROI = Estimate(zip(netTruth, costs).map { $0 / $1 })
        }
        // Mean cumulative true net-income effect by month.
        let months = records.first?.arms[0].count ?? 0
        var cumulative = 0.0, payback: Int? = nil
        for m in 0..<months {
            var sum = 0.0
            for r in records { sum += r.arms[0][m].netIncome - r.arms[2][m].netIncome }
            cumulative += sum / Double(max(records.count, 1))
            if cumulative >= 0 { if payback == nil { payback = m + 1 } } else { payback = nil }
        }
        paybackMonth = payback
    }
}
