import CardsimAnalysis
import CardsimEngine
import CardsimOutput
import Foundation

/// The strategy comparison for people (a terminal table, Markdown) and for scripts (CSV).
///
/// Table and Markdown hold the same sections: the header; the KPI levels (one strategy) or,
/// per challenger, the paired differences from the champion; per challenger, the profit
/// attribution; the KPI targets; the NPV risk. Numbers are rounded for reading; CSV and JSON
/// hold them in full.
enum ComparisonText {
    /// A titled table: a header row and rows of cells, the first column left-aligned.
    struct Table {
        var title: String
        var note: String?
        var header: [String]
        var rows: [[String]]
        /// Lines printed below the rows: what a `?` or `n/a` in them means.
        var footnotes: [String] = []
    }

    // MARK: - Sections

    /// What the comparison shows: the KPIs of the difference tables (nil = all), whether rows
    /// that are zero for every strategy are hidden, and the ranking, if any.
    struct View {
        var kpis: Set<String>? = nil
        var hideZero = true
        var ranking: Ranking? = nil
    }

    /// The decision view first (ranking, then KPI targets), then each challenger's differences
    /// and attribution, then the NPV risk.
    static func tables(_ report: ComparisonReport, view: View = View()) -> [Table] {
        var tables: [Table] = []
        if let ranking = view.ranking, report.strategies.count > 1 { tables.append(rankingTable(ranking, report)) }
        if let targets = targets(report) { tables.append(targets) }
        if report.strategies.count == 1 { tables.append(levels(report.strategies[0], report)) }
        for s in report.strategies.dropFirst() {
            guard let c = s.comparison else { continue }
            tables.append(differences(s, c, champion: report.strategies[0], report, view: view))
            tables.append(attribution(s.name, c, report))
        }
        tables.append(risk(report))
        return tables
    }

    /// The strategies ranked by the objective, with the probability each is the best.
    static func rankingTable(_ r: Ranking, _ report: ComparisonReport) -> Table {
        let kpi = KPI.named(r.objective)!
        let name: String = label(kpi, months: report.months)
        let several = report.paths > 1
        var rows: [[String]] = []
        for (i, e) in r.entries.enumerated() {
            var value: String = level(e.mean, kpi.unit)
            if several { value += " ± " + level(e.standardError, kpi.unit) }
            var best: String = QuantityText.percent(e.probabilityBest)
            if several { best += " ± " + QuantityText.percent(e.probabilityBestError) }
            rows.append([String(i + 1), e.strategy, value, best])
        }
        let note = "mean over paths ± standard error; P(best): share of the \(report.paths) paired paths on which the strategy is the best (± binomial standard error)"
        return Table(title: "Ranking by " + name, note: note, header: ["rank", "strategy", name, "P(best)"], rows: rows)
    }

    /// The approval score's AUC and KS per strategy over the paths where they are defined and,
    /// for challengers, the paired difference from the champion (mean ± standard error); nil
    /// when the results carry no discrimination.
    static func discrimination(_ names: [String], _ summaries: [DiscriminationSummary]) -> Table? {
        guard summaries.count == names.count, !summaries.isEmpty else { return nil }
        func pm(_ s: Summary?, _ d: DiscriminationSummary, paired: Bool = false) -> String {
            (paired ? d.pairedPaths : d.paths) == 0 ? ComparisonCaveats.absent : s.map(DiscriminationSummary.text) ?? "-"
        }
        let noBads = summaries.contains { $0.paths == 0 }
        return Table(title: "Approval score discrimination",
                     note: "AUC and KS of each strategy's approval score on the accounts it booked; bad = 90+ days past due or charged off by the end of the run; difference = strategy - \(names[0]), paired by path",
                     header: ["strategy", "AUC", "KS", "AUC difference", "KS difference", "paths", "bads per path"],
                     rows: zip(names, summaries).map { name, d in
                         [name, pm(d.auc, d), pm(d.ks, d), d.aucDifference == nil ? "-" : pm(d.aucDifference, d, paired: true),
                          d.ksDifference == nil ? "-" : pm(d.ksDifference, d, paired: true), String(d.paths),
                          String(format: "%.1f", d.meanBads)]
                     },
                     footnotes: noBads ? ["n/a: no path has both good and bad booked accounts, so AUC and KS do not exist"] : [])
    }

