import CardsimScenario
import CardsimSweep
import Testing

/// Morris screening on test functions whose sensitivities are known in closed form.
@Suite("Morris elementary effects")
struct MorrisTests {
    /// Four parameters on different ranges.
    static let parameters = [
        SweepParameter(path: "x1", values: [], low: 0, high: 1),
        SweepParameter(path: "x2", values: [], low: -2, high: 2),
        SweepParameter(path: "x3", values: [], low: 10, high: 20),
        SweepParameter(path: "x4", values: [], low: 0, high: 3),
    ]

    static func settings(trajectories: Int = 20, levels: Int = 4, seed: UInt64 = 7) -> SweepSettings {
        SweepSettings(design: .morris, samples: trajectories, levels: levels, seed: seed, parameters: parameters)
    }

    /// The design's points in the parameters' units, trajectory by trajectory.
    static func points(_ s: SweepSettings) -> [[Double]] {
        SweepPlan(settings: s).designPoints.map { $0.values.map { $0! } }
    }

    @Test("a linear function's mu and mu* are a_i (high_i - low_i) exactly and its sigma is 0")
    func linearExact() throws {
        let a = [10.0, -3.0, 0.1, 0.0]
        let s = Self.settings()
        let design = try #require(SweepPlan(settings: s).morris)
        let outputs = Self.points(s).map { x in zip(a, x).reduce(0) { $0 + $1.0 * $1.1 } }
        let effects = ElementaryEffects(design: design, outputs: outputs)
        for (i, p) in Self.parameters.enumerated() {
            let expected = a[i] * (p.high - p.low)
            let tolerance = 1e-9 * max(1, abs(expected))
            #expect(abs(effects.indices[i].mu - expected) <= tolerance, "parameter \(i): mu \(effects.indices[i].mu), expected \(expected)")
            #expect(abs(effects.indices[i].muStar - abs(expected)) <= tolerance, "parameter \(i): mu* \(effects.indices[i].muStar)")
            #expect(effects.indices[i].sigma <= tolerance, "parameter \(i): sigma \(effects.indices[i].sigma)")
            #expect(effects.effects[i].count == s.samples)
        }
    }

    @Test("f = 10 x1 + 3 x2 + 0.1 x3 + x4^2 ranks x2, x1, x4, x3 and gives only x4 a spread")
    func ranking() throws {
        // Per unit range: x1 moves f by 10, x2 by 3 x 4 = 12, x3 by 0.1 x 10 = 1, x4^2 by
        // (x + Δ)^2 - x^2 over [0, 3]: between 4.5 and 13.5 on 4 levels, mean near 9.
        let s = Self.settings(trajectories: 30)
        let design = try #require(SweepPlan(settings: s).morris)
        let outputs = Self.points(s).map { x in 10 * x[0] + 3 * x[1] + 0.1 * x[2] + x[3] * x[3] }
        let effects = ElementaryEffects(design: design, outputs: outputs)
        #expect(effects.ranking == [1, 0, 3, 2], "mu*: \(effects.indices.map(\.muStar))")
        #expect(effects.indices[3].sigma > 1, "x4 is non-linear: sigma \(effects.indices[3].sigma)")
        for i in 0..<3 { #expect(effects.indices[i].sigma < 1e-9) }
        // x4's mu* lies between its smallest and largest possible effect (4.5 and 13.5 per range).
        #expect(effects.indices[3].muStar >= 4.5 - 1e-9 && effects.indices[3].muStar <= 13.5 + 1e-9)
    }

    @Test("trajectories move one parameter at a time by ±Δ on the level grid, and the seed fixes them")
    func trajectoryShape() {
        for levels in [2, 3, 4, 6] {
            let design = MorrisDesign(trajectories: 12, levels: levels, dimensions: 4, seed: 3)
            #expect(abs(design.delta - Double(levels / 2) / Double(levels - 1)) < 1e-15)
            for t in design.trajectories {
                #expect(t.points.count == 5)
                #expect(t.order.sorted() == [0, 1, 2, 3])
                for j in 0..<4 {
                    let moved = (0..<4).filter { t.points[j][$0] != t.points[j + 1][$0] }
                    #expect(moved == [t.order[j]])
                    #expect(abs(t.points[j + 1][t.order[j]] - t.points[j][t.order[j]] - t.steps[j]) < 1e-12)
                    #expect(abs(abs(t.steps[j]) - design.delta) < 1e-12)
                }
                for x in t.points.joined() {
                    let level = x * Double(levels - 1)
                    #expect(x >= 0 && x <= 1 && abs(level - level.rounded()) < 1e-9)
                }
            }
            #expect(design == MorrisDesign(trajectories: 12, levels: levels, dimensions: 4, seed: 3))
            #expect(design != MorrisDesign(trajectories: 12, levels: levels, dimensions: 4, seed: 4))
        }
    }
}
