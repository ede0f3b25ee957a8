import CardsimScenario
import CardsimSweep
import Testing

@Suite("Constrained optimum")
struct OptimumTests {
    /// Rows with NPV, charge-off rate and active rate chosen so that the unconstrained best
    /// breaks a constraint.
    static func rows() -> [Optimum.Row] {
        let table: [(npv: Double, chargeOff: Double, active: Double)] = [
            (100, 0.020, 0.80), (90, 0.008, 0.60), (80, 0.005, 0.75), (85, 0.009, 0.71), (70, 0.001, 0.90),
        ]
        return table.enumerated().map { i, r in
            let results = PointResults(strategies: ["champion"],
                                       means: [["npv": r.npv, "charge_off_rate": r.chargeOff, "active_rate": r.active]],
                                       standardErrors: [["npv": 1, "charge_off_rate": 0.001, "active_rate": 0.01]])
            return Optimum.Row(point: SweepPoint(number: i + 1, role: .design, values: [Double(i)]), strategy: 0, results: results)
        }
    }

    @Test("the optimum meets every constraint and no feasible row beats it")
    func constrained() throws {
        let constraints = [try KPITarget(constraint: "charge_off_rate < 0.01"), try KPITarget(constraint: "active_rate>=0.70")]
        let rows = Self.rows()
        let optimum = Optimum(rows: rows, kpi: "npv", goal: .maximize, constraints: constraints)
        let best = try #require(optimum.best)
        #expect(best.point.number == 4)
        #expect(optimum.feasible == 3)
        #expect(optimum.checks.allSatisfy { $0.met })
        for c in constraints { #expect(Optimum.holds(c, best.mean(c.kpi))) }
        for row in rows where constraints.allSatisfy({ Optimum.holds($0, row.mean($0.kpi)) }) {
            #expect(row.mean("npv") <= best.mean("npv"))
        }
        let minimum = Optimum(rows: rows, kpi: "npv", goal: .minimize, constraints: constraints)
        #expect(minimum.best?.point.number == 5)
        #expect(Optimum(rows: rows, kpi: "npv", goal: .maximize, constraints: []).best?.point.number == 1)
        let impossible = Optimum(rows: rows, kpi: "npv", goal: .maximize, constraints: [try KPITarget(constraint: "active_rate>0.95")])
        #expect(impossible.best == nil && impossible.feasible == 0)
    }

    @Test("constraints parse from the command line's form and refuse what is not one")
    func parsing() throws {
        #expect(try KPITarget(constraint: "charge_off_rate<0.01") == KPITarget(kpi: "charge_off_rate", relation: .below, threshold: 0.01))
        #expect(try KPITarget(constraint: " active_rate >= 0.7 ") == KPITarget(kpi: "active_rate", relation: .atLeast, threshold: 0.7))
        #expect(try KPITarget(constraint: "npv>0").relation == .above)
        #expect(try KPITarget(constraint: "overdue_rate<=0.02").relation == .atMost)
        for bad in ["default_rate<0.01", "npv=3", "active_rate>=70%", "active_rate>="] {
            #expect(throws: SweepError.self, "\(bad)") { try KPITarget(constraint: bad) }
        }
    }
}
