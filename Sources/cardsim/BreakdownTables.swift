import ArgumentParser
import CardsimAnalysis
import CardsimEngine
import CardsimOutput

/// `cardsim compare --by segment|channel`: each group's KPIs per strategy (mean over paths with
/// its standard error) and each challenger's paired difference from the champion (mean,
/// standard error, Student-t 95% interval), from `segments.csv` or `channels.csv`.
///
/// By segment (run totals unless stated; customers and yuan of the region): new accounts,
/// cards in force and active cards at the run's end, spend, interest and fees, charge-offs,
/// receivables at the run's end. By channel: applications, new accounts, cost per account
/// (yuan), activation within 3 months and 90+ days past due within 12 months of booking
/// (fractions of the accounts booked early enough to be observed that long).
enum BreakdownTables {
    typealias Grouping = GroupBreakdown.Grouping

    static func groups(_ by: Grouping, results: [PathResult], scenario: Scenario) -> [GroupBreakdown.Group] {
        GroupBreakdown.groups(by, results: results, scenario: scenario)
    }

    static func tables(_ by: Grouping, results: [PathResult], scenario: Scenario) -> [ComparisonText.Table] {
        let names = scenario.strategies.map(\.name)
        return groups(by, results: results, scenario: scenario).map { group in
            var header = ["KPI"] + names
            for n in names.dropFirst() { header += ["\(n) - \(names[0])", "95% CI"] }
            let rows = group.kpis.enumerated().map { k, kpi -> [String] in
                var row = [kpi.id.replacingOccurrences(of: "_", with: " ") + " (\(kpi.unit))"]
                for s in names.indices { row.append(level(Estimate(group.values[k][s]), kpi.unit)) }
                for s in names.indices.dropFirst() {
                    let d = Estimate(zip(group.values[k][s], group.values[k][0]).map { $0 - $1 })
                    guard d.mean.isFinite else { row += [ComparisonCaveats.absent, ComparisonCaveats.absent]; continue }
                    row.append(ComparisonText.change(d.mean, kpi.unit) + (d.count > 1 ? " ± " + ComparisonText.level(d.standardError, kpi.unit) : ""))
                    row.append(d.count > 1 ? ComparisonText.interval(d.low, d.high) { ComparisonText.change($0, kpi.unit) } : ComparisonCaveats.absent)
                }
                return row
            }
            return ComparisonText.Table(title: "\(by.rawValue) \(group.name)",
                                        note: "mean over paths ± standard error; differences paired by path, Student-t 95% intervals; n/a where no path has the figure",
                                        header: header, rows: rows)
        }
    }

    static func level(_ e: Estimate, _ unit: String) -> String {
        guard e.mean.isFinite else { return ComparisonCaveats.absent }
        return ComparisonText.level(e.mean, unit) + (e.count > 1 ? " ± " + ComparisonText.level(e.standardError, unit) : "")
    }

    /// The JSON of `--by ... --format json`: per group, per strategy, per KPI an estimate, and
    /// the challengers' paired differences.
    static func json(_ by: Grouping, results: [PathResult], scenario: Scenario) -> JSONText {
        let names = scenario.strategies.map(\.name)
        func estimate(_ e: Estimate) -> JSONText {
            func n(_ v: Double?) -> JSONText { v.map { $0.isFinite ? .double($0) : .null } ?? .null }
            return .object(["mean": n(e.mean), "standard_error": e.count > 1 ? n(e.standardError) : .null,
                            "ci_low": n(e.low), "ci_high": n(e.high)])
        }
        let groups = groups(by, results: results, scenario: scenario).map { g -> JSONText in
            .object([
                "name": .string(g.name),
                "strategies": .array(names.indices.map { s in
                    var kpis: [String: JSONText] = [:], differences: [String: JSONText] = [:]
                    for (k, kpi) in g.kpis.enumerated() {
                        kpis[kpi.id] = estimate(Estimate(g.values[k][s]))
                        if s > 0 { differences[kpi.id] = estimate(Estimate(zip(g.values[k][s], g.values[k][0]).map { $0 - $1 })) }
                    }
                    var members: [String: JSONText] = ["name": .string(names[s]), "kpis": .object(kpis)]
                    if s > 0 { members["difference_from_champion"] = .object(differences) }
                    return .object(members)
                }),
            ])
        }
        return .object(["by": .string(by.rawValue), "groups": .array(groups)])
    }
}

extension GroupBreakdown.Grouping: ExpressibleByArgument {}
