import Testing
import Foundation
@testable import CardsimEngine

@Suite struct MacroPathTests {
    /// The Cholesky factor from LAPACK reproduces the covariance.
    @Test func choleskyReproducesCovariance() throws {
        let s = MacroParameters().shockCovariance
        let l = try #require(s.choleskyLower())
        var lt = l
        for i in 0..<3 { for j in 0..<3 { lt[i, j] = l[j, i] } }
        let back = l.multiplied(by: lt)
        for k in 0..<9 { #expect(abs(back.elements[k] - s.elements[k]) <= 1e-18 + 1e-12 * abs(s.elements[k])) }
        for i in 0..<3 { for j in (i + 1)..<3 { #expect(l[i, j] == 0) } }
    }

    /// A correlation matrix that is not positive semi-definite has no factor.
    @Test func indefiniteCorrelationIsRejected() {
        var p = MacroParameters()
        p.correlation = [1, 0.9, -0.9, 0.9, 1, 0.9, -0.9, 0.9, 1]
        #expect(p.shockCovariance.choleskyLower() == nil)
    }

    /// Over 20,000 paths, month 24's means, variances and cross-covariances and the lag-1
    /// auto- and cross-covariances match the AR(1) system's closed forms
    /// (Cov(x_t)_ij = S_ij (1 - (a_i a_j)^t) / (1 - a_i a_j), Cov(x_{t+1,i}, x_{t,j}) = a_i Cov(x_t)_ij)
    /// within 4.5 standard errors of the sample moments of normal data
    /// (mean: sd / sqrt(n); covariance: sqrt((V_ii V_jj + V_ij^2) / n)).
    @Test func momentsMatchClosedForm() throws {
        let p = MacroParameters()
        let l = try #require(p.shockCovariance.choleskyLower())
        let n = 20_000, t = 24
        var x = [[Double]](), y = [[Double]]()
        for path in 0..<n {
            let states = MacroPath.draw(p, months: t + 1, rng: PathRandom(seed: 5, path: path), factor: l)
            func dev(_ s: MacroState) -> [Double] {
                [s.unemployment - p.unemploymentMean, s.consumptionGrowth - p.consumptionGrowthMean, s.fundingRate - p.fundingRateMean]
            }
            x.append(dev(states[t])); y.append(dev(states[t + 1]))
        }
        let s = p.shockCovariance, a = p.persistence
        func theory(_ i: Int, _ j: Int) -> Double { s[i, j] * (1 - pow(a[i] * a[j], Double(t))) / (1 - a[i] * a[j]) }
        func mean(_ v: [[Double]], _ i: Int) -> Double { v.reduce(0) { $0 + $1[i] } / Double(n) }
        func cov(_ u: [[Double]], _ i: Int, _ v: [[Double]], _ j: Int) -> Double {
            let mu = mean(u, i), mv = mean(v, j)
            var c = 0.0
            for k in 0..<n { c += (u[k][i] - mu) * (v[k][j] - mv) }
            return c / Double(n - 1)
        }
        for i in 0..<3 {
            #expect(abs(mean(x, i)) <= 4.5 * (theory(i, i) / Double(n)).squareRoot(), "mean \(i)")
            for j in 0..<3 {
                let se = ((theory(i, i) * theory(j, j) + theory(i, j) * theory(i, j)) / Double(n)).squareRoot()
                #expect(abs(cov(x, i, x, j) - theory(i, j)) <= 4.5 * se, "covariance \(i),\(j)")
                let lagged = a[i] * theory(i, j)
                let vy = theory(i, i) * a[i] * a[i] + s[i, i]
                let seLag = ((vy * theory(j, j) + lagged * lagged) / Double(n)).squareRoot()
                #expect(abs(cov(y, i, x, j) - lagged) <= 4.5 * seLag, "lag-1 covariance \(i),\(j)")
            }
        }
    }

    /// A recession adds its shock exactly in its months and nowhere else.
    @Test func recessionWindow() throws {
        var p = MacroParameters()
        let l = try #require(p.shockCovariance.choleskyLower())
        let base = MacroPath.draw(p, months: 20, rng: PathRandom(seed: 1, path: 0), factor: l)
        p.recession = Recession(startMonth: 5, lengthMonths: 6, unemploymentRise: 2, consumptionDrop: 0.04)
        let hit = MacroPath.draw(p, months: 20, rng: PathRandom(seed: 1, path: 0), factor: l)
        for m in 0...20 {
            let inside = (5..<11).contains(m)
            #expect(abs(hit[m].unemployment - base[m].unemployment - (inside ? 2 : 0)) < 1e-12)
            #expect(abs(hit[m].consumptionGrowth - base[m].consumptionGrowth + (inside ? 0.04 : 0)) < 1e-12)
        }
    }
}
