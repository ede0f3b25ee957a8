import CardsimAnalysis
import CardsimEngine
import Testing

/// The rules that mark a paired difference's t interval unreliable, on constructed data.
@Suite struct IntervalReliabilityTests {
    @Test func onePathHasNoInterval() {
        let r = IntervalReliability(differences: [3], strategiesIdentical: false)
        #expect(!r.isReliable)
        #expect(r.reason == "fewer than 2 paths: no interval")
        #expect(r.pathsNeeded == 2)
    }

    @Test func fewNonZeroDifferencesAreUnreliable() {
        // One jump in 10 paths: the mean rests on it; 10 jumps need about 10 / (1/10) = 100 paths.
        let d = [0, 0, 0, 5, 0, 0, 0, 0, 0, 0.0]
        let r = IntervalReliability(differences: d, strategiesIdentical: false)
        #expect(!r.isReliable)
        #expect(r.reason == "only 1 of 10 paths have a non-zero difference (fewer than 10)")
        #expect(r.pathsNeeded == 100)
        // Three of seven: ⌈10 · 7 / 3⌉ = 24.
        #expect(IntervalReliability(differences: [0, 1, 0, 2, 0, 3, 0], strategiesIdentical: false).pathsNeeded == 24)
        // Fewer than 10 paths, but every one differs (continuous differences): reliable.
        #expect(IntervalReliability(differences: [1.2, 0.8, 1.1, 0.9, 1.0], strategiesIdentical: false).isReliable)
    }

    @Test func allZeroIsExactOnlyForIdenticalStrategies() {
        let zeros = [Double](repeating: 0, count: 8)
        #expect(IntervalReliability(differences: zeros, strategiesIdentical: true) == IntervalReliability())
        let r = IntervalReliability(differences: zeros, strategiesIdentical: false)
        #expect(!r.isReliable)
        #expect(r.reason == "no path differs although the strategies differ on other KPIs")
        #expect(r.pathsNeeded == nil)
        // PairedDifference alone takes equal values on every path as identical strategies.
        let same = PairedDifference(kpi: "npv", champion: [1, 2, 3], challenger: [1, 2, 3], direction: .higherIsBetter)
        #expect(same.reliability.isReliable)
        let elsewhere = PairedDifference(kpi: "npv", champion: [1, 2, 3], challenger: [1, 2, 3], direction: .higherIsBetter,
                                         strategiesIdentical: false)
        #expect(!elsewhere.reliability.isReliable)
    }

    @Test func heavyTailsAreUnreliable() throws {
        // 39 paths near 1 and one at 1000: g2 is about 35, above 40 / 10.
        let d = (0..<39).map { 1 + 0.01 * Double($0 % 7) } + [1000]
        let g2 = IntervalReliability.excessKurtosis(d)
        #expect(g2 > 30 && g2 < 40, "g2 = \(g2)")
        let r = IntervalReliability(differences: d, strategiesIdentical: false)
        #expect(try #require(r.reason).hasPrefix("heavy tails: excess kurtosis"), "\(r)")
        #expect(r.pathsNeeded == Int((10 * g2).rounded(.up)))
    }

    @Test func excessKurtosisByHand() {
        // [1, 2, 3, 4]: m2 = 1.25, m4 = 2.5625, g2 = 2.5625 / 1.5625 - 3 = -1.36.
        #expect(abs(IntervalReliability.excessKurtosis([1, 2, 3, 4]) + 1.36) < 1e-12)
        #expect(IntervalReliability.excessKurtosis([2, 2, 2]) == 0)
    }
}
