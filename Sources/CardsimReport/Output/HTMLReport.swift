import CardsimAnalysis
import CardsimEngine
import CardsimOutput

/// One self-contained HTML page about a run: metadata, KPI tables, comparisons, the charts as
/// inline SVG and the scenario text. No scripts and no external resources; every string from
/// the run (scenario and strategy names, the YAML text, overrides) is escaped. The markup is
/// also well-formed XML (XHTML syntax), so XML parsers read it too.
public enum HTMLReport {
    /// The page. `charts[i]` is the SVG text of `plan.charts[i]`; `generator` names the
    /// program that wrote the page.
    public static func html(_ run: RunData, plan: ChartPlan, svgCharts: [String],
                            generator: String = "cardsim \(CardsimVersion.current)") -> String {
        let e = Markup.escape
        let name = run.info.scenarioName
        var h = "<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n<head>\n"
        h += "<meta charset=\"utf-8\"/>\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n"
        h += "<meta name=\"generator\" content=\"\(e(generator))\"/>\n"
        h += "<title>\(e(name)): cardsim report</title>\n<style>\n\(style)</style>\n</head>\n<body>\n"

        h += "<header>\n<h1>\(e(name))</h1>\n"
        if let q = run.question { h += "<p class=\"question\">\(e(q))</p>\n" }
        h += "<p class=\"meta\">\(run.paths) paths × \(run.months) months, \(run.info.agents) agents; strategies: "
        h += run.strategyNames.enumerated().map { i, s in
            "<span class=\"strategy\" style=\"border-color: \(Palette.strategy(i))\">\(e(s))</span>"
        }.joined(separator: " ") + "</p>\n</header>\n"

        h += "<nav>\n<ul>\n"
        var sections = [("run", "Run"), ("results", "Key results"), ("decision", "Ranking, targets and risk")]
        if !plan.comparisons.isEmpty { sections.append(("comparison", "Comparison with the champion")) }
        let campaigns = CampaignRows(run)
        if !campaigns.campaigns.isEmpty { sections.append(("campaigns", "Campaigns")) }
        let breakdowns = BreakdownRows(run)
        if !breakdowns.isEmpty { sections.append(("breakdowns", "Segments and channels")) }
        sections += [("charts", "Charts"), ("scenario", "Scenario"), ("notes", "Notes")]
        for (id, title) in sections { h += "<li><a href=\"#\(id)\">\(title)</a></li>\n" }
        h += "</ul>\n</nav>\n"

        h += runSection(run)
        h += resultsSection(run)
        h += decisionSection(run)
        if !plan.comparisons.isEmpty { h += comparisonSection(run, plan.comparisons) }
        if !campaigns.campaigns.isEmpty { h += campaignSection(campaigns) }
        if !breakdowns.isEmpty { h += breakdownSection(breakdowns, strategies: run.strategyNames) }

        h += "<section id=\"charts\">\n<h2>Charts</h2>\n"
        for (i, (chart, svg)) in zip(plan.charts, svgCharts).enumerated() {
            h += "<figure id=\"chart-\(e(chart.name))\">\n"
            h += InlineSVG.prepare(svg, prefix: "c\(i)-", title: chart.title) + "\n"
            h += "<figcaption>\(e(chart.caption))</figcaption>\n</figure>\n"
        }
        h += "</section>\n"

        h += "<section id=\"scenario\">\n<h2>Scenario</h2>\n"
        h += "<p>The scenario file as the run read it (<code>scenario.yaml</code>)"
        h += run.source.overrides.isEmpty ? ", with no overrides.</p>\n" : ", then these overrides in order:</p>\n<pre class=\"overrides\">\(e(run.source.overrides.joined(separator: "\n")))</pre>\n"
        h += "<pre class=\"yaml\">\(e(run.source.yaml))</pre>\n</section>\n"

        h += "<section id=\"notes\">\n<h2>Notes</h2>\n<ul>\n"
        for note in plan.notes { h += "<li>\(e(note))</li>\n" }
        h += "<li>Monte Carlo: every strategy runs on the same \(run.paths) paths with the same random draws, so differences are paired; ± is the standard error of the mean over paths and intervals are 95% Student-t intervals.</li>\n"
        h += "</ul>\n<p class=\"footer\">Written by \(e(generator)) from <code>\(e(run.directory.lastPathComponent))</code>.</p>\n</section>\n"
        h += "</body>\n</html>\n"
        return h
    }

