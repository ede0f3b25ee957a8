import CardsimAnalysis
import CardsimEngine

/// Each active campaign of a strategy for `summary.json` (`CampaignEffect`): its arms' sizes
/// and cost, the holdout estimate and the true effect per KPI, the holdout's spillover, ROI and
/// the payback month. Every estimate is an object with `mean`, `standard_error`, `ci_low`,
/// `ci_high` (Student-t 95% over paths) and `unit`.
///
///     "campaigns": [{"name": "reactivation", "treated": {...}, "holdout": {...}, "cost": {...},
///                    "holdout_estimate": {"spend": {...}, ...}, "true_effect": {...},
///                    "holdout_spillover": {...},
///                    "roi": {"holdout_estimate": {...}, "true_effect": {...}}, "payback_month": 7}]
public enum CampaignSummary {
    /// The `campaigns` member of strategy `s`; nil when it runs no campaign.
    public static func json(_ results: [PathResult], scenario: Scenario, strategy s: Int) -> JSONText? {
        let effects = CampaignEffect.all(results, strategy: s, agentWeight: scenario.agentWeight)
        guard !effects.isEmpty else { return nil }
        return .array(effects.map(json))
    }

    static func json(_ e: CampaignEffect) -> JSONText {
        func kpis(_ estimates: [Estimate]) -> JSONText {
            var members: [String: JSONText] = [:]
            for (kpi, x) in zip(CampaignTally.kpis, estimates) { members[kpi.id] = estimate(x, unit: kpi.unit) }
            return .object(members)
        }
        var roi: [String: JSONText] = [:]
        if let r = e.holdoutROI { roi["holdout_estimate"] = estimate(r, unit: "yuan per yuan of cost") }
        if let r = e.trueROI { roi["true_effect"] = estimate(r, unit: "yuan per yuan of cost") }
        return .object([
            "name": .string(e.kind.name),
            "treated": estimate(e.treated, unit: "customers"),
            "holdout": estimate(e.holdout, unit: "customers"),
            "cost": estimate(e.cost, unit: "yuan"),
            "holdout_estimate": kpis(e.holdoutEstimate),
            "true_effect": kpis(e.trueEffect),
            "holdout_spillover": kpis(e.holdoutSpillover),
            "roi": roi.isEmpty ? .null : .object(roi),
            "payback_month": e.paybackMonth.map { .integer(Int64($0)) } ?? .null,
        ])
    }

    /// An estimate object; nulls where it is not finite (no holdout) or has no interval (one path).
    static func estimate(_ x: Estimate, unit: String) -> JSONText {
        func number(_ v: Double?) -> JSONText { v.map { $0.isFinite ? .double($0) : .null } ?? .null }
        return .object([
            "mean": number(x.mean), "standard_error": x.count > 1 ? number(x.standardError) : .null,
            "ci_low": number(x.low), "ci_high": number(x.high), "unit": .string(unit),
        ])
    }
}
