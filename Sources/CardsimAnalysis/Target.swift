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

    public var kpi: String
    public var relation: Relation
    public var threshold: Double

    public init(kpi: String, relation: Relation, threshold: Double) {
        self.kpi = kpi; self.relation = relation; self.threshold = threshold
    }
}

/// How one strategy fares against one target.
///
/// - `meanMeets`: whether the mean over paths meets the target;
/// - `shareOfPathsMeeting`: the share of paths whose value meets it (an estimate of the
///   probability that the strategy meets the target in the world the scenario describes).
public struct TargetResult: Sendable, Equatable {
    public var rule: TargetRule
    public var mean: Double
    public var meanMeets: Bool
    public var shareOfPathsMeeting: Double

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
