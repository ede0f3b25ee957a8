/// One KPI of one strategy, in the baseline and now.
public struct KPIComparison: Sendable, Equatable {
    public var strategy: String
    public var kpi: String
    /// nil when the baseline does not have the strategy or the KPI.
    public var baseline: KPIStatistic?
    /// nil when the run no longer has the strategy or the KPI.
    public var current: KPIStatistic?
    /// nil when either side is missing.
    public var tolerance: Tolerance?

    public init(strategy: String, kpi: String, baseline: KPIStatistic?, current: KPIStatistic?, tolerance: Tolerance?) {
        self.strategy = strategy; self.kpi = kpi; self.baseline = baseline; self.current = current; self.tolerance = tolerance
    }

    /// `now - baseline` of the means; nil when either side is missing.
    public var difference: Double? {
        guard let baseline, let current else { return nil }
        return current.mean - baseline.mean
    }

    /// Whether anything changed: the mean, the standard error, or the KPI's presence.
    public var moved: Bool {
        guard let baseline, let current else { return true }
        return !baseline.isIdentical(to: current)
    }

    /// Whether the KPI is present on both sides and its mean within the tolerance.
    public var withinTolerance: Bool {
        guard let baseline, let current, let tolerance else { return false }
        return tolerance.admits(baseline: baseline.mean, current: current.mean)
    }

    /// The unit, from whichever side has it.
    public var unit: String { current?.unit ?? baseline?.unit ?? "" }

    /// Every strategy and KPI of both sides: the baseline's strategies in order, each with its
    /// KPIs in report order and then KPIs only the run has; then strategies only the run has.
    public static func compare(baseline: [StrategyStatistics], current: [StrategyStatistics],
                               policy: TolerancePolicy) -> [KPIComparison] {
        var out: [KPIComparison] = []
        var names = baseline.map(\.name)
        for strategy in current where !names.contains(strategy.name) { names.append(strategy.name) }
        for name in names {
            let old = baseline.first { $0.name == name }?.kpis ?? [:]
            let new = current.first { $0.name == name }?.kpis ?? [:]
            for kpi in StrategyStatistics.ordered(Set(old.keys).union(new.keys)) {
                let b = old[kpi], c = new[kpi]
                let tolerance = b.flatMap { b in c.map { policy.tolerance(for: kpi, baseline: b, current: $0) } }
                out.append(KPIComparison(strategy: name, kpi: kpi, baseline: b, current: c, tolerance: tolerance))
            }
        }
        return out
    }
}
