import Foundation

/// How far a KPI may move from its baseline in a statistical check.
///
/// By default a KPI passes when `|now - baseline| <= sigmas * sqrt(se_baseline^2 + se_now^2)`:
/// `sigmas` combined Monte Carlo standard errors (4 unless the scenario says otherwise). A KPI
/// with a declared tolerance passes instead when `|now - baseline| <= max(absolute, relative *
/// |baseline mean|)`, a bound not given counting as 0. The boundary passes (`<=`), so a
/// tolerance of 0 demands equality: a KPI whose standard errors are both 0 must not move at
/// all unless it has a declared tolerance.
public struct TolerancePolicy: Sendable, Equatable {
    /// Combined standard errors allowed to KPIs without a declared tolerance.
    public var sigmas: Double
    /// Declared tolerances by KPI id.
    public var declared: [String: DeclaredTolerance]

    public static let defaultSigmas = 4.0

    public init(sigmas: Double = defaultSigmas, declared: [String: DeclaredTolerance] = [:]) {
        self.sigmas = sigmas; self.declared = declared
    }

    /// The tolerance of `kpi` between these two statistics.
    public func tolerance(for kpi: String, baseline: KPIStatistic, current: KPIStatistic) -> Tolerance {
        if let bound = declared[kpi] {
            let value = max(bound.absolute ?? 0, (bound.relative ?? 0) * abs(baseline.mean))
            return Tolerance(value: value, rule: .declared(bound))
        }
        let combined = (baseline.standardError * baseline.standardError + current.standardError * current.standardError).squareRoot()
        return Tolerance(value: sigmas == 0 ? 0 : sigmas * combined, rule: .standardErrors(sigmas))
    }
}

/// A tolerance a scenario declares for one KPI (`regression.kpis.<id>`).
public struct DeclaredTolerance: Sendable, Equatable {
    /// In the KPI's unit.
    public var absolute: Double?
    /// A fraction of the baseline mean's magnitude.
    public var relative: Double?

    public init(absolute: Double? = nil, relative: Double? = nil) {
        self.absolute = absolute; self.relative = relative
    }
}

/// The tolerance of one KPI in one check, and the rule it came from.
public struct Tolerance: Sendable, Equatable {
    public enum Rule: Sendable, Equatable {
        /// `k` combined standard errors.
        case standardErrors(Double)
        /// Declared by the scenario.
        case declared(DeclaredTolerance)
    }

    public var value: Double
    public var rule: Rule

    public init(value: Double, rule: Rule) { self.value = value; self.rule = rule }

    /// Whether a move from `baseline` to `current` is within the tolerance: `|difference| <=
    /// value`. Two NaN means are equal; a NaN on one side only, or a NaN tolerance, fails.
    public func admits(baseline: Double, current: Double) -> Bool {
        if baseline.isNaN && current.isNaN { return true }
        if baseline == current { return true }
        let difference = current - baseline
        return abs(difference) <= value
    }

    /// The rule in a few words: `4 se`, `abs 0.001`, `2% rel`, `max(abs 5, 1% rel)`.
    public var ruleText: String {
        switch rule {
        case .standardErrors(let k): return "\(Self.plain(k)) se"
        case .declared(let bound):
            let parts = [bound.absolute.map { "abs \(Self.plain($0))" }, bound.relative.map { "\(Self.plain($0 * 100))% rel" }].compactMap { $0 }
            return parts.count == 2 ? "max(\(parts.joined(separator: ", ")))" : parts.first ?? "abs 0"
        }
    }

    /// `4`, `0.5`, `1e-06`: a number without a trailing `.0`.
    static func plain(_ x: Double) -> String {
        x == x.rounded() && abs(x) < 1e15 ? String(Int64(x)) : "\(x)"
    }
}
