import CardsimEngine
import Foundation

/// The key results of a run as a table for the terminal: one row per headline KPI, one column
/// per strategy, each cell `mean ± standard error` over paths in a readable unit.
///
///     baseline (hash 1f0c4a7e9b2d3c5a): 4 paths x 12 months, 2000 agents (250 adults each), seed 7
///     mean ± standard error over paths
///
///                             champion                 fee_waiver
///     cards in force          1.23M ± 4.5K cards       1.25M ± 4.4K cards
///     active rate             63.2% ± 0.41%            66.0% ± 0.38%
///     net income              12.3M ± 1.1M yuan        11.9M ± 1.1M yuan
///
/// With one path there is no standard error: cells are `mean ± n/a` and the second line says why.
public enum ResultsTable {
    /// The headline KPIs, with their row labels.
    public static let rows: [(id: String, label: String)] = KPI.headline.map { ($0.id, $0.label) }

    /// The table for results sorted by path index.
    public static func text(info: RunInfo, scenario: Scenario, results: [PathResult]) -> String {
        let values = Evaluation.pathValues(results, scenario: scenario)
        let summaries = values.map { perKPI in perKPI.map { Summary($0) } }
        let scores = DiscriminationSummary.strategies(results)
        let extra: [(String, [String])] = scores.isEmpty ? [] : [
            ("approval score AUC", scores.map { scoreCell($0.auc, paths: $0.paths) }),
            ("approval score KS", scores.map { scoreCell($0.ks, paths: $0.paths) }),
        ]
        return text(info: info, strategyNames: scenario.strategies.map(\.name), summaries: summaries, extraRows: extra)
    }

    /// `0.751 ± 0.0021`, or `n/a` when no path had both good and bad accounts.
    static func scoreCell(_ s: Summary, paths: Int) -> String {
        paths == 0 ? "n/a" : String(format: "%.3f ± %.2g", s.mean, s.standardError)
    }

    /// The table from KPI summaries: `summaries[s][k]` is KPI k (in `KPI.all` order) of
    /// strategy s; `extraRows` (label, one cell per strategy) follow the KPIs.
    public static func text(info: RunInfo, strategyNames: [String], summaries: [[Summary]],
                            extraRows: [(String, [String])] = []) -> String {
        var out = "\(info.scenarioName) (hash \(info.scenarioHash)): "
        out += "\(info.pathRange.count) paths x \(info.months) months, \(info.agents) agents "
        let weight = info.agentWeight == info.agentWeight.rounded() && info.agentWeight < 1e15
            ? String(Int64(info.agentWeight)) : QuantityText.compact(info.agentWeight)
        out += "(\(weight) adults each), seed \(info.seed)"
        if let shard = info.shard {
            out += ", shard \(shard.index)/\(shard.count) (paths \(shard.paths.lowerBound)..<\(shard.paths.upperBound) of \(info.paths))"
        }
        let onePath = info.pathRange.count < 2
        out += onePath ? "\nmean ± standard error over paths (n/a: one path, so no standard error)\n\n"
                       : "\nmean ± standard error over paths\n\n"

        var table: [[String]] = [[""] + strategyNames]
        for row in rows {
            guard let k = KPI.all.firstIndex(where: { $0.id == row.id }) else { continue }
            let kpi = KPI.all[k]
            table.append([row.label] + summaries.map { onePath ? absentCell($0[k], unit: kpi.unit) : cell($0[k], unit: kpi.unit) })
        }
        for (label, cells) in extraRows { table.append([label] + cells) }
        let widths = (0..<table[0].count).map { c in table.map { $0[c].count }.max() ?? 0 }
        for line in table {
            let cells = line.enumerated().map { c, s in
                c + 1 == line.count ? s : s + String(repeating: " ", count: widths[c] - s.count)
            }
            out += cells.joined(separator: "   ") + "\n"
        }
        if let k = KPI.all.firstIndex(where: { $0.id == "long_dormant_share" }) {
            for (s, name) in strategyNames.enumerated() where summaries[s][k].mean > longDormantThreshold {
                out += "flag: \(name): long-dormant cards are \(QuantityText.percent(summaries[s][k].mean)) of cards in force, "
                    + "above the \(QuantityText.percent(longDormantThreshold)) regulatory threshold\n"
            }
        }
        return out
    }

    /// Long-dormant cards above this share of cards in force are flagged (regulatory limit).
    public static let longDormantThreshold = 0.20

    /// `mean ± n/a` in the KPI's unit, for a single path.
    static func absentCell(_ s: Summary, unit: String) -> String {
        switch unit {
        case "fraction": return "\(QuantityText.percent(s.mean)) ± n/a"
        case "fraction per year": return "\(QuantityText.percent(s.mean)) ± n/a a year"
        default: return "\(QuantityText.compact(s.mean)) ± n/a \(unit)"
        }
    }

    /// `mean ± standard error` in the KPI's unit: percentages for fractions, K/M/B otherwise.
    static func cell(_ s: Summary, unit: String) -> String {
        switch unit {
        case "fraction":
            return "\(QuantityText.percent(s.mean)) ± \(QuantityText.percent(s.standardError, digits: 2))"
        case "fraction per year":
            return "\(QuantityText.percent(s.mean)) ± \(QuantityText.percent(s.standardError, digits: 2)) a year"
        default:
            return "\(QuantityText.compact(s.mean)) ± \(QuantityText.compact(s.standardError, digits: 2)) \(unit)"
        }
    }
}
