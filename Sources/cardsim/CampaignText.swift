import CardsimAnalysis
import CardsimEngine
import CardsimOutput

extension ComparisonText {
    /// One table per campaign of every strategy (`CampaignEffect`): per KPI, the holdout
    /// estimate (treated minus holdout, scaled to the treated) beside the true effect on the
    /// same customers (the run without the campaign), each mean ± standard error with its 95%
    /// interval; the note gives the arms' sizes, cost, ROI and payback month.
    static func campaigns(_ names: [String], _ results: [PathResult], agentWeight: Double) -> [Table] {
        var tables: [Table] = []
        for (s, name) in names.enumerated() {
            for e in CampaignEffect.all(results, strategy: s, agentWeight: agentWeight) {
                func cell(_ x: Estimate, _ unit: String) -> String {
                    guard x.mean.isFinite else { return ComparisonCaveats.absent }
                    let se = x.count > 1 ? " ± " + level(x.standardError, unit) : ""
                    return change(x.mean, unit) + se
                }
                func ci(_ x: Estimate, _ unit: String) -> String {
                    guard x.mean.isFinite, x.count > 1 else { return ComparisonCaveats.absent }
                    return interval(x.low, x.high) { change($0, unit) }
                }
                let rows = CampaignTally.kpis.enumerated().map { k, kpi in
                    [kpi.id.replacingOccurrences(of: "_", with: " ") + " (\(kpi.unit))",
                     cell(e.holdoutEstimate[k], kpi.unit), ci(e.holdoutEstimate[k], kpi.unit),
                     cell(e.trueEffect[k], kpi.unit), ci(e.trueEffect[k], kpi.unit)]
                }
                func roi(_ r: Estimate?) -> String {
                    guard let r, r.mean.isFinite else { return ComparisonCaveats.absent }
                    return String(format: "%.2f", r.mean) + (r.count > 1 ? String(format: " ± %.2f", r.standardError) : "")
                }
                let note = "treated \(QuantityText.compact(e.treated.mean)) customers, holdout \(QuantityText.compact(e.holdout.mean)), "
                    + "cost \(QuantityText.compact(e.cost.mean)) yuan; ROI (incremental net income / cost): holdout estimate \(roi(e.holdoutROI)), "
                    + "true \(roi(e.trueROI)); payback month \(e.paybackMonth.map(String.init) ?? "none")"
                tables.append(Table(title: "\(name): campaign \(e.kind.name)", note: note,
                                    header: ["KPI (run total)", "holdout estimate", "95% CI", "true effect", "95% CI"],
                                    rows: rows,
                                    footnotes: e.holdout.mean > 0 ? [] : ["n/a: the campaign keeps no holdout (set holdout: 0.1 for a control group)"]))
            }
        }
        return tables
    }
}