    static func runSection(_ run: RunData) -> String {
        let e = Markup.escape
        let i = run.info
        let weight = i.agentWeight == i.agentWeight.rounded() ? String(Int64(i.agentWeight)) : "\(i.agentWeight)"
        var rows: [(String, String)] = [
            ("scenario", e(i.scenarioName)),
            ("scenario hash", "<code>\(e(i.scenarioHash))</code>"),
            ("seed", "\(i.seed)"),
            ("paths", "\(i.paths)"),
            ("months", "\(i.months)"),
            ("agents", "\(i.agents) (each stands for \(weight) adults)"),
            ("strategies", run.strategyNames.enumerated().map { n, s in (n == 0 ? "champion: " : "challenger \(n): ") + e(s) }.joined(separator: "<br/>")),
            ("overrides", run.source.overrides.isEmpty ? "none" : run.source.overrides.map { "<code>\(e($0))</code>" }.joined(separator: " ")),
            ("written by", "cardsim \(e(i.version))"),
        ]
        if let q = run.question { rows.insert(("question", e(q)), at: 1) }
        var h = "<section id=\"run\">\n<h2>Run</h2>\n<table class=\"meta\">\n<tbody>\n"
        for (k, v) in rows { h += "<tr><th scope=\"row\">\(k)</th><td>\(v)</td></tr>\n" }
        return h + "</tbody>\n</table>\n</section>\n"
    }

    static func resultsSection(_ run: RunData) -> String {
        let e = Markup.escape
        var h = "<section id=\"results\">\n<h2>Key results</h2>\n"
        h += "<p>Each KPI over the whole run (totals for flows, the last month for stocks and shares): mean ± standard error over paths, and below it the 5th, 50th and 95th percentiles over paths.</p>\n"
        h += "<table class=\"kpis\">\n<thead>\n<tr><th scope=\"col\">KPI</th>"
        for s in run.strategyNames { h += "<th scope=\"col\">\(e(s))</th>" }
        h += "</tr>\n</thead>\n<tbody>\n"
        for id in run.kpiIDs {
            let unit = run.units[id] ?? ""
            h += "<tr><th scope=\"row\">\(e(KPIText.label(id)))<span class=\"id\">\(e(id))</span></th>"
            for s in run.strategyNames.indices {
                guard let m = run.summaries[s][id] else { h += "<td>n/a</td>"; continue }
                h += "<td><span class=\"mean\">\(e(ValueText.value(m.mean, unit: unit))) ± \(e(ValueText.bare(m.standardError, unit: unit, digits: 2)))</span>"
                h += "<span class=\"pct\">\(e(ValueText.bare(m.p5, unit: unit))) · \(e(ValueText.bare(m.p50, unit: unit))) · \(e(ValueText.bare(m.p95, unit: unit)))</span></td>"
            }
            h += "</tr>\n"
        }
        h += discriminationRows(run)
        return h + "</tbody>\n</table>\n</section>\n"
    }

    /// Rows of the approval score's AUC and KS (mean ± standard error over the paths where they
    /// are defined, then the 5th, 50th and 95th percentiles), from `discrimination.csv`.
    static func discriminationRows(_ run: RunData) -> String {
        let scores = DiscriminationSummary.strategies(run.results)
        guard scores.count == run.strategyNames.count else { return "" }
        func f(_ x: Double) -> String { String(format: "%.3f", x) }
        var h = ""
        for (label, id, pick) in [("Approval score AUC", "approval_score.auc", \DiscriminationSummary.auc),
                                  ("Approval score KS", "approval_score.ks", \DiscriminationSummary.ks)] {
            h += "<tr><th scope=\"row\">\(label)<span class=\"id\">\(id)</span></th>"
            for d in scores {
                let m = d[keyPath: pick]
                guard d.paths > 0 else { h += "<td>n/a</td>"; continue }
                h += "<td><span class=\"mean\">\(DiscriminationSummary.text(m))</span>"
                h += "<span class=\"pct\">\(f(m.p5)) · \(f(m.p50)) · \(f(m.p95))</span></td>"
            }
            h += "</tr>\n"
        }
        return h
    }