    static func levels(_ s: ComparisonReport.StrategyReport, _ report: ComparisonReport) -> Table {
        Table(title: "\(s.name): KPI levels", note: "mean over paths, its standard error and 95% confidence interval",
              header: ["KPI", "mean", "standard error", "95% CI"],
              rows: zip(KPI.all, s.levels).map { kpi, e in
                  [label(kpi, months: report.months), level(e.mean, kpi.unit),
                   e.count > 1 ? level(e.standardError, kpi.unit) : ComparisonCaveats.absent,
                   e.count > 1 ? interval(e.low, e.high) { level($0, kpi.unit) } : ComparisonCaveats.absent]
              },
              footnotes: report.paths > 1 ? [] : [ComparisonCaveats.onePath])
    }

    static func differences(_ s: ComparisonReport.StrategyReport, _ c: ComparisonReport.Comparison,
                            champion: ComparisonReport.StrategyReport, _ report: ComparisonReport, view: View = View()) -> Table {
        // KPIs shown: those asked for, less those zero for every strategy (unless asked for).
        let shown = KPI.all.indices.filter { k in
            let id = KPI.all[k].id
            if let kpis = view.kpis { return kpis.contains(id) }
            return !view.hideZero || report.strategies.contains { $0.levels[k].mean != 0 }
        }
        let hidden = view.kpis == nil ? KPI.all.count - shown.count : 0
        return Table(title: "\(s.name) vs \(c.against)",
              note: "paired over common random numbers; difference = \(s.name) - \(c.against); "
                  + "P(better): t probability that the true difference favours \(s.name); "
                  + "variance reduction: Var(unpaired) / Var(paired)",
              header: ["KPI", c.against, s.name, "difference", "95% CI", "P(better)", "paths better", "variance reduction"],
              rows: shown.map { k in
                  let d = c.differences[k], kpi = KPI.all[k]
                  return [label(kpi, months: report.months), level(champion.levels[k].mean, kpi.unit),
                          level(s.levels[k].mean, kpi.unit), change(d.difference.mean, kpi.unit),
                          ComparisonCaveats.intervalCell(d) { change($0, kpi.unit) },
                          d.probabilityBetter.map { QuantityText.percent($0) } ?? "-",
                          d.shareOfPathsBetter.map { QuantityText.percent($0) } ?? "-",
                          ComparisonCaveats.varianceReduction(d.varianceReduction, paths: report.paths)]
              },
              footnotes: ComparisonCaveats.footnotes(shown.map { c.differences[$0] }, paths: report.paths) { label(KPI.all[shown[$0]], months: report.months) }
                  + (hidden > 0 ? ["\(hidden) KPIs zero for every strategy not shown (--all-kpis shows them)"] : []))
    }

    static func attribution(_ name: String, _ c: ComparisonReport.Comparison, _ report: ComparisonReport) -> Table {
        let npv = c.npvAttribution, income = c.netIncomeAttribution
        func cells(_ e: Estimate) -> [String] {
            [change(e.mean, "yuan"), interval(e.low, e.high) { change($0, "yuan") }]
        }
        var rows = zip(npv.lines, income.lines).map { n, i in [n.label] + cells(n.difference) + cells(i.difference) }
        if let d = npv.discounting {
            rows.append([Attribution.discountingID] + cells(d) + cells(income.discounting ?? Estimate([0])))
        }
        rows.append(["total"] + cells(npv.total) + cells(income.total))
        let horizon = ComparisonCaveats.horizon(months: report.months)
        return Table(title: "Where the difference comes from: \(name) - \(c.against), yuan",
                     note: "paired difference of each P&L line's contribution (costs count negative); the lines sum to the total"
                         + (npv.discounting == nil ? "" : "; discounting: the NPV difference from the strategies' different discount rates, the lines valued at \(c.against)'s"),
                     header: ["P&L line", "\(horizon) NPV difference", "95% CI", "\(horizon) net income difference", "95% CI"],
                     rows: rows, footnotes: report.paths > 1 ? [] : [ComparisonCaveats.onePath])
    }

    static func targets(_ report: ComparisonReport) -> Table? {
        guard let first = report.strategies.first, !first.targets.isEmpty else { return nil }
        let rows = first.targets.indices.map { t -> [String] in
            let rule = first.targets[t].rule
            let kpi = KPI.named(rule.kpi)!
            return ["\(label(kpi)) \(rule.relation.symbol) \(level(rule.threshold, kpi.unit))\(rule.period.phrase)"]
                + report.strategies.map { s in
                    let r = s.targets[t]
                    let missed = r.firstMissedMonth.map { ", first missed in month \($0)" } ?? ""
                    return "\(level(r.mean, kpi.unit)) \(r.meanMeets ? "met" : "not met")\(missed) (\(QuantityText.percent(r.shareOfPathsMeeting)) of paths)"
                }
        }
        return Table(title: "KPI targets", note: "mean over paths, whether it meets the target, and the share of paths that do; a target set every month or year must hold in each, and the month its mean first misses is given (a year's miss is known in its last month)",
                     header: ["target"] + report.strategies.map(\.name), rows: rows)
    }

