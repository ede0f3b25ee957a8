import Foundation

/// Student's t distribution with `ν` degrees of freedom: the distribution of
/// `(mean - μ) / standard error` for a mean of `ν + 1` normal values, which the confidence
/// intervals use.
///
/// The distribution function is computed through the regularized incomplete beta function,
///
///     P(T > t) = I_x(ν/2, 1/2) / 2,   x = ν / (ν + t²),   t >= 0,
///
/// evaluated by its continued fraction (modified Lentz), so upper tails keep full relative
/// precision. The quantile solves `P(T > t) = 1 - p` by Newton's method inside a bracket
/// (bisection when a Newton step leaves it); `ν = 1` (Cauchy) and `ν = 2` have closed forms.
/// Accuracy: about 1e-13 relative against R's `qt`/`pt` (see StudentTTests).
public enum StudentT {
    /// P(T <= t). `degreesOfFreedom` must be positive; NaN in gives NaN out.
    public static func cdf(_ t: Double, degreesOfFreedom nu: Double) -> Double {
        precondition(nu > 0, "degrees of freedom must be positive")
        if t.isNaN { return .nan }
        let upper = upperTail(abs(t), nu)
        return t >= 0 ? 1 - upper : upper
    }

    /// The p-quantile: the t with P(T <= t) = p, for p in (0, 1); -inf at 0 and +inf at 1.
    public static func quantile(_ p: Double, degreesOfFreedom nu: Double) -> Double {
        precondition(nu > 0, "degrees of freedom must be positive")
        guard p > 0 else { return p == 0 ? -.infinity : .nan }
        guard p < 1 else { return p == 1 ? .infinity : .nan }
        if p == 0.5 { return 0 }
        // Solve for the upper tail q = P(T > t) with t > 0, then restore the sign.
        let q = p > 0.5 ? 1 - p : p
        let sign: Double = p > 0.5 ? 1 : -1
        if nu == 1 { return sign * tan(Double.pi * (0.5 - q)) }
        if nu == 2 { return sign * (1 - 2 * q) / (2 * q * (1 - q)).squareRoot() }

        var low = 0.0, high = 1.0
        while upperTail(high, nu) > q { low = high; high *= 2 }
        var t = 0.5 * (low + high)
        for _ in 0..<200 {
            let f = upperTail(t, nu) - q            // decreasing in t
            if f > 0 { low = t } else { high = t }
            let slope = -density(t, nu)
            var next = slope != 0 ? t - f / slope : .nan
            if !(next > low && next < high) { next = 0.5 * (low + high) }
            if abs(next - t) <= 1e-15 * abs(next) || high - low <= 1e-15 * high { return sign * next }
            t = next
        }
        return sign * t
    }

    /// The density of T at t.
    public static func density(_ t: Double, _ nu: Double) -> Double {
        let logC = lgamma((nu + 1) / 2) - lgamma(nu / 2) - 0.5 * log(nu * Double.pi)
        return exp(logC - (nu + 1) / 2 * log1p(t * t / nu))
    }

    /// P(T > t) for t >= 0.
    static func upperTail(_ t: Double, _ nu: Double) -> Double {
        if t == 0 { return 0.5 }
        if t.isInfinite { return 0 }
        // x = ν / (ν + t²), written to keep precision for large t.
        let x = 1 / (1 + (t / nu.squareRoot()) * (t / nu.squareRoot()))
        return 0.5 * regularizedBeta(x, nu / 2, 0.5)
    }

    /// The regularized incomplete beta function I_x(a, b), for x in [0, 1] and a, b > 0.
    static func regularizedBeta(_ x: Double, _ a: Double, _ b: Double) -> Double {
        if x <= 0 { return 0 }
        if x >= 1 { return 1 }
        let logFront = lgamma(a + b) - lgamma(a) - lgamma(b) + a * log(x) + b * log1p(-x)
        // The continued fraction converges fast for x < (a + 1) / (a + b + 2); use the symmetry
        // I_x(a, b) = 1 - I_{1-x}(b, a) otherwise.
        if x < (a + 1) / (a + b + 2) {
            return exp(logFront) * continuedFraction(x, a, b) / a
        }
        return 1 - exp(logFront) * continuedFraction(1 - x, b, a) / b
    }

    /// The continued fraction of the incomplete beta function (Numerical Recipes' `betacf`),
    /// evaluated with the modified Lentz method.
    private static func continuedFraction(_ x: Double, _ a: Double, _ b: Double) -> Double {
        let tiny = 1e-300, epsilon = 1e-16
        let qab = a + b, qap = a + 1, qam = a - 1
        var c = 1.0
        var d = 1 - qab * x / qap
        if abs(d) < tiny { d = tiny }
        d = 1 / d
        var h = d
        for m in 1...100_000 {
            let m = Double(m), m2 = 2 * m
            var aa = m * (b - m) * x / ((qam + m2) * (a + m2))
            d = 1 + aa * d; if abs(d) < tiny { d = tiny }
            c = 1 + aa / c; if abs(c) < tiny { c = tiny }
            d = 1 / d
            h *= d * c
            aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2))
            d = 1 + aa * d; if abs(d) < tiny { d = tiny }
            c = 1 + aa / c; if abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = d * c
            h *= delta
            if abs(delta - 1) < epsilon { break }
        }
        return h
    }
}
