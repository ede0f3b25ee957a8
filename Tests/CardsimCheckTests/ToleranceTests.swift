import CardsimCheck
import Testing

/// The tolerance rule at its boundaries: `|now - baseline| <= tolerance` passes, the next
/// representable value beyond fails. Numbers are chosen so that the arithmetic is exact.
@Suite("tolerances")
struct ToleranceTests {
    static func stat(_ mean: Double, _ se: Double) -> KPIStatistic { KPIStatistic(mean: mean, standardError: se) }

    /// Whether `now` passes against `baseline` under `policy` for KPI `kpi`.
    static func passes(_ policy: TolerancePolicy, _ baseline: KPIStatistic, _ now: KPIStatistic, kpi: String = "net_income") -> Bool {
        policy.tolerance(for: kpi, baseline: baseline, current: now).admits(baseline: baseline.mean, current: now.mean)
    }

    @Test("default: 4 combined standard errors, sqrt(3^2 + 4^2) = 5, so 20; the boundary passes")
    func defaultSigmas() {
        let policy = TolerancePolicy()
        #expect(policy.sigmas == 4)
        let base = Self.stat(100, 3)
        #expect(policy.tolerance(for: "npv", baseline: base, current: Self.stat(0, 4)).value == 20)
        #expect(Self.passes(policy, base, Self.stat(120, 4)))
        #expect(!Self.passes(policy, base, Self.stat(120.0.nextUp, 4)))
        #expect(Self.passes(policy, base, Self.stat(80, 4)))
        #expect(!Self.passes(policy, base, Self.stat(80.0.nextDown, 4)))
    }

    @Test("sigmas from the scenario scale the band: 1 combined standard error is 5")
    func otherSigmas() {
        let policy = TolerancePolicy(sigmas: 1)
        #expect(Self.passes(policy, Self.stat(100, 3), Self.stat(105, 4)))
        #expect(!Self.passes(policy, Self.stat(100, 3), Self.stat(105.0.nextUp, 4)))
        #expect(Self.passes(policy, Self.stat(-100, 4), Self.stat(-105, 3)))
    }

    @Test("zero standard errors on both sides and no declared tolerance: must match exactly")
    func zeroStandardErrors() {
        let policy = TolerancePolicy()
        #expect(policy.tolerance(for: "npv", baseline: Self.stat(7, 0), current: Self.stat(7, 0)).value == 0)
        #expect(Self.passes(policy, Self.stat(7, 0), Self.stat(7, 0)))
        #expect(!Self.passes(policy, Self.stat(7, 0), Self.stat(7.0.nextUp, 0)))
        #expect(!Self.passes(policy, Self.stat(0, 0), Self.stat(-Double.leastNonzeroMagnitude, 0)))
        // sigmas 0 demands equality whatever the standard errors.
        #expect(Self.passes(TolerancePolicy(sigmas: 0), Self.stat(7, 3), Self.stat(7, 4)))
        #expect(!Self.passes(TolerancePolicy(sigmas: 0), Self.stat(7, 3), Self.stat(7.0.nextUp, 4)))
        #expect(TolerancePolicy(sigmas: 0).tolerance(for: "npv", baseline: Self.stat(7, .infinity), current: Self.stat(7, 1)).value == 0)
    }

    @Test("a declared absolute tolerance replaces the standard-error band")
    func absolute() {
        let policy = TolerancePolicy(declared: ["overdue_rate": DeclaredTolerance(absolute: 0.5)])
        let base = Self.stat(2, 1000)
        #expect(Self.passes(policy, base, Self.stat(2.5, 1000), kpi: "overdue_rate"))
        #expect(!Self.passes(policy, base, Self.stat(2.5.nextUp, 1000), kpi: "overdue_rate"))
        #expect(Self.passes(policy, base, Self.stat(1.5, 1000), kpi: "overdue_rate"))
        // Other KPIs keep the band: 4 x sqrt(2) x 1000.
        #expect(Self.passes(policy, base, Self.stat(2.5.nextUp, 1000), kpi: "npv"))
        let zero = TolerancePolicy(declared: ["npv": DeclaredTolerance(absolute: 0)])
        #expect(Self.passes(zero, Self.stat(3, 1), Self.stat(3, 2), kpi: "npv"))
        #expect(!Self.passes(zero, Self.stat(3, 1), Self.stat(3.0.nextUp, 2), kpi: "npv"))
    }

    @Test("a declared relative tolerance is a fraction of the baseline mean's magnitude")
    func relative() {
        let policy = TolerancePolicy(declared: ["net_income": DeclaredTolerance(relative: 0.5)])
        #expect(policy.tolerance(for: "net_income", baseline: Self.stat(-8, 0), current: Self.stat(0, 0)).value == 4)
        #expect(Self.passes(policy, Self.stat(-8, 0), Self.stat(-4, 0)))
        #expect(!Self.passes(policy, Self.stat(-8, 0), Self.stat((-12.0).nextDown, 0)))
        #expect(Self.passes(policy, Self.stat(-8, 0), Self.stat(-4, 0)))
        #expect(Self.passes(policy, Self.stat(-8, 0), Self.stat(-12, 0)))
        // Relative to the baseline, not to the new value.
        #expect(!Self.passes(policy, Self.stat(0, 5), Self.stat(1e-300, 5)))
    }

    @Test("with absolute and relative both declared, the larger applies")
    func both() {
        let policy = TolerancePolicy(declared: ["npv": DeclaredTolerance(absolute: 3, relative: 0.25)])
        #expect(policy.tolerance(for: "npv", baseline: Self.stat(8, 0), current: Self.stat(0, 0)).value == 3)
        #expect(policy.tolerance(for: "npv", baseline: Self.stat(16, 0), current: Self.stat(0, 0)).value == 4)
        #expect(policy.tolerance(for: "npv", baseline: Self.stat(8, 0), current: Self.stat(0, 0)).ruleText == "max(abs 3, 25% rel)")
    }

    @Test("NaN means: equal to each other, never within a tolerance of a number")
    func notANumber() {
        let policy = TolerancePolicy()
        #expect(Self.passes(policy, Self.stat(.nan, 1), Self.stat(.nan, 1)))
        #expect(!Self.passes(policy, Self.stat(.nan, 1), Self.stat(1, 1)))
        #expect(!Self.passes(policy, Self.stat(1, 1), Self.stat(.nan, 1)))
        #expect(!Self.passes(policy, Self.stat(1, .nan), Self.stat(2, 1)))
    }

    @Test("rules read as they are declared")
    func ruleText() {
        let base = Self.stat(1, 1)
        #expect(TolerancePolicy().tolerance(for: "npv", baseline: base, current: base).ruleText == "4 se")
        #expect(TolerancePolicy(sigmas: 2.5).tolerance(for: "npv", baseline: base, current: base).ruleText == "2.5 se")
        #expect(TolerancePolicy(declared: ["npv": DeclaredTolerance(absolute: 0.001)])
            .tolerance(for: "npv", baseline: base, current: base).ruleText == "abs 0.001")
        #expect(TolerancePolicy(declared: ["npv": DeclaredTolerance(relative: 0.02)])
            .tolerance(for: "npv", baseline: base, current: base).ruleText == "2% rel")
    }
}