    /// The decision view: the strategies ranked by NPV with the probability each is the best
    /// over paired paths, the KPI targets (met by the mean? on what share of paths? first month
    /// missed), and the NPV's 5% quantile and expected shortfall.
    static func decisionSection(_ run: RunData) -> String {
        let e = Markup.escape
        var h = "<section id=\"decision\">\n<h2>Ranking, targets and risk</h2>\n"
        if run.strategyNames.count > 1, let ranking = Ranking(results: run.results, scenario: run.scenario, objective: "npv") {
            h += "<h3>Ranking by NPV</h3>\n<p>Mean over the \(run.paths) paths ± standard error; P(best): the share of paired paths on which the strategy has the highest NPV.</p>\n"
            h += "<table class=\"diff\">\n<thead>\n<tr><th scope=\"col\">rank</th><th scope=\"col\">strategy</th><th scope=\"col\">NPV</th><th scope=\"col\">P(best)</th></tr>\n</thead>\n<tbody>\n"
            for (i, r) in ranking.entries.enumerated() {
                h += "<tr><td>\(i + 1)</td><th scope=\"row\">\(e(r.strategy))</th><td>\(e(ValueText.value(r.mean, unit: "yuan"))) ± \(e(ValueText.bare(r.standardError, unit: "yuan", digits: 2)))</td>"
                h += "<td>\(e(QuantityText.percent(r.probabilityBest)))</td></tr>\n"
            }
            h += "</tbody>\n</table>\n"
        }
        if let first = run.storedTargets.first, !first.isEmpty {
            h += "<h3>KPI targets</h3>\n<p>Whether each strategy's mean over paths meets the scenario's targets, and the share of paths that do; a target set every month or year must hold in each.</p>\n"
            h += "<table class=\"diff\">\n<thead>\n<tr><th scope=\"col\">target</th>" + run.strategyNames.map { "<th scope=\"col\">\(e($0))</th>" }.joined() + "</tr>\n</thead>\n<tbody>\n"
            for (t, target) in first.enumerated() {
                let unit = run.units[target.kpi] ?? ""
                h += "<tr><th scope=\"row\">\(e(KPIText.label(target.kpi))) \(e(target.symbol)) \(e(ValueText.value(target.threshold, unit: unit)))\(target.phrase)</th>"
                for s in run.strategyNames.indices {
                    guard t < run.storedTargets[s].count else { h += "<td>n/a</td>"; continue }
                    let r = run.storedTargets[s][t]
                    let missed = r.firstMissedMonth.map { ", first missed in month \($0)" } ?? ""
                    let cls = r.meanMeets ? "" : " class=\"missed\""
                    h += "<td\(cls)>\(e(ValueText.value(r.mean, unit: unit))) \(r.meanMeets ? "met" : "<strong>not met</strong>")\(e(missed)) (\(e(QuantityText.percent(r.shareOfPathsMeeting))) of paths)</td>"
                }
                h += "</tr>\n"
            }
            h += "</tbody>\n</table>\n"
        }
        // NPV risk from the paths' NPVs (paths.csv), as summary.json computes it.
        let risks = run.strategyNames.indices.map { s in run.pathValues[s]["npv"].map { TailRisk($0) } }
        if risks.contains(where: { $0 != nil }) {
            h += "<h3>NPV risk</h3>\n<p>The NPV's 5% quantile over paths and the expected shortfall (the mean of the worst 5% of paths)"
            h += run.paths < 20 ? "; with fewer than 20 paths both rest on the worst one or two paths: treat them as rough.</p>\n" : ".</p>\n"
            h += "<table class=\"diff\">\n<thead>\n<tr><th scope=\"col\">strategy</th><th scope=\"col\">NPV 5% quantile</th><th scope=\"col\">expected shortfall</th></tr>\n</thead>\n<tbody>\n"
            for (s, r) in risks.enumerated() {
                guard let r else { continue }
                h += "<tr><th scope=\"row\">\(e(run.strategyNames[s]))</th><td>\(e(ValueText.value(r.quantile, unit: "yuan")))</td><td>\(e(ValueText.value(r.expectedShortfall, unit: "yuan")))</td></tr>\n"
            }
            h += "</tbody>\n</table>\n"
        }
        return h + "</section>\n"
    }

