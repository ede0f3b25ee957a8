@testable import CardsimFit
import Foundation
import Testing

@Suite("scoring")
struct ScoringTests {
    /// dgemv and the plain loop sum the same terms in different orders, so they agree to a few
    /// units of rounding of the sum of |terms|; 1e-12 of it leaves room for thousands of
    /// roundings and still catches a wrong index or a missing term.
    @Test("OpenBLAS scoring equals a plain loop to rounding")
    func blasEqualsLoop() {
        var g = SplitMix64(seed: 12)
        let rows = 10_000, p = 20
        let scales: [Double] = (0..<p).map { (j: Int) -> Double in pow(10.0, Double(j % 7) - 2) }
        var x = [Double](repeating: 0, count: rows * p)
        for i in 0..<rows * p {
            let offset: Double = i % p == 3 ? 1e5 : 0
            x[i] = g.normal() * scales[i % p] + offset
        }
        var beta = [Double](repeating: 0, count: p)
        for j in 0..<p { beta[j] = g.normal() / scales[j] }
        let intercept = -1.7
        let blas = Scoring.blas(x, rows: rows, coefficients: beta, intercept: intercept)
        let loop = Scoring.loop(x, rows: rows, coefficients: beta, intercept: intercept)
        var worst = 0.0
        for i in 0..<rows {
            var scale = abs(intercept)
            for j in 0..<p { scale += abs(x[i * p + j] * beta[j]) }
            worst = max(worst, abs(blas[i] - loop[i]) / scale)
        }
        #expect(worst <= 1e-12, "largest relative difference \(worst)")
    }

    @Test("a scorecard scores with its own coefficients and intercept")
    func scorecardScores() throws {
        let data = try KnownModel.sample(rows: 500, seed: 2)
        let card = try Scorecard.fit(data, name: "known").scorecard
        let scores = card.scores(data.x, rows: data.rows)
        for i in [0, 17, 499] {
            var s = card.intercept
            for j in 0..<4 { s += card.features[j].coefficient * data.x[i * 4 + j] }
            #expect(abs(scores[i] - s) <= 1e-12 * max(1, abs(s)))
        }
    }
}
