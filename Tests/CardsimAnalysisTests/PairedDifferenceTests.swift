import CardsimAnalysis
import CardsimEngine
import Foundation
import Testing

@Suite struct PairedDifferenceTests {
    @Test func handWorkedExample() throws {
        let a = [10.0, 12, 9, 11], b = [11.0, 14, 9.5, 12]
        let d = PairedDifference(kpi: "npv", champion: a, challenger: b, direction: .higherIsBetter)
        #expect(d.difference.mean == 1.125)
        #expect(abs(d.difference.standardError - 0.3145764348029479) < 1e-15)
        #expect(abs(try #require(d.difference.halfWidth) - 1.0011226126679627) < 1e-12)
        // s_A² = 5/3, s_B² = 3.5625, s_D² = 0.3958333...: (s_A² + s_B²) / s_D² = 13.2105...
        #expect(abs(try #require(d.varianceReduction) - 13.210526315789474) < 1e-12)
        #expect(abs(d.unpairedStandardError - 1.143368561167687) < 1e-14)
        #expect(d.shareOfPathsBetter == 1)
        // P(T_3 <= 1.125 / 0.31457...) from scipy.
        #expect(abs(try #require(d.probabilityBetter) - 0.9813069632657507) < 1e-12)

        let lower = PairedDifference(kpi: "credit_losses", champion: a, challenger: b, direction: .lowerIsBetter)
        #expect(lower.shareOfPathsBetter == 0)
        #expect(abs(try #require(lower.probabilityBetter) - (1 - 0.9813069632657507)) < 1e-12)
    }

    @Test func aStrategyAgainstItselfHasExactlyZeroDifference() {
        let a = [3.25, -1e9, 0.1 + 0.2, 7, 1e-300]
        let d = PairedDifference(kpi: "npv", champion: a, challenger: a, direction: .higherIsBetter)
        #expect(d.difference.mean == 0)
        #expect(d.difference.standardError == 0)
        #expect(d.difference.halfWidth == 0)
        #expect(d.varianceReduction == nil)
        #expect(d.shareOfPathsBetter == 0.5)
        #expect(d.probabilityBetter == 0.5)
    }

    @Test func tiesCountHalfAndNoDirectionGivesNoProbability() {
        let d = PairedDifference(kpi: "x", champion: [1, 1, 1, 1], challenger: [2, 1, 0, 1], direction: .higherIsBetter)
        #expect(d.shareOfPathsBetter == 0.5)   // one better, one worse, two ties
        let none = PairedDifference(kpi: "x", champion: [1, 2], challenger: [2, 3], direction: nil)
        #expect(none.shareOfPathsBetter == nil)
        #expect(none.probabilityBetter == nil)
        // Zero standard error and a positive difference: certain.
        let sure = PairedDifference(kpi: "x", champion: [1, 2], challenger: [2, 3], direction: .higherIsBetter)
        #expect(sure.probabilityBetter == 1)
        let one = PairedDifference(kpi: "x", champion: [1], challenger: [2], direction: .higherIsBetter)
        #expect(one.probabilityBetter == nil)
        #expect(one.difference.halfWidth == nil)
    }

    /// Over many independent repetitions of a small experiment with a known true difference,
    /// the 95% interval covers it at a rate consistent with 95%.
    ///
    /// Experiment: n = 5 paths; champion A_p = 100 + 10 Z_p, challenger B_p = A_p + δ + 2 W_p
    /// with δ = 1.5 and Z, W independent standard normals (Philox keyed by repetition and path,
    /// as the engine draws). The differences are normal, so the t interval covers δ with
    /// probability exactly 0.95, and the number of covering repetitions out of R = 4,000 is
    /// Binomial(4000, 0.95): mean 3800, standard deviation sqrt(4000 · 0.95 · 0.05) = 13.8.
    /// The test accepts 3800 ± 4 sd (± 55), a rate in [0.936, 0.964]; a correct interval falls
    /// outside with probability about 6e-5. An interval with the normal 1.96 in place of
    /// t_{0.975, 4} = 2.776 covers only about 87.8% (3512 of 4000), far outside the band, which
    /// the test checks too.
    @Test func coverageOfTheIntervalIsNinetyFivePercent() {
        let repetitions = 4000, n = 5, delta = 1.5
        let philox = Philox4x32(seed: 20_241_231)
        var covered = 0, coveredByNormal = 0
        for r in 0..<repetitions {
            var a: [Double] = [], b: [Double] = []
            for p in 0..<n {
                let w = philox.block(UInt32(r), UInt32(p), 0, 0)
                let champion = 100 + 10 * Draw.normal(w.0)
                a.append(champion)
                b.append(champion + delta + 2 * Draw.normal(w.1))
            }
            let d = PairedDifference(kpi: "npv", champion: a, challenger: b, direction: .higherIsBetter).difference
            if let low = d.low, let high = d.high, low <= delta, delta <= high { covered += 1 }
            if abs(d.mean - delta) <= 1.959963984540054 * d.standardError { coveredByNormal += 1 }
        }
        let rate = Double(covered) / Double(repetitions)
        #expect(abs(covered - 3800) <= 55, "coverage \(rate) (\(covered) of \(repetitions))")
        #expect(coveredByNormal < 3800 - 55, "the normal interval covers \(coveredByNormal) of \(repetitions)")
    }
}
