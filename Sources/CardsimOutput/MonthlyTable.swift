import CardsimEngine

/// `monthly.csv`: each KPI's distribution over paths, month by month.
///
/// Header `month,strategy,kpi,mean,p5,p50,p95`; one row per month (1-based), strategy (in
/// scenario order) and KPI (in `KPI.all` order), in that nesting. Values are in the KPI's unit
/// (`summary.json` names it); a month's KPI is the one-month value (flows are that month's
/// amount; `npv` is that month's discounted net income).
public enum MonthlyTable {
    public static let fileName = "monthly.csv"
    public static let header = ["month", "strategy", "kpi", "mean", "p5", "p50", "p95"]

    /// The text of `monthly.csv` for results sorted by path index.
    public static func text(scenario: Scenario, results: [PathResult]) -> String {
        let values = Evaluation.monthlyValues(results, scenario: scenario)
        var out = CSV.record(header)
        let names = scenario.strategies.map { CSV.field($0.name) }
        for t in 0..<scenario.run.months {
            for (s, name) in names.enumerated() {
                for (k, kpi) in KPI.all.enumerated() {
                    let m = Summary(values[s][k][t])
                    out += "\(t + 1),\(name),\(kpi.id),\(NumberText.double(m.mean)),\(NumberText.double(m.p5)),"
                        + "\(NumberText.double(m.p50)),\(NumberText.double(m.p95))\n"
                }
            }
        }
        return out
    }
}