    /// The segment and channel breakdowns (`BreakdownRows`): means over paths per strategy.
    static func breakdownSection(_ b: BreakdownRows, strategies: [String]) -> String {
        let e = Markup.escape
        var h = "<section id=\"breakdowns\">\n<h2>Segments and channels</h2>\n"
        h += "<p>Run totals by market segment and by acquisition channel, mean over paths (segments.csv, channels.csv; "
        h += "<code>cardsim compare DIR --by segment</code> gives the paired differences).</p>\n"
        for (title, rows) in [("By segment", b.segments), ("By acquisition channel", b.channels)] where !rows.isEmpty {
            h += "<h3>\(title)</h3>\n<table class=\"diff\">\n<thead>\n<tr><th scope=\"col\">group</th><th scope=\"col\">KPI</th>"
            for s in strategies { h += "<th scope=\"col\">\(e(s))</th>" }
            h += "</tr>\n</thead>\n<tbody>\n"
            for (group, kpi, cells) in rows {
                h += "<tr><th scope=\"row\">\(e(group))</th><td>\(e(kpi))</td>" + cells.map { "<td>\(e($0))</td>" }.joined() + "</tr>\n"
            }
            h += "</tbody>\n</table>\n"
        }
        return h + "</section>\n"
    }

    /// Each campaign's holdout estimate beside its true effect (`CampaignRows`).
    static func campaignSection(_ campaigns: CampaignRows) -> String {
        let e = Markup.escape
        var h = "<section id=\"campaigns\">\n<h2>Campaigns</h2>\n"
        h += "<p>For each campaign: what the bank's own test would estimate (treated minus holdout, scaled to the treated) "
        h += "beside the true effect on the same customers (the same strategy without the campaign, on the same draws), run totals with 95% intervals.</p>\n"
        for c in campaigns.campaigns {
            h += "<h3>\(e(c.strategy)): \(e(c.name))</h3>\n<p>\(e(c.summary))</p>\n"
            h += "<table class=\"diff\">\n<thead>\n<tr><th scope=\"col\">KPI</th><th scope=\"col\">holdout estimate</th><th scope=\"col\">95% interval</th>"
            h += "<th scope=\"col\">true effect</th><th scope=\"col\">95% interval</th></tr>\n</thead>\n<tbody>\n"
            for r in c.rows {
                h += "<tr><th scope=\"row\">\(e(r.0))</th><td>\(e(r.1))</td><td>\(e(r.2))</td><td>\(e(r.3))</td><td>\(e(r.4))</td></tr>\n"
            }
            h += "</tbody>\n</table>\n"
        }
        return h + "</section>\n"
    }

