import CardsimReport

/// One-at-a-time sensitivities of the objective KPI: each parameter at its low and at its high
/// end with every other parameter at the scenario's value, against the scenario itself, for the
/// strategy the parameter belongs to: a challenger's parameter (`strategies.challengers.NAME.…`)
/// is measured on that challenger, every other parameter on the champion.
///
/// change_low_i = f(low_i) - f(base), change_high_i = f(high_i) - f(base), with f the KPI's
/// mean over paths. All three runs share random numbers, so the changes are paired differences
/// and their Monte Carlo standard errors come from the per-path differences,
///
///     se(change_low_i) = sd_p(x_p(low_i) - x_p(base)) / sqrt(n),
///
/// with x_p the KPI on path p (paths.csv) and sd the sample standard deviation (n - 1), usually
/// much smaller than the standard error of either point's own mean. Bars are sorted by the
/// larger of |change_low| and |change_high|, largest first (ties by parameter order).
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
        /// Standard errors of `atLow` and `atHigh` (each point's own mean), in the KPI's unit;
        /// nil when not known (a tornado.csv written before they were recorded).
        public var atLowStandardError: Double?
        public var atHighStandardError: Double?
        /// Standard errors of `changeLow` and `changeHigh` (paired over paths), in the KPI's unit.
        public var changeLowStandardError: Double?
        public var changeHighStandardError: Double?
        /// The challenger the bar is measured on (nil: the champion), and the KPI of that
        /// strategy at the scenario itself (nil: the tornado's `base`).
        public var strategy: String?
        public var strategyBase: Double?

        public init(parameter: Int, path: String, low: Double, high: Double, atLow: Double, atHigh: Double,
                    changeLow: Double, changeHigh: Double, atLowStandardError: Double? = nil, atHighStandardError: Double? = nil,
                    changeLowStandardError: Double? = nil, changeHighStandardError: Double? = nil,
                    strategy: String? = nil, strategyBase: Double? = nil) {
            self.parameter = parameter; self.path = path; self.low = low; self.high = high
            self.atLow = atLow; self.atHigh = atHigh; self.changeLow = changeLow; self.changeHigh = changeHigh
            self.atLowStandardError = atLowStandardError; self.atHighStandardError = atHighStandardError
            self.changeLowStandardError = changeLowStandardError; self.changeHighStandardError = changeHighStandardError
            self.strategy = strategy; self.strategyBase = strategyBase
        }

        /// The larger of the two changes in size.
        public var size: Double { max(abs(changeLow), abs(changeHigh)) }
    }

    /// The objective KPI at one point, for the champion: its mean and standard error (from
    /// summary.json) and its value on every path in path order (from paths.csv).
    public struct PointValue: Sendable, Equatable {
        public var mean: Double
        public var standardError: Double
        public var paths: [Double]

        public init(mean: Double, standardError: Double, paths: [Double]) {
            self.mean = mean; self.standardError = standardError; self.paths = paths
        }
    }

    public var kpi: String
    /// The KPI mean of the scenario itself.
    public var base: Double
    /// The standard error of `base`; nil when not known.
    public var baseStandardError: Double?
    public var bars: [Bar]

    public init(kpi: String, base: Double, baseStandardError: Double?, bars: [Bar]) {
        self.kpi = kpi; self.base = base; self.baseStandardError = baseStandardError; self.bars = bars
    }

    /// The strategy a parameter path belongs to: the index in `strategyNames` (champion first)
    /// of the challenger `strategies.challengers.NAME.…` names, else 0 (the champion).
    public static func strategy(of path: String, strategyNames: [String]) -> Int {
        let prefix = "strategies.challengers."
        guard path.hasPrefix(prefix) else { return 0 }
        let rest = path.dropFirst(prefix.count)
        let name = rest.prefix { $0 != "." }
        return strategyNames.dropFirst().firstIndex { Substring($0) == name } ?? 0
    }

    /// The tornado of `plan`'s one-at-a-time points; `value(point, s)` is the objective's value
    /// at a point for strategy s (0 = the champion; `strategyNames` in scenario order). Throws
    /// `SweepError` (input) when a point has not as many paths as the base point, which a paired
    /// difference needs.
    public init(plan: SweepPlan, kpi: String, strategyNames: [String] = [],
                value: (SweepPoint, Int) throws -> PointValue) throws {
        self.kpi = kpi
        let basePoint = plan.points.first { $0.role == .base }!
        let championBase = try value(basePoint, 0)
        self.base = championBase.mean
        self.baseStandardError = championBase.standardError
        func pairedError(_ at: PointValue, _ base: PointValue) throws -> Double {
            guard at.paths.count == base.paths.count else {
                throw SweepError(.input, "a one-at-a-time point has \(at.paths.count) paths in paths.csv, the base point \(plan.name(basePoint)) \(base.paths.count)",
                                 help: "Every point of a sweep must run the same paths; do not vary run.paths, and do not edit point directories.")
            }
            return PathEstimate(zip(at.paths, base.paths).map { $0 - $1 }).standardError
        }
        var bars: [Bar] = []
        for (i, p) in plan.settings.parameters.enumerated() {
            let lowPoint = plan.points.first { $0.role == .low(i) }!, highPoint = plan.points.first { $0.role == .high(i) }!
            let s = Self.strategy(of: p.path, strategyNames: strategyNames)
            let base = s == 0 ? championBase : try value(basePoint, s)
            let low = try value(lowPoint, s), high = try value(highPoint, s)
            bars.append(Bar(parameter: i, path: p.path, low: p.low, high: p.high, atLow: low.mean, atHigh: high.mean,
                            changeLow: low.mean - base.mean, changeHigh: high.mean - base.mean,
                            atLowStandardError: low.standardError, atHighStandardError: high.standardError,
                            changeLowStandardError: try pairedError(low, base),
                            changeHighStandardError: try pairedError(high, base),
                            strategy: s == 0 ? nil : strategyNames[s], strategyBase: s == 0 ? nil : base.mean))
        }
        self.bars = bars.sorted { $0.size != $1.size ? $0.size > $1.size : $0.parameter < $1.parameter }
    }
}
