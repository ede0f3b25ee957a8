/// One-at-a-time sensitivities of the objective KPI: each parameter at its low and at its high
/// end with every other parameter at the scenario's value, against the scenario itself, for the
/// champion (the first strategy).
///
/// change_low_i = f(low_i) - f(base), change_high_i = f(high_i) - f(base), with f the KPI's
/// mean over paths. All three runs share random numbers, so the changes are paired differences.
/// Bars are sorted by the larger of |change_low| and |change_high|, largest first (ties by
/// parameter order).
public struct Tornado: Sendable, Equatable {
    public struct Bar: Sendable, Equatable {
        public var parameter: Int
        public var path: String
        public var low: Double
        public var high: Double
        public var atLow: Double
        public var atHigh: Double
        public var changeLow: Double
        public var changeHigh: Double

        /// The larger of the two changes in size.
        public var size: Double { max(abs(changeLow), abs(changeHigh)) }
    }

    public var kpi: String
    /// The KPI mean of the scenario itself.
    public var base: Double
    public var bars: [Bar]

    /// The tornado of `plan`'s one-at-a-time points; `mean(point)` is the objective's champion
    /// mean at a point.
    public init(plan: SweepPlan, kpi: String, mean: (SweepPoint) throws -> Double) rethrows {
        self.kpi = kpi
        let base = try mean(plan.points.first { $0.role == .base }!)
        self.base = base
        var bars: [Bar] = []
        for (i, p) in plan.settings.parameters.enumerated() {
            let low = try mean(plan.points.first { $0.role == .low(i) }!)
            let high = try mean(plan.points.first { $0.role == .high(i) }!)
            bars.append(Bar(parameter: i, path: p.path, low: p.low, high: p.high, atLow: low, atHigh: high,
                            changeLow: low - base, changeHigh: high - base))
        }
        self.bars = bars.sorted { $0.size != $1.size ? $0.size > $1.size : $0.parameter < $1.parameter }
    }
}
