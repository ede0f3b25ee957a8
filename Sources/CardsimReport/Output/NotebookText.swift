import CardsimOutput

/// The markdown cells of an exported notebook.
enum NotebookText {
    /// Text from a scenario made inert in markdown: HTML and markdown syntax characters
    /// escaped, line breaks as spaces.
    static func escape(_ s: String) -> String {
        var out = ""
        for c in s {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\\", "`", "*", "_", "[", "]", "|", "#", "$", "~", "{", "}": out += "\\" + String(c)
            case "\n", "\r", "\t": out += " "
            default: out.append(c)
            }
        }
        return out
    }

    /// A fenced code block that `text` cannot close early.
    static func fenced(_ text: String, language: String) -> String {
        var longest = 0, run = 0
        for c in text { run = c == "`" ? run + 1 : 0; longest = max(longest, run) }
        let fence = String(repeating: "`", count: max(3, longest + 1))
        return fence + language + "\n" + text + (text.hasSuffix("\n") ? "" : "\n") + fence
    }

    static func introduction(_ run: RunData, dataFolder: String) -> String {
        var t = "# \(escape(run.info.scenarioName))\n\n"
        if let q = run.question { t += "**Question.** \(escape(q))\n\n" }
        t += "A cardsim run exported as a notebook: the scenario, its strategies and the results, with every chart. "
        t += "The pictures are stored in the notebook, so it reads well as it is. To redraw them from the data, run all cells: "
        t += "the code reloads the run's files from the folder `\(escape(dataFolder))` next to this notebook with pandas and draws "
        t += "the charts again with matplotlib (Python 3 with pandas and matplotlib)."
        return t
    }

    static func runTable(_ run: RunData) -> String {
        let i = run.info
        let weight = i.agentWeight == i.agentWeight.rounded() ? String(Int64(i.agentWeight)) : "\(i.agentWeight)"
        var t = "## The run\n\n| | |\n|---|---|\n"
        t += "| scenario | \(escape(i.scenarioName)) |\n"
        t += "| scenario hash | `\(escape(i.scenarioHash))` |\n"
        t += "| paths | \(i.paths) Monte Carlo paths, every strategy on the same random draws |\n"
        t += "| months | \(i.months) |\n"
        t += "| agents | \(i.agents), each standing for \(weight) adults |\n"
        t += "| seed | \(i.seed) |\n"
        t += "| overrides | " + (run.source.overrides.isEmpty ? "none" : run.source.overrides.map { "`\(escape($0))`" }.joined(separator: ", ")) + " |\n"
        t += "| written by | cardsim \(escape(i.version)) |\n"
        return t
    }

    static func strategies(_ run: RunData) -> String {
        var t = "## Strategies\n\n"
        t += "- **champion** (today's strategy): \(escape(run.strategyNames[0]))\n"
        for (n, name) in run.strategyNames.enumerated().dropFirst() { t += "- **challenger \(n)**: \(escape(name))\n" }
        if run.strategyNames.count == 1 {
            t += "\nThis scenario has the champion only: it is the reference other scenarios are compared with.\n"
        } else {
            t += "\nEach challenger is the champion with the changes its overlay lists; the differences below are paired path by path.\n"
        }
        if let text = run.strategiesText { t += "\nFrom the scenario file:\n\n" + fenced(text, language: "yaml") + "\n" }
        return t
    }

    static func results(_ run: RunData) -> String {
        var t = "## Key results\n\nEach KPI over the whole run (totals for flows, the last month for stocks and shares): "
        t += "mean ± standard error over \(run.paths) paths, and the 5th to 95th percentile.\n\n"
        t += "| KPI | " + run.strategyNames.map(escape).joined(separator: " | ") + " |\n"
        t += "|---|" + String(repeating: "---:|", count: run.strategyNames.count) + "\n"
        for id in KPIText.headline where run.kpiIDs.contains(id) {
            let unit = run.units[id] ?? ""
            t += "| \(escape(KPIText.label(id))) |"
            for s in run.strategyNames.indices {
                guard let m = run.summaries[s][id] else { t += " n/a |"; continue }
                t += " \(escape(ValueText.value(m.mean, unit: unit))) ± \(escape(ValueText.bare(m.standardError, unit: unit, digits: 2)))"
                t += " (\(escape(ValueText.bare(m.p5, unit: unit))) to \(escape(ValueText.bare(m.p95, unit: unit)))) |"
            }
            t += "\n"
        }
        t += "\nEvery KPI of every strategy is in `summary` (from `summary.json`) and, path by path, in `paths`."
        return t
    }

    /// The segment and channel breakdowns (`BreakdownRows`).
    static func breakdowns(_ b: BreakdownRows, strategies: [String]) -> String {
        var t = "## Segments and channels\n\nRun totals by market segment and by acquisition channel, mean over paths "
        t += "(`segments.csv`, `channels.csv`; `cardsim compare DIR --by segment` gives the paired differences). "
        t += "The cell below pivots `segments.csv`.\n"
        for (title, rows) in [("By segment", b.segments), ("By acquisition channel", b.channels)] where !rows.isEmpty {
            t += "\n### \(title)\n\n| group | KPI | " + strategies.map(escape).joined(separator: " | ") + " |\n"
            t += "|---|---|" + strategies.map { _ in "---:|" }.joined() + "\n"
            for (group, kpi, cells) in rows { t += "| \(escape(group)) | \(escape(kpi)) | " + cells.map(escape).joined(separator: " | ") + " |\n" }
        }
        return t
    }

    /// Each campaign's holdout estimate beside its true effect (`CampaignRows`).
    static func campaigns(_ campaigns: CampaignRows) -> String {
        var t = "## Campaigns\n\nFor each campaign: what the bank's own test would estimate (treated minus holdout, scaled to the treated) "
        t += "beside the true effect on the same customers (the same strategy without the campaign, on the same draws); run totals with 95% intervals. "
        t += "The cell below recomputes the ROI path by path from `campaigns.csv`.\n"
        for c in campaigns.campaigns {
            t += "\n### \(escape(c.strategy)): \(escape(c.name))\n\n\(escape(c.summary))\n\n"
            t += "| KPI | holdout estimate | 95% interval | true effect | 95% interval |\n|---|---:|---:|---:|---:|\n"
            for r in c.rows { t += "| \(escape(r.0)) | \(escape(r.1)) | \(escape(r.2)) | \(escape(r.3)) | \(escape(r.4)) |\n" }
        }
        return t
    }

    static func comparisons(_ run: RunData, _ comparisons: [Comparison]) -> String {
        var t = "## Comparison with the champion\n\nPaired differences challenger − champion, with 95% confidence intervals; "
        t += "**bold** where the interval excludes zero.\n"
        for c in comparisons {
            t += "\n### \(escape(c.name)) vs \(escape(c.against))\n\n"
            if let npv = c.differences["npv"] {
                let word = npv.mean >= 0 ? "raises" : "lowers"
                t += "\(escape(c.name)) \(word) NPV by \(escape(ValueText.value(abs(npv.mean), unit: "yuan"))) "
                t += "(95% interval \(escape(ValueText.interval(npv, unit: "yuan"))))"
                t += npv.isSignificant ? ".\n\n" : "; the interval includes zero.\n\n"
            }
            t += "| KPI | difference | 95% interval |\n|---|---:|---:|\n"
            for id in KPIText.headline {
                guard let d = c.differences[id] else { continue }
                let unit = run.units[id] ?? ""
                let value = escape(ValueText.difference(d.mean, unit: unit))
                t += "| \(escape(KPIText.label(id))) | \(d.isSignificant ? "**\(value)**" : value) | \(escape(ValueText.interval(d, unit: unit))) |\n"
            }
        }
        return t
    }

    static func scenario(_ run: RunData) -> String {
        var t = "## Scenario\n\nThe scenario file as the run read it"
        t += run.source.overrides.isEmpty ? ":\n\n" : ", followed by the overrides " + run.source.overrides.map { "`\(escape($0))`" }.joined(separator: ", ") + ":\n\n"
        return t + fenced(run.source.yaml, language: "yaml")
    }

    static func notes(_ run: RunData, plan: ChartPlan, dataFolder: String) -> String {
        var t = "## Notes\n\n"
        for note in plan.notes { t += "- \(escape(note))\n" }
        t += "- The folder `\(escape(dataFolder))` holds the run's files as `cardsim run` wrote them (summary.json, monthly.csv, "
        t += "paths.csv, ledger.csv, scenario.yaml, overrides.txt) and two tables cardsim derived from them: `bands.csv` "
        t += "(5th, 25th, 50th, 75th, 95th percentile of each charted KPI, month by month) and `attribution.csv` (each P&L line's "
        t += "discounted contribution to NPV, path by path).\n"
        t += "- Exported with `cardsim notebook RUN_DIR --out NAME.ipynb` (cardsim \(escape(CardsimVersion.current))).\n"
        return t
    }
}