    static func comparisonSection(_ run: RunData, _ comparisons: [Comparison]) -> String {
        let e = Markup.escape
        var h = "<section id=\"comparison\">\n<h2>Comparison with the champion</h2>\n"
        h += "<p>Paired differences challenger − champion over the \(run.paths) paths, with standard errors and 95% confidence intervals; "
        h += "<strong>bold</strong> where the interval excludes zero.</p>\n"
        for c in comparisons {
            h += "<h3>\(e(c.name)) <span class=\"vs\">vs</span> \(e(c.against))</h3>\n"
            h += "<table class=\"diff\">\n<thead>\n<tr><th scope=\"col\">KPI</th><th scope=\"col\">difference</th><th scope=\"col\">standard error</th><th scope=\"col\">95% interval</th></tr>\n</thead>\n<tbody>\n"
            for id in run.kpiIDs {
                guard let d = c.differences[id] else { continue }
                let unit = run.units[id] ?? ""
                let cls = d.isSignificant ? " class=\"significant\"" : ""
                h += "<tr\(cls)><th scope=\"row\">\(e(KPIText.label(id)))</th><td>\(e(ValueText.difference(d.mean, unit: unit)))</td>"
                h += "<td>\(e(ValueText.bare(d.standardError, unit: unit, digits: 2)))</td><td>\(e(ValueText.interval(d, unit: unit)))</td></tr>\n"
            }
            h += "</tbody>\n</table>\n"
            let a = c.attribution
            h += "<p>Where the NPV difference comes from (each P&amp;L line's paired difference in discounted contribution; revenue counts positive, cost negative):</p>\n"
            h += "<table class=\"diff attribution\">\n<thead>\n<tr><th scope=\"col\">P&amp;L line</th><th scope=\"col\">difference</th><th scope=\"col\">95% interval</th></tr>\n</thead>\n<tbody>\n"
            for line in a.lines {
                let cls = line.difference.isSignificant ? " class=\"significant\"" : ""
                h += "<tr\(cls)><th scope=\"row\">\(e(line.label))</th><td>\(e(ValueText.difference(line.difference.mean, unit: "yuan")))</td>"
                h += "<td>\(e(ValueText.interval(line.difference, unit: "yuan")))</td></tr>\n"
            }
            h += "<tr class=\"total\"><th scope=\"row\">NPV difference</th><td>\(e(ValueText.difference(a.total.mean, unit: "yuan")))</td>"
            h += "<td>\(e(ValueText.interval(a.total, unit: "yuan")))</td></tr>\n</tbody>\n</table>\n"
            h += "<p class=\"source\">Source: \(c.source == .summary ? "summary.json's comparison block" : "computed from paths.csv and ledger.csv").</p>\n"
        }
        return h + "</section>\n"
    }

    static let style = """
        body { font-family: "Noto Sans", "Helvetica Neue", Arial, "WenQuanYi Micro Hei", "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif;
               color: #222; background: #fff; max-width: 1040px; margin: 0 auto; padding: 24px; line-height: 1.45; }
        h1 { font-size: 1.7em; margin-bottom: 0.2em; }
        h2 { border-bottom: 2px solid #0072B2; padding-bottom: 4px; margin-top: 2em; }
        .question { font-size: 1.1em; color: #444; margin-top: 0; }
        .meta { color: #555; }
        .strategy { border-left: 6px solid; padding: 0 6px; margin-right: 6px; white-space: nowrap; }
        nav ul { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 16px; }
        nav a { color: #0072B2; text-decoration: none; }
        table { border-collapse: collapse; margin: 12px 0; font-size: 0.92em; }
        th, td { border-bottom: 1px solid #ddd; padding: 5px 10px; text-align: left; vertical-align: top; }
        thead th { background: #f2f5f8; }
        table.kpis td, table.diff td { text-align: right; white-space: nowrap; }
        .id { display: block; font-family: monospace; font-size: 0.8em; color: #888; font-weight: normal; }
        .pct { display: block; font-size: 0.8em; color: #777; }
        tr.significant td { font-weight: bold; }
        tr.total th, tr.total td { border-top: 2px solid #444; font-weight: bold; }
        .vs { color: #888; font-weight: normal; }
        .source, .footer { color: #777; font-size: 0.85em; }
        figure { margin: 24px 0; }
        figure svg { max-width: 100%; height: auto; display: block; border: 1px solid #eee; }
        figure svg text { font-family: "WenQuanYi Micro Hei", "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif; }
        figcaption { color: #555; font-size: 0.9em; margin-top: 6px; }
        pre { background: #f7f7f7; border: 1px solid #e3e3e3; padding: 12px; overflow-x: auto; font-size: 0.85em; white-space: pre-wrap; }

        """
}
