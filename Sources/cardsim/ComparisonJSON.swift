import CardsimAnalysis
import CardsimEngine
import CardsimOutput

/// The strategy comparison as JSON: the members it adds to `summary.json`, and the document
/// `cardsim compare --format json` prints. Both are built here, so they hold the same numbers
/// in the same spelling. The layout is described in docs/comparison.md.
enum ComparisonJSON {
    /// The members added to `summary.json`: `intervals` at the top level; `kpi_intervals`,
    /// `risk`, `targets` and, for challengers, `comparison` in each strategy.
    static func additions(_ report: ComparisonReport) -> SummaryAdditions {
        SummaryAdditions(root: ["intervals": intervals(report)], strategies: report.strategies.map { strategy($0, paths: report.paths) })
    }

    /// `cardsim compare --format json`: the run's header, `intervals`, and each strategy's name
    /// with the members `additions` gives it.
    /// `campaigns[s]`, when given, is strategy s's `campaigns` member (`CampaignSummary`).
    static func document(_ report: ComparisonReport, info: RunInfo, campaigns: [JSONText?] = []) -> String {
        var root = header(info)
        root["intervals"] = intervals(report)
        root["strategies"] = .array(report.strategies.enumerated().map { k, s in
            var members = strategy(s, paths: report.paths)
            members["name"] = .string(s.name)
            if k < campaigns.count, let c = campaigns[k] { members["campaigns"] = c }
            return .object(members)
        })
        return JSONText.object(root).document
    }

    /// The identifying members of `summary.json`'s header.
    static func header(_ info: RunInfo) -> [String: JSONText] {
        var root: [String: JSONText] = [
            "scenario": .object(["name": .string(info.scenarioName), "hash": .string(info.scenarioHash)]),
            "seed": .unsigned(info.seed),
            "paths": .integer(Int64(info.pathRange.count)),
            "months": .integer(Int64(info.months)),
            "agents": .integer(Int64(info.agents)),
        ]
        if let shard = info.shard {
            root["shard"] = .object([
                "index": .integer(Int64(shard.index)), "count": .integer(Int64(shard.count)),
                "paths": .array([.integer(Int64(shard.paths.lowerBound)), .integer(Int64(shard.paths.upperBound))]),
            ])
        }
        return root
    }

    /// How the intervals are made: level, distribution, degrees of freedom and multiplier.
    static func intervals(_ report: ComparisonReport) -> JSONText {
        .object([
            "confidence": .double(report.confidence),
            "distribution": .string("student_t"),
            "degrees_of_freedom": .integer(Int64(max(0, report.paths - 1))),
            "multiplier": report.paths > 1 ? .double(Estimate.tQuantile(report.confidence, count: report.paths)) : .null,
        ])
    }

    static func strategy(_ s: ComparisonReport.StrategyReport, paths: Int) -> [String: JSONText] {
        var members: [String: JSONText] = [
            "kpi_intervals": .object(Dictionary(uniqueKeysWithValues: zip(KPI.all, s.levels).map { kpi, e in
                (kpi.id, JSONText.array([number(e.low), number(e.high)]))
            })),
            "risk": .object(["npv": risk(s.risk, paths: paths)]),
            "targets": .array(s.targets.map(target)),
        ]
        if let c = s.comparison { members["comparison"] = comparison(c, paths: paths) }
        return members
    }

    static func comparison(_ c: ComparisonReport.Comparison, paths: Int) -> JSONText {
        .object([
            "against": .string(c.against),
            "kpis": .object(Dictionary(uniqueKeysWithValues: c.differences.map { ($0.kpi, difference($0)) })),
            "attribution": .object(["npv": attribution(c.npvAttribution), "net_income": attribution(c.netIncomeAttribution)]),
            "risk": .object(["npv_difference": risk(c.risk, paths: paths)]),
        ])
    }

    static func difference(_ d: PairedDifference) -> JSONText {
        var members = estimate(d.difference)
        members["direction"] = d.direction.map { .string($0.rawValue) } ?? .null
        members["unpaired_standard_error"] = d.difference.count > 1 ? .double(d.unpairedStandardError) : .null
        members["variance_reduction"] = number(d.varianceReduction)
        members["share_of_paths_better"] = number(d.shareOfPathsBetter)
        members["probability_better"] = number(d.probabilityBetter)
        members["reliable"] = .bool(d.reliability.isReliable)
        members["reason"] = d.reliability.reason.map { .string($0) } ?? .null
        members["paths_needed"] = d.reliability.pathsNeeded.map { .integer(Int64($0)) } ?? .null
        return .object(members)
    }

    /// Each P&L line's estimate under `lines`, with `discounting` among them when the
    /// strategies discount at different rates, and the `total`.
    static func attribution(_ a: Attribution) -> JSONText {
        var lines = Dictionary(uniqueKeysWithValues: a.lines.map { ($0.id, JSONText.object(estimate($0.difference))) })
        if let d = a.discounting { lines[Attribution.discountingID] = .object(estimate(d)) }
        return .object(["lines": .object(lines), "total": .object(estimate(a.total))])
    }

    /// Mean, standard error and interval; the standard error and interval are null with one path.
    static func estimate(_ e: Estimate) -> [String: JSONText] {
        ["mean": .double(e.mean), "standard_error": e.count > 1 ? .double(e.standardError) : .null,
         "ci_low": number(e.low), "ci_high": number(e.high), "half_width": number(e.halfWidth)]
    }

    /// The 5% quantile and expected shortfall, with a `caveat` below 20 paths (null from there).
    static func risk(_ r: TailRisk, paths: Int) -> JSONText {
        .object(["p5": .double(r.quantile), "expected_shortfall_5": .double(r.expectedShortfall),
                 "caveat": ComparisonCaveats.tailCaveat(paths: paths).map { .string($0) } ?? .null])
    }

    static func target(_ t: TargetResult) -> JSONText {
        .object([
            "kpi": .string(t.rule.kpi), "relation": .string(t.rule.relation.rawValue),
            "threshold": .double(t.rule.threshold), "mean": .double(t.mean),
            "mean_meets": .bool(t.meanMeets), "share_of_paths_meeting": .double(t.shareOfPathsMeeting),
            "period": .string(t.rule.period.rawValue),
            "first_missed_month": t.firstMissedMonth.map { .integer(Int64($0)) } ?? .null,
        ])
    }

    static func number(_ x: Double?) -> JSONText { x.map { .double($0) } ?? .null }
}
