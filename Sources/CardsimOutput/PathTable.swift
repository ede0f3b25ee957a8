import CardsimEngine

/// `paths.csv`: every path's value of every KPI over the whole horizon.
///
/// Header `path,strategy,` followed by every KPI id (in `KPI.all` order); one row per path
/// (0-based index in the run) and strategy (in scenario order), in that nesting. Values are in
/// the KPI's unit, aggregated over months as the KPI says (total, last month, or ratio of
/// totals).
public enum PathTable {
    public static let fileName = "paths.csv"
    public static var header: [String] { ["path", "strategy"] + KPI.all.map(\.id) }

    /// The text of `paths.csv` for results sorted by path index.
    public static func text(scenario: Scenario, results: [PathResult]) -> String {
        let values = Evaluation.pathValues(results, scenario: scenario)
        var out = CSV.record(header)
        let names = scenario.strategies.map { CSV.field($0.name) }
        for (p, result) in results.enumerated() {
            for (s, name) in names.enumerated() {
                out += "\(result.path),\(name)"
                for k in KPI.all.indices { out += "," + NumberText.double(values[s][k][p]) }
                out += "\n"
            }
        }
        return out
    }
}
