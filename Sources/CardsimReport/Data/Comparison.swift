import CardsimEngine

/// A challenger against the champion: each KPI's paired difference and where the NPV
/// difference comes from.
///
/// Taken from the challenger's `comparison` block in `summary.json` when the run has one (at
/// the 95% level); otherwise computed here from the same files, path by path (common random numbers make
/// path p of both strategies a pair):
///
/// - difference of KPI k: `PathEstimate(challenger_k(p) - champion_k(p))` over the paths of
///   `paths.csv`;
/// - attribution of NPV: for each P&L line l with sign σ_l (+1 revenue, -1 cost), the paired
///   difference of its discounted contribution `Σ_t σ_l · line_l(t) · w · f_t` (months from
///   `ledger.csv`, w the agent weight, f_t the strategy's monthly discount factor); the lines
///   add up to the NPV difference, and `residual` says by how much they do not.
public struct Comparison: Sendable {
    public enum Source: String, Sendable {
        /// `summary.json`'s `comparison` block.
        case summary
        /// Computed from `paths.csv` and `ledger.csv`.
        case computed
    }

    /// Index of the challenger among the strategies (1 or more).
    public var challenger: Int
    public var name: String
    /// The champion's name.
    public var against: String
    /// Paired difference challenger - champion, by KPI id.
    public var differences: [String: PathEstimate]
    public var attribution: Attribution
    public var source: Source
}

/// The NPV (or net-income) difference split by P&L line.
public struct Attribution: Sendable {
    public struct Line: Sendable {
        public var id: String
        public var label: String
        /// Paired difference of the line's contribution, signed so that positive raises the
        /// challenger's NPV.
        public var difference: PathEstimate
    }

    /// `npv` or `net_income`.
    public var kpi: String
    /// Lines in P&L order (revenue first), without those that never differ.
    public var lines: [Line]
    /// Paired difference of the KPI itself.
    public var total: PathEstimate

    /// The total's mean less the sum of the lines' means: rounding, or a line cardsim does
    /// not know how to name.
    public var residual: Double {
        var s = 0.0
        for l in lines { s += l.difference.mean }
        return total.mean - s
    }
}

extension Comparison {
    /// Every challenger's comparison with the champion (none with a single strategy).
    public static func all(_ run: RunData) -> [Comparison] {
        guard run.strategyNames.count > 1 else { return [] }
        let computedLines = attributionContributions(run)
        // The charts and tables say "95%": blocks at another confidence level are not used.
        let usable = run.storedConfidence.map { abs($0 - 0.95) < 1e-9 } ?? true
        return (1..<run.strategyNames.count).map { s in
            let stored = usable && s < run.storedComparisons.count ? run.storedComparisons[s] : nil
            var differences: [String: PathEstimate] = [:]
            for id in run.kpiIDs {
                if let e = stored?.kpis[id] {
                    differences[id] = e
                } else if let a = run.pathValues[0][id], let b = run.pathValues[s][id] {
                    differences[id] = PathEstimate(zip(b, a).map { $0 - $1 })
                }
            }
            let attribution: Attribution
            if let a = stored?.attribution["npv"], !a.lines.isEmpty {
                let order = computedLines.map(\.id)
                let lines = a.lines.sorted { (order.firstIndex(of: $0.key) ?? .max, $0.key) < (order.firstIndex(of: $1.key) ?? .max, $1.key) }
                attribution = Attribution(kpi: "npv", lines: lines.compactMap { id, e in
                    e.mean == 0 && e.standardError == 0 ? nil : Attribution.Line(id: id, label: KPIText.lineLabel(id), difference: e)
                }, total: a.total ?? differences["npv"] ?? PathEstimate([]))
            } else {
                var lines: [Attribution.Line] = []
                for line in computedLines {
                    let d = zip(line.contributions[s], line.contributions[0]).map { $0 - $1 }
                    if d.allSatisfy({ $0 == 0 }) { continue }
                    lines.append(Attribution.Line(id: line.id, label: KPIText.lineLabel(line.id), difference: PathEstimate(d)))
                }
                attribution = Attribution(kpi: "npv", lines: lines, total: differences["npv"] ?? PathEstimate([]))
            }
            let source: Source = stored.map { !$0.kpis.isEmpty } == true ? .summary : .computed
            return Comparison(challenger: s, name: run.strategyNames[s], against: run.strategyNames[0],
                              differences: differences, attribution: attribution, source: source)
        }
    }

