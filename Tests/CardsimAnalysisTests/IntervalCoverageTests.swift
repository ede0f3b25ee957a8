import CardsimAnalysis
import CardsimEngine
import Foundation
import Testing

/// The coverage study behind `IntervalReliability` (docs/comparison.md, "When an interval is
/// not 95%").
///
/// Each experiment is repeated R = 2,000 times with draws from Philox keyed by (repetition,
/// path), so every run of the test sees the same numbers. A correct 95% interval covers the
/// true difference in Binomial(2000, 0.95) repetitions: mean 1900, standard deviation
/// sqrt(2000 · 0.95 · 0.05) = 9.75. The band 1900 ± 39 (± 4 sd, a rate in [0.9305, 0.9695])
/// holds a correct interval's count with probability 1 - 6e-5.
@Suite struct IntervalCoverageTests {
    static let repetitions = 2000
    static let band = 1861...1939

    /// Coverage count and the number of repetitions marked reliable for differences drawn by
    /// `draw(repetition, path)`, with true mean `delta`.
    static func study(paths n: Int, delta: Double, seed: UInt64,
                      draw: (Philox4x32, Int, Int) -> (champion: Double, challenger: Double)) -> (covered: Int, reliable: Int) {
        let philox = Philox4x32(seed: seed)
        var covered = 0, reliable = 0
        for r in 0..<repetitions {
            var a: [Double] = [], b: [Double] = []
            for p in 0..<n {
                let (x, y) = draw(philox, r, p)
                a.append(x); b.append(y)
            }
            // The strategies differ by construction, even where a repetition shows no difference.
            let d = PairedDifference(kpi: "npv", champion: a, challenger: b, direction: .higherIsBetter,
                                     strategiesIdentical: false)
            if let low = d.difference.low, let high = d.difference.high, low <= delta, delta <= high { covered += 1 }
            if d.reliability.isReliable { reliable += 1 }
        }
        return (covered, reliable)
    }

    /// Normal differences: champion 100 + 10 Z, challenger champion + 1.5 + 2 W. The t interval
    /// is exact, and the rules leave at least 90% of repetitions reliable (heavy-tail false
    /// alarms are about 5% at 8-10 paths, below 2% from 20).
    @Test(arguments: [5, 10, 20, 40])
    func normalDifferencesCoverAndAreReliable(paths n: Int) {
        let (covered, reliable) = Self.study(paths: n, delta: 1.5, seed: 7) { philox, r, p in
            let w = philox.block(UInt32(r), UInt32(p), 0, 0)
            let a = 100 + 10 * Draw.normal(w.0)
            return (a, a + 1.5 + 2 * Draw.normal(w.1))
        }
        #expect(Self.band.contains(covered), "\(n) paths: covered \(covered) of \(Self.repetitions), outside \(Self.band)")
        #expect(reliable >= 1800, "\(n) paths: only \(reliable) of \(Self.repetitions) marked reliable")
    }

    /// Zero-inflated differences: on 90% of paths the challenger equals the champion exactly;
    /// on 10% it jumps by 10 · exp(N(0, 1)) (lognormal, heavy-tailed), so the true difference
    /// is 0.1 · 10 · e^{1/2} = 1.6487. At 5-20 paths the t interval covers 40-70% and the
    /// rules (few non-zero differences) mark at least 95% of repetitions unreliable; at 100
    /// paths it still covers only about 84%, and the heavy-tail rule joins in.
    @Test(arguments: [5, 10, 20, 100])
    func zeroInflatedDifferencesUnderCoverAndAreMarked(paths n: Int) {
        let delta = 10 * 0.1 * exp(0.5)
        let (covered, reliable) = Self.study(paths: n, delta: delta, seed: 11) { philox, r, p in
            let w = philox.block(UInt32(r), UInt32(p), 1, 0)
            let a = 100 + 10 * Draw.normal(w.0)
            let jumps = Draw.unit(w.1) < 0.1
            return (a, jumps ? a + 10 * exp(Draw.normal(w.2)) : a)
        }
        #expect(covered < Self.band.lowerBound, "\(n) paths: the t interval covers \(covered) of \(Self.repetitions), not below \(Self.band)")
        #expect(Self.repetitions - reliable >= 1900, "\(n) paths: only \(Self.repetitions - reliable) of \(Self.repetitions) marked unreliable")
    }
}
