/// A mean over paths with its Monte Carlo standard error and 95% confidence interval.
///
/// For values x_1 … x_n (in path order):
///
///     mean = Σ x_i / n,   se = sqrt(Σ (x_i - mean)² / (n - 1)) / sqrt(n)
///     interval = mean ± t_{0.975, n-1} · se
///
/// With one path there is no standard error and no interval (`low`, `high` nil).
public struct PathEstimate: Sendable, Equatable {
    public var count: Int
    public var mean: Double
    public var standardError: Double
    public var low: Double?
    public var high: Double?

    public init(count: Int, mean: Double, standardError: Double, low: Double?, high: Double?) {
        self.count = count; self.mean = mean; self.standardError = standardError
        self.low = low; self.high = high
    }

    /// The estimate from path values, in path order.
    public init(_ values: [Double]) {
        let n = values.count
        var s = 0.0
        for v in values { s += v }
        let mean = n > 0 ? s / Double(n) : 0
        var ss = 0.0
        for v in values { ss += (v - mean) * (v - mean) }
        let se = n > 1 ? (ss / Double(n - 1)).squareRoot() / Double(n).squareRoot() : 0
        let half = n > 1 ? StudentT95.multiplier(degreesOfFreedom: n - 1) * se : nil
        self.init(count: n, mean: mean, standardError: se, low: half.map { mean - $0 }, high: half.map { mean + $0 })
    }

    /// Whether the interval excludes zero.
    public var isSignificant: Bool {
        guard let low, let high else { return false }
        return low > 0 || high < 0
    }
}

/// The two-sided 95% multiplier of Student's t distribution, t_{0.975, ν}.
///
/// Exact values (to 6 decimals) for ν = 1…30; above, the Cornish-Fisher expansion around the
/// normal quantile z = 1.959964,
///
///     t ≈ z + (z³ + z)/(4ν) + (5z⁵ + 16z³ + 3z)/(96ν²) + (3z⁷ + 19z⁵ + 17z³ - 15z)/(384ν³)
///           + (79z⁹ + 776z⁷ + 1482z⁵ - 1920z³ - 945z)/(92160ν⁴),
///
/// whose error is below 1e-7 for ν > 30 (checked against scipy's `t.ppf`).
public enum StudentT95 {
    static let table: [Double] = [
        12.706205, 4.302653, 3.182446, 2.776445, 2.570582, 2.446912, 2.364624, 2.306004, 2.262157, 2.228139,
        2.200985, 2.178813, 2.160369, 2.144787, 2.131450, 2.119905, 2.109816, 2.100922, 2.093024, 2.085963,
        2.079614, 2.073873, 2.068658, 2.063899, 2.059539, 2.055529, 2.051831, 2.048407, 2.045230, 2.042272,
    ]

    public static func multiplier(degreesOfFreedom nu: Int) -> Double {
        precondition(nu >= 1, "degrees of freedom must be at least 1")
        if nu <= table.count { return table[nu - 1] }
        let z = 1.959963984540054, v = Double(nu)
        let z3 = z * z * z, z5 = z3 * z * z, z7 = z5 * z * z, z9 = z7 * z * z
        let v2 = v * v
        return z + (z3 + z) / (4 * v) + (5 * z5 + 16 * z3 + 3 * z) / (96 * v2)
            + (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / (384 * v2 * v)
            + (79 * z9 + 776 * z7 + 1482 * z5 - 1920 * z3 - 945 * z) / (92160 * v2 * v2)
    }
}