    static func risk(_ report: ComparisonReport) -> Table {
        var rows = report.strategies.map { s in
            [s.name, level(s.risk.quantile, "yuan"), level(s.risk.expectedShortfall, "yuan")]
        }
        for s in report.strategies.dropFirst() {
            guard let c = s.comparison else { continue }
            rows.append(["\(s.name) - \(c.against)", change(c.risk.quantile, "yuan"), change(c.risk.expectedShortfall, "yuan")])
        }
        return Table(title: "NPV risk, yuan", note: "expected shortfall: mean of the worst 5% of paths",
                     header: ["", "5% quantile", "expected shortfall (5%)"], rows: rows,
                     footnotes: [ComparisonCaveats.tailCaveat(paths: report.paths)].compactMap { $0 })
    }

    /// `name (hash …): 40 paths x 60 months, 200000 agents, seed 7` and how intervals are made.
    static func header(_ info: RunInfo, _ report: ComparisonReport) -> [String] {
        var line = "\(info.scenarioName) (hash \(info.scenarioHash)): \(report.paths) paths x \(info.months) months, "
            + "\(info.agents) agents, seed \(info.seed)"
        if let shard = info.shard {
            line += ", shard \(shard.index)/\(shard.count) (paths \(shard.paths.lowerBound)..<\(shard.paths.upperBound) of \(info.paths))"
        }
        let method = report.paths > 1
            ? "95% confidence intervals: Student t, \(report.paths - 1) degrees of freedom (mean ± \(String(format: "%.4g", Estimate.tQuantile(report.confidence, count: report.paths))) standard errors)"
            : "one path: no confidence intervals"
        return [line, method]
    }

    // MARK: - Rendering

    /// Aligned columns for the terminal, tables separated by blank lines.
    static func terminal(_ info: RunInfo, _ report: ComparisonReport, extra: [Table] = [], standard: Bool = true,
                         view: View = View()) -> String {
        var out = header(info, report).joined(separator: "\n") + "\n"
        for table in (standard ? tables(report, view: view) : []) + extra {
            out += "\n\(table.title)\n"
            if let note = table.note { out += "(\(note))\n" }
            let all = [table.header] + table.rows
            let widths = table.header.indices.map { c in all.map { $0[c].count }.max() ?? 0 }
            for row in all {
                let cells = row.enumerated().map { c, s in
                    let pad = String(repeating: " ", count: widths[c] - s.count)
                    return c == 0 ? s + pad : pad + s
                }
                out += cells.joined(separator: "   ").trailingSpacesRemoved + "\n"
            }
            for line in table.footnotes { out += line + "\n" }
        }
        return out
    }

    /// GitHub-flavoured Markdown: a heading and a table per section.
    static func markdown(_ info: RunInfo, _ report: ComparisonReport, extra: [Table] = [], standard: Bool = true,
                         view: View = View()) -> String {
        var out = "# Strategy comparison\n\n" + header(info, report).joined(separator: "\n\n") + "\n"
        func cell(_ s: String) -> String { s.replacingOccurrences(of: "|", with: "\\|") }
        for table in (standard ? tables(report, view: view) : []) + extra {
            out += "\n## \(table.title)\n\n"
            if let note = table.note { out += "\(note.prefix(1).uppercased() + note.dropFirst()).\n\n" }
            out += "| " + table.header.map(cell).joined(separator: " | ") + " |\n"
            out += "|" + table.header.indices.map { $0 == 0 ? "---|" : "---:|" }.joined() + "\n"
            for row in table.rows { out += "| " + row.map(cell).joined(separator: " | ") + " |\n" }
            if !table.footnotes.isEmpty { out += "\n" + table.footnotes.map(cell).joined(separator: "\\\n") + "\n" }
        }
        return out
    }