    /// Each P&L line's discounted contribution to NPV, `contributions[s][p]`.
    static func attributionContributions(_ run: RunData) -> [(id: String, contributions: [[Double]])] {
        let w = run.scenario.agentWeight
        let factors = run.scenario.strategies.map {
            KPI.discountFactors(rate: $0.economics.discountRate, months: run.months)
        }
        return KPIText.profitLines(run.kpiIDs).compactMap { line in
            guard let kpi = KPI.named(line.id) else { return nil }
            let contributions = run.strategyNames.indices.map { s in
                run.results.map { result -> Double in
                    var sum = 0.0
                    let records = result.months[s]
                    for t in records.indices {
                        sum += line.sign * kpi.monthly(records, t, weight: w, discount: 1) * factors[s][t]
                    }
                    return sum
                }
            }
            return (line.id, contributions)
        }
    }
}

/// A challenger's `comparison` block of `summary.json`, as far as charts need it:
///
///     "comparison": {"against": "…",
///                    "kpis": {"npv": {"mean": …, "standard_error": …, "ci_low": …, "ci_high": …}, …},
///                    "attribution": {"npv": {"lines": {"interest_income": {…}, …}, "total": {…}}, …}}
///
/// An estimate needs `mean`; its interval is `ci_low`/`ci_high` (or `low`/`high`, or
/// `mean ± half_width`). Entries that do not parse are left out, and the charts compute them.
public struct StoredComparison: Sendable {
    public var against: String?
    public var kpis: [String: PathEstimate]
    /// By KPI attributed (`npv`, `net_income`).
    public var attribution: [String: StoredAttribution]

    public struct StoredAttribution: Sendable {
        public var lines: [String: PathEstimate]
        public var total: PathEstimate?
    }

    init?(json: [String: Any]) {
        against = json["against"] as? String
        kpis = [:]
        for (id, value) in (json["kpis"] as? [String: Any]) ?? [:] {
            if let e = StoredComparison.estimate(value) { kpis[id] = e }
        }
        attribution = [:]
        for (kpi, value) in (json["attribution"] as? [String: Any]) ?? [:] {
            guard let a = value as? [String: Any] else { continue }
            var lines: [String: PathEstimate] = [:]
            if let object = a["lines"] as? [String: Any] {
                for (id, v) in object { if let e = StoredComparison.estimate(v) { lines[id] = e } }
            } else if let list = a["lines"] as? [[String: Any]] {
                for v in list { if let id = v["id"] as? String, let e = StoredComparison.estimate(v["difference"] ?? v) { lines[id] = e } }
            }
            attribution[kpi] = StoredAttribution(lines: lines, total: a["total"].flatMap(StoredComparison.estimate))
        }
        if kpis.isEmpty && attribution.isEmpty { return nil }
    }

    static func estimate(_ value: Any) -> PathEstimate? {
        guard var v = value as? [String: Any] else { return nil }
        if let inner = v["difference"] as? [String: Any] { v = inner }
        guard let mean = JSONNumber.double(v["mean"]) else { return nil }
        let se = JSONNumber.double(v["standard_error"]) ?? 0
        var low = JSONNumber.double(v["ci_low"]) ?? JSONNumber.double(v["low"])
        var high = JSONNumber.double(v["ci_high"]) ?? JSONNumber.double(v["high"])
        if low == nil || high == nil, let half = JSONNumber.double(v["half_width"]) {
            low = mean - half; high = mean + half
        }
        let count = (JSONNumber.double(v["count"]) ?? JSONNumber.double(v["paths"])).map { Int($0) } ?? 0
        return PathEstimate(count: count, mean: mean, standardError: se, low: low, high: high)
    }
}
