@testable import CardsimFit
import Foundation
import Testing

/// The fit recovers a known logistic model, and its standard errors are the right size.
@Suite("logistic regression on data from a known model")
struct LogisticRegressionTests {
    /// 20,000 rows, about 2,000 events. Each estimate is asymptotically normal around the truth
    /// with the reported standard error, so |estimate - truth| <= 3 SE holds with probability
    /// 99.73% per parameter, about 98.7% for all five at once; the seed is fixed, so the test
    /// is deterministic, and a wrong sign, scale or back-transformation (the features span
    /// 1 to 100,000) would miss by far more than 3 SE.
    @Test("coefficients lie within 3 standard errors of the truth")
    func recoversCoefficients() throws {
        let data = try KnownModel.sample(rows: 20_000, seed: 7)
        let fit = try LogisticRegression.fit(data)
        let truth = [KnownModel.intercept] + KnownModel.coefficients
        let estimate = [fit.intercept] + fit.coefficients
        let se = [fit.interceptStandardError] + fit.standardErrors
        for j in truth.indices {
            let z = (estimate[j] - truth[j]) / se[j]
            #expect(abs(z) < 3, "parameter \(j): estimate \(estimate[j]), truth \(truth[j]), SE \(se[j]), z \(z)")
        }
        #expect(fit.iterations < 15)
        #expect(fit.logLikelihood > fit.nullLogLikelihood)
    }

    /// The standard errors themselves: over 40 independent samples of 2,000 rows, the 200
    /// standardized errors (estimate - truth) / SE have mean square 1 if the SEs are right.
    /// Its sampling sd is about sqrt(2 / 200) = 0.1, so [0.7, 1.3] is a 3-sd band; SEs off by
    /// 20% or more fall outside it.
    @Test("standard errors match the spread of estimates over repeated samples")
    func standardErrorsHaveTheRightSize() throws {
        var zs: [Double] = []
        let truth = [KnownModel.intercept] + KnownModel.coefficients
        for replica in 0..<40 {
            let data = try KnownModel.sample(rows: 2_000, seed: 1_000 + UInt64(replica))
            let fit = try LogisticRegression.fit(data)
            let estimate = [fit.intercept] + fit.coefficients
            let se = [fit.interceptStandardError] + fit.standardErrors
            for j in truth.indices { zs.append((estimate[j] - truth[j]) / se[j]) }
        }
        let meanSquare = zs.map { $0 * $0 }.reduce(0, +) / Double(zs.count)
        let mean = zs.reduce(0, +) / Double(zs.count)
        #expect(meanSquare > 0.7 && meanSquare < 1.3, "mean square of z: \(meanSquare)")
        #expect(abs(mean) < 0.25, "mean z: \(mean)")
    }

    /// The covariance mapped back to the original scale equals the inverse information
    /// computed directly on the unstandardized features (a plain Gauss-Jordan inverse here).
    @Test("original-scale covariance equals the inverse of the unstandardized information")
    func covarianceOnOriginalScale() throws {
        let data = try KnownModel.sample(rows: 5_000, seed: 11)
        let fit = try LogisticRegression.fit(data)
        let n = data.rows, p = 4, k = 5
        var info = [Double](repeating: 0, count: k * k)
        for i in 0..<n {
            let row = [1.0] + (0..<p).map { data.x[i * p + $0] }
            var eta = fit.intercept
            for j in 0..<p { eta += fit.coefficients[j] * row[j + 1] }
            let mu = 1 / (1 + exp(-eta)), w = mu * (1 - mu)
            for a in 0..<k { for b in 0..<k { info[a * k + b] += w * row[a] * row[b] } }
        }
        let inverse = gaussJordanInverse(info, k)
        for a in 0..<k {
            for b in 0..<k {
                let expected = inverse[a * k + b]
                let scale = (inverse[a * k + a] * inverse[b * k + b]).squareRoot()
                #expect(abs(fit.covariance[a * k + b] - expected) <= 1e-6 * scale, "(\(a), \(b))")
            }
        }
    }

    @Test("the fit starts from and reports the intercept-only log-likelihood")
    func nullLogLikelihood() throws {
        let data = try KnownModel.sample(rows: 3_000, seed: 5)
        let fit = try LogisticRegression.fit(data)
        let rate = Double(data.events) / Double(data.rows)
        let expected = Double(data.events) * log(rate) + Double(data.rows - data.events) * log(1 - rate)
        #expect(abs(fit.nullLogLikelihood - expected) <= 1e-9 * abs(expected))
    }

    func gaussJordanInverse(_ m: [Double], _ k: Int) -> [Double] {
        var a = m, inv = [Double](repeating: 0, count: k * k)
        for i in 0..<k { inv[i * k + i] = 1 }
        for c in 0..<k {
            let pivot = (c..<k).max { abs(a[$0 * k + c]) < abs(a[$1 * k + c]) }!
            for j in 0..<k { a.swapAt(c * k + j, pivot * k + j); inv.swapAt(c * k + j, pivot * k + j) }
            let d = a[c * k + c]
            for j in 0..<k { a[c * k + j] /= d; inv[c * k + j] /= d }
            for r in 0..<k where r != c {
                let f = a[r * k + c]
                for j in 0..<k { a[r * k + j] -= f * a[c * k + j]; inv[r * k + j] -= f * inv[c * k + j] }
            }
        }
        return inv
    }
}