    /// Long CSV: `section,strategy,against,item,statistic,value`, one number per row, in full
    /// precision; an empty value where there is none (one path, no variance). Each difference
    /// also has `reliable` (1 or 0) and `paths_needed` (empty when reliable or not estimable).
    static func csv(_ report: ComparisonReport) -> String {
        var out = CSV.record(["section", "strategy", "against", "item", "statistic", "value"])
        func row(_ section: String, _ strategy: String, _ against: String, _ item: String, _ statistic: String, _ value: Double?) {
            out += CSV.record([section, strategy, against, item, statistic, value.map { $0.description } ?? ""])
        }
        func count(_ section: String, _ strategy: String, _ against: String, _ item: String, _ statistic: String, _ value: Int?) {
            out += CSV.record([section, strategy, against, item, statistic, value.map(String.init) ?? ""])
        }
        func estimate(_ section: String, _ strategy: String, _ against: String, _ item: String, _ e: Estimate) {
            row(section, strategy, against, item, "mean", e.mean)
            row(section, strategy, against, item, "standard_error", e.count > 1 ? e.standardError : nil)
            row(section, strategy, against, item, "ci_low", e.low)
            row(section, strategy, against, item, "ci_high", e.high)
            row(section, strategy, against, item, "half_width", e.halfWidth)
        }
        for s in report.strategies {
            for (kpi, e) in zip(KPI.all, s.levels) { estimate("level", s.name, "", kpi.id, e) }
        }
        for s in report.strategies {
            guard let c = s.comparison else { continue }
            for d in c.differences {
                estimate("difference", s.name, c.against, d.kpi, d.difference)
                row("difference", s.name, c.against, d.kpi, "unpaired_standard_error", report.paths > 1 ? d.unpairedStandardError : nil)
                row("difference", s.name, c.against, d.kpi, "variance_reduction", d.varianceReduction)
                row("difference", s.name, c.against, d.kpi, "share_of_paths_better", d.shareOfPathsBetter)
                row("difference", s.name, c.against, d.kpi, "probability_better", d.probabilityBetter)
                count("difference", s.name, c.against, d.kpi, "reliable", d.reliability.isReliable ? 1 : 0)
                count("difference", s.name, c.against, d.kpi, "paths_needed", d.reliability.pathsNeeded)
            }
            for a in [c.npvAttribution, c.netIncomeAttribution] {
                for line in a.lines { estimate("attribution_\(a.kpi)", s.name, c.against, line.id, line.difference) }
                if let d = a.discounting { estimate("attribution_\(a.kpi)", s.name, c.against, Attribution.discountingID, d) }
                estimate("attribution_\(a.kpi)", s.name, c.against, "total", a.total)
            }
        }
        for s in report.strategies {
            for t in s.targets {
                let item = "\(t.rule.kpi):\(t.rule.relation.rawValue)"
                row("target", s.name, "", item, "threshold", t.rule.threshold)
                row("target", s.name, "", item, "mean", t.mean)
                row("target", s.name, "", item, "mean_meets", t.meanMeets ? 1 : 0)
                row("target", s.name, "", item, "share_of_paths_meeting", t.shareOfPathsMeeting)
            }
        }
        for s in report.strategies {
            row("risk", s.name, "", "npv", "p5", s.risk.quantile)
            row("risk", s.name, "", "npv", "expected_shortfall_5", s.risk.expectedShortfall)
            if let c = s.comparison {
                row("risk", s.name, c.against, "npv_difference", "p5", c.risk.quantile)
                row("risk", s.name, c.against, "npv_difference", "expected_shortfall_5", c.risk.expectedShortfall)
            }
        }
        return out
    }

    // MARK: - Numbers for reading

    /// The KPI's name, with its unit unless a fraction (shown as a percentage); a total over
    /// the run says its horizon when `months` is given (`5-year net income (yuan)`).
    static func label(_ kpi: KPI, months: Int? = nil) -> String {
        let name = months.map { ComparisonCaveats.horizonLabel(kpi, kpi.label, months: $0) } ?? kpi.label
        switch kpi.unit {
        case "fraction": return name
        case "fraction per year": return name + " (a year)"
        default: return "\(name) (\(kpi.unit))"
        }
    }

    /// A level: a percentage for fractions, else 3 significant digits with K, M, B.
    static func level(_ x: Double, _ unit: String) -> String {
        unit.hasPrefix("fraction") ? QuantityText.percent(x) : QuantityText.compact(x)
    }

    /// A signed difference, 3 significant digits: percentage points for fractions.
    static func change(_ x: Double, _ unit: String) -> String {
        let sign = x > 0 ? "+" : ""
        if unit.hasPrefix("fraction") { return sign + QuantityText.compact(x * 100) + " pp" }
        return sign + QuantityText.compact(x)
    }

    static func interval(_ low: Double?, _ high: Double?, _ show: (Double) -> String) -> String {
        guard let low, let high else { return "-" }
        return "[\(show(low)), \(show(high))]"
    }
}

extension String {
    var trailingSpacesRemoved: String {
        var s = self
        while s.hasSuffix(" ") { s.removeLast() }
        return s
    }
}
