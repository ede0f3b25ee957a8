import CardsimAnalysis
import CardsimEngine
import CardsimOutput

/// The campaigns of a run as the report and the notebook show them (`CampaignEffect`): per
/// strategy and campaign, a one-line summary and a row per KPI with the holdout estimate beside
/// the true effect, each as mean and 95% interval.
struct CampaignRows {
    struct Campaign {
        var strategy: String
        var name: String
        var summary: String
        /// (KPI label, holdout estimate, its interval, true effect, its interval).
        var rows: [(String, String, String, String, String)]
    }

    var campaigns: [Campaign] = []

    init(_ run: RunData) {
        for (s, name) in run.strategyNames.enumerated() {
            for e in CampaignEffect.all(run.results, strategy: s, agentWeight: run.scenario.agentWeight) {
                func mean(_ x: Estimate, _ unit: String) -> String {
                    x.mean.isFinite ? ValueText.difference(x.mean, unit: unit) : "n/a (no holdout)"
                }
                func ci(_ x: Estimate, _ unit: String) -> String {
                    guard x.mean.isFinite, let lo = x.low, let hi = x.high else { return "n/a" }
                    return "[\(ValueText.difference(lo, unit: unit)), \(ValueText.difference(hi, unit: unit))]"
                }
                func roi(_ r: Estimate?) -> String {
                    guard let r, r.mean.isFinite else { return "n/a" }
                    return String(format: "%.2f", r.mean) + (r.count > 1 ? String(format: " ± %.2f", r.standardError) : "")
                }
                let summary = "\(ValueText.value(e.treated.mean, unit: "customers")) treated, "
                    + "\(ValueText.value(e.holdout.mean, unit: "customers")) held out, cost \(ValueText.value(e.cost.mean, unit: "yuan")); "
                    + "ROI (incremental net income / cost) \(roi(e.trueROI)) true, \(roi(e.holdoutROI)) by the holdout test; "
                    + "payback month \(e.paybackMonth.map(String.init) ?? "none (the campaign does not pay back within the run)")"
                let rows = CampaignTally.kpis.enumerated().map { k, kpi in
                    (kpi.id.replacingOccurrences(of: "_", with: " ") + " (\(kpi.unit))",
                     mean(e.holdoutEstimate[k], kpi.unit), ci(e.holdoutEstimate[k], kpi.unit),
                     mean(e.trueEffect[k], kpi.unit), ci(e.trueEffect[k], kpi.unit))
                }
                campaigns.append(Campaign(strategy: name, name: e.kind.name, summary: summary, rows: rows))
            }
        }
    }
}
