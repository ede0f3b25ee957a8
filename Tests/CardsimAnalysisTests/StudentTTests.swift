import CardsimAnalysis
import Foundation
import Testing

/// The t distribution against reference values (scipy.stats.t, which agrees with R's `qt` and
/// `pt`), within 1e-12 relative.
@Suite struct StudentTTests {
    static let tolerance = 1e-12

    static func close(_ x: Double, _ reference: Double, _ tolerance: Double = StudentTTests.tolerance) -> Bool {
        abs(x - reference) <= tolerance * max(1, abs(reference))
    }

    @Test(arguments: [
        (0.975, 1.0, 12.706204736174694), (0.975, 2.0, 4.302652729749462), (0.975, 3.0, 3.1824463052837078),
        (0.975, 4.0, 2.7764451051977934), (0.975, 5.0, 2.5705818356363146), (0.975, 9.0, 2.262157162798205),
        (0.975, 10.0, 2.228138851986274), (0.975, 29.0, 2.045229642132703), (0.975, 30.0, 2.0422724563012378),
        (0.975, 100.0, 1.9839715185235518), (0.975, 1000.0, 1.9623390808264083), (0.995, 4.0, 4.604094871349992),
        (0.9, 7.0, 1.4149239276505086), (0.6, 3.0, 0.2766706623326898), (0.999, 2.0, 22.327124770119866),
        (0.025, 5.0, -2.5705818356363155), (0.9999, 1.0, 3183.098757118502), (0.95, 39.0, 1.6848751217112248),
    ])
    func quantile(p: Double, nu: Double, reference: Double) {
        let q = StudentT.quantile(p, degreesOfFreedom: nu)
        #expect(Self.close(q, reference), "qt(\(p), \(nu)) = \(q), reference \(reference)")
    }

    @Test(arguments: [
        (2.0, 3.0, 0.9303370157205785), (-1.5, 10.0, 0.08225366322272007), (0.5, 1.0, 0.6475836176504333),
        (10.0, 2.0, 0.9950737714883372),
    ])
    func distribution(t: Double, nu: Double, reference: Double) {
        #expect(Self.close(StudentT.cdf(t, degreesOfFreedom: nu), reference))
    }

    @Test func quantileInvertsTheDistribution() {
        for nu in [1.0, 2, 3, 4, 7, 19, 39, 250] {
            for p in [1e-6, 0.01, 0.05, 0.3, 0.5, 0.8, 0.975, 0.999999] {
                let t = StudentT.quantile(p, degreesOfFreedom: nu)
                #expect(abs(StudentT.cdf(t, degreesOfFreedom: nu) - p) <= 1e-12 * max(p, 1e-3), "nu \(nu), p \(p)")
                #expect(StudentT.quantile(1 - p, degreesOfFreedom: nu) == -t || Self.close(StudentT.quantile(1 - p, degreesOfFreedom: nu), -t, 1e-10))
            }
        }
    }

    @Test func edgeCases() {
        #expect(StudentT.quantile(0.5, degreesOfFreedom: 4) == 0)
        #expect(StudentT.quantile(0, degreesOfFreedom: 4) == -.infinity)
        #expect(StudentT.quantile(1, degreesOfFreedom: 4) == .infinity)
        #expect(StudentT.quantile(.nan, degreesOfFreedom: 4).isNaN)
        #expect(StudentT.quantile(1.5, degreesOfFreedom: 4).isNaN)
        #expect(StudentT.cdf(0, degreesOfFreedom: 3) == 0.5)
        #expect(StudentT.cdf(.infinity, degreesOfFreedom: 3) == 1)
        #expect(StudentT.cdf(-.infinity, degreesOfFreedom: 3) == 0)
        #expect(StudentT.cdf(.nan, degreesOfFreedom: 3).isNaN)
        // Many degrees of freedom: the normal 97.5% point.
        #expect(abs(StudentT.quantile(0.975, degreesOfFreedom: 1e7) - 1.959963984540054) < 1e-6)
    }
}
