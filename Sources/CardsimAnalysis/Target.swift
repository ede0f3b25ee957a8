/// A KPI target such as "active-card rate at least 70%": a KPI, a relation and a threshold, in
/// the KPI's unit (a fraction for rates).
public struct TargetRule: Sendable, Equatable {
    public enum Relation: String, Sendable, Equatable, CaseIterable {
        /// value >= threshold
        case atLeast = "at_least"
        /// value > threshold
        case above
        /// value <= threshold
        case atMost = "at_most"
        /// value < threshold
        case below

        public func holds(_ value: Double, _ threshold: Double) -> Bool {
            switch self {
            case .atLeast: value >= threshold
            case .above: value > threshold
            case .atMost: value <= threshold
            case .below: value < threshold
            }
        }

        /// `>=`, `>`, `<=`, `<`.
        public var symbol: String {
            switch self {
            case .atLeast: ">="
            case .above: ">"
            case .atMost: "<="
            case .below: "<"
            }
        }
    }

    /// When the target is checked: on the run (the KPI over all months), in every month (the KPI
    /// on that month alone), or in every plan year (the KPI over months 12(y-1)+1 ... 12y).
    public enum Period: String, Sendable, Equatable {
        case run
        case everyMonth = "by_month"
        case everyYear = "by_year"

        /// What follows a target's text: "", " every month", " every year".
        public var phrase: String {
            switch self {
            case .run: return ""
            case .everyMonth: return " every month"
            case .everyYear: return " every year"
            }
        }
    }

    public var kpi: String
    public var relation: Relation
    public var threshold: Double
    public var period: Period

    public init(kpi: String, relation: Relation, threshold: Double, period: Period = .run) {
        self.kpi = kpi; self.relation = relation; self.threshold = threshold; self.period = period
    }
}

/// How one strategy fares against one target.
///
/// - `meanMeets`: whether the mean over paths meets the target;
/// - `shareOfPathsMeeting`: the share of paths whose value meets it (an estimate of the
///   probability that the strategy meets the target in the world the scenario describes).
///
/// A target checked every month or year (`TargetRule.Period`) is checked on each period's
/// values: `meanMeets` when the mean meets it in every period, `shareOfPathsMeeting` the share of
/// paths that meet it in every period, `mean` the mean in the first period missed (else the
/// last), and `firstMissedMonth` the month the mean first misses it (for a year, the year's last
/// month, when the miss is known); nil when it never does.
public struct TargetResult: Sendable, Equatable {
    public var rule: TargetRule
    public var mean: Double
    public var meanMeets: Bool
    public var shareOfPathsMeeting: Double
    public var firstMissedMonth: Int? = nil

    /// Checks a periodic rule on `values[q][p]`: period q (ending in month `lastMonths[q]`), path p.
    public init(rule: TargetRule, periodValues values: [[Double]], lastMonths: [Int]) {
        self.rule = rule
        let paths = values.first?.count ?? 0
        var everyPeriod = [Bool](repeating: true, count: paths)
        var firstMissed: Int? = nil, meanThen = 0.0
        for (q, v) in values.enumerated() {
            let one = TargetResult(rule: rule, values: v)
            for p in v.indices where !rule.relation.holds(v[p], rule.threshold) { everyPeriod[p] = false }
            if firstMissed == nil { meanThen = one.mean }
            if firstMissed == nil && !one.meanMeets { firstMissed = lastMonths[q] }
        }
        mean = meanThen
        meanMeets = firstMissed == nil
        shareOfPathsMeeting = paths == 0 ? 0 : Double(everyPeriod.filter { $0 }.count) / Double(paths)
        firstMissedMonth = firstMissed
    }

    /// Checks `rule` on a strategy's path values of the rule's KPI, in path order.
    public init(rule: TargetRule, values: [Double]) {
        self.rule = rule
        var s = 0.0
        var met = 0
        for v in values {
            s += v
            if rule.relation.holds(v, rule.threshold) { met += 1 }
        }
        mean = values.isEmpty ? 0 : s / Double(values.count)
        meanMeets = rule.relation.holds(mean, rule.threshold)
        shareOfPathsMeeting = values.isEmpty ? 0 : Double(met) / Double(values.count)
    }
}
