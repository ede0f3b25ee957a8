import CardsimScenario
import CardsimSweep
import Foundation
import Testing

@Suite("Sweep designs")
struct DesignTests {
    @Test("a grid holds every combination once, the last parameter changing fastest")
    func grid() {
        let points = SweepDesign.grid([[0, 100, 200], [-0.4, -0.2]])
        #expect(points == [[0, -0.4], [0, -0.2], [100, -0.4], [100, -0.2], [200, -0.4], [200, -0.2]])
        #expect(SweepDesign.grid([]) == [[]])
    }

    @Test("a Latin hypercube puts exactly one point in each stratum of each dimension, reproducibly")
    func latinHypercube() {
        for (n, k) in [(1, 3), (7, 2), (50, 5)] {
            let points = SweepDesign.latinHypercube(samples: n, dimensions: k, seed: 11)
            #expect(points.count == n)
            for d in 0..<k {
                let strata = points.map { Int(($0[d] * Double(n)).rounded(.down)) }
                #expect(strata.sorted() == Array(0..<n), "dimension \(d)")
            }
            #expect(points == SweepDesign.latinHypercube(samples: n, dimensions: k, seed: 11))
        }
        #expect(SweepDesign.latinHypercube(samples: 20, dimensions: 2, seed: 1)
                != SweepDesign.latinHypercube(samples: 20, dimensions: 2, seed: 2))
    }

    @Test("Latin hypercube values lie in their ranges and are written so that they read back exactly")
    func scaledValues() {
        let parameters = [SweepParameter(path: "a", values: [], low: 0.1, high: 0.3),
                          SweepParameter(path: "b", values: [], low: -1000, high: 5000)]
        let plan = SweepPlan(settings: SweepSettings(design: .latinHypercube, samples: 40, seed: 5, parameters: parameters))
        #expect(plan.designPoints.count == 40)
        for point in plan.designPoints {
            for (p, v) in zip(parameters, point.values) {
                let value = v!
                #expect(value >= p.low && value <= p.high)
                #expect(Double(ValueText.text(value)) == value)
            }
        }
    }

    @Test("a plan adds the base point and each parameter's low and high end after the design")
    func planRoles() {
        let parameters = [SweepParameter(path: "bank.product.annual_fee", values: [0, 100, 200], low: 0, high: 200),
                          SweepParameter(path: "bank.risk.cutoff", values: [-0.4, 0.2], low: -0.4, high: 0.2)]
        let plan = SweepPlan(settings: SweepSettings(parameters: parameters))
        #expect(plan.points.count == 6 + 1 + 4)
        #expect(Double(plan.points.count) == SweepPlan.count(plan.settings))
        #expect(plan.points.map(\.number) == Array(1...11))
        #expect(plan.overrides(plan.points[0]) == ["bank.product.annual_fee=0", "bank.risk.cutoff=-0.4"])
        #expect(plan.points[6].role == .base && plan.overrides(plan.points[6]).isEmpty)
        #expect(plan.overrides(plan.points[7]) == ["bank.product.annual_fee=0"])
        #expect(plan.overrides(plan.points[10]) == ["bank.risk.cutoff=0.2"])
        #expect(plan.name(plan.points[0]) == "0001")
    }

    @Test("steps from low to high include high and read as short decimals")
    func steps() {
        #expect(SweepParameter.steps(low: -0.4, high: 0.2, step: 0.2) == [-0.4, -0.2, 0, 0.2])
        #expect(SweepParameter.steps(low: 0, high: 0.3, step: 0.1) == [0, 0.1, 0.2, 0.3])
        #expect(SweepParameter.steps(low: 0, high: 1, step: 1e-6) == nil)
        #expect(ValueText.text(0.00001) == "0.00001")
        #expect(ValueText.text(150) == "150")
        #expect(ValueText.text(-0.25) == "-0.25")
    }
}
