/// The mean of path values with its Monte Carlo error and a Student-t confidence interval.
///
/// For values x_1 ... x_n (in path order, which fixes the floating-point sums):
///
///     mean = Σ x_i / n
///     s    = sqrt(Σ (x_i - mean)² / (n - 1))          sample standard deviation
///     se   = s / sqrt(n)                               standard error of the mean
///     half = t_{(1+c)/2, n-1} · se                     half-width of the c interval
///     interval = [mean - half, mean + half]
///
/// `mean` and `standardError` are computed exactly as the engine's `Summary` computes them, so
/// they equal the figures of `summary.json`. With fewer than two values there is no standard
/// deviation: `standardDeviation` and `standardError` are 0 and `halfWidth` is nil.
public struct Estimate: Sendable, Equatable {
    /// Number of values (paths).
    public var count: Int
    public var mean: Double
    public var standardDeviation: Double
    public var standardError: Double
    /// Confidence level of the interval, e.g. 0.95.
    public var confidence: Double
    /// Half-width of the confidence interval; nil with fewer than two values.
    public var halfWidth: Double?

    public init(_ values: [Double], confidence: Double = Estimate.defaultConfidence) {
        let n = values.count
        var s = 0.0
        for v in values { s += v }
        let mean = n > 0 ? s / Double(n) : 0
        var ss = 0.0
        for v in values { ss += (v - mean) * (v - mean) }
        let sd = n > 1 ? (ss / Double(n - 1)).squareRoot() : 0
        let se = n > 1 ? sd / Double(n).squareRoot() : 0
        self.init(count: n, mean: mean, standardDeviation: sd, standardError: se, confidence: confidence,
                  halfWidth: n > 1 ? Estimate.tQuantile(confidence, count: n) * se : nil)
    }

    public init(count: Int, mean: Double, standardDeviation: Double, standardError: Double,
                confidence: Double, halfWidth: Double?) {
        self.count = count; self.mean = mean; self.standardDeviation = standardDeviation
        self.standardError = standardError; self.confidence = confidence; self.halfWidth = halfWidth
    }

    /// The confidence level used throughout: 95%.
    public static let defaultConfidence = 0.95

    /// Lower end of the confidence interval; nil with fewer than two values.
    public var low: Double? { halfWidth.map { mean - $0 } }
    /// Upper end of the confidence interval; nil with fewer than two values.
    public var high: Double? { halfWidth.map { mean + $0 } }

    /// The two-sided multiplier t_{(1+c)/2, n-1} of a `confidence` interval from `count` values.
    public static func tQuantile(_ confidence: Double, count: Int) -> Double {
        StudentT.quantile((1 + confidence) / 2, degreesOfFreedom: Double(count - 1))
    }
}
