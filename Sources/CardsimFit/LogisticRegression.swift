import Foundation

/// When iteratively reweighted least squares stops.
public struct FitOptions: Sendable, Equatable {
    /// Newton (IRLS) steps allowed before the fit fails.
    public var maxIterations = 50
    /// Converged when the log-likelihood changes by at most this times (|log-likelihood| + 1) ...
    public var logLikelihoodTolerance = 1e-10
    /// ... and no coefficient on the standardized features changes by more than this.
    public var coefficientTolerance = 1e-8
    /// A standardized coefficient beyond this (the odds multiplied by e^30 per standard
    /// deviation) with fitted probabilities at 0 or 1 is taken as perfect separation.
    public var separationCoefficient = 30.0
    /// A fitted probability closer than this to 0 or 1 counts as 0 or 1.
    public var extremeProbability = 1e-10

    public init() {}
}

/// A logistic regression fitted by maximum likelihood.
///
/// The model is P(event | x) = 1 / (1 + exp(-(intercept + sum_j coefficients[j] x_j))), with
/// coefficients per unit of each feature as it is in the data.
public struct LogisticFit: Sendable, Equatable {
    public var features: [String]
    public var intercept: Double
    public var coefficients: [Double]
    /// Standard errors from the inverse Fisher information.
    public var interceptStandardError: Double
    public var standardErrors: [Double]
    /// Coefficients per standard deviation of each feature (the internal, standardized scale).
    public var standardizedCoefficients: [Double]
    /// Mean and sample standard deviation (n - 1) of each feature.
    public var means: [Double]
    public var sds: [Double]
    /// Covariance of (intercept, coefficients), (p + 1) x (p + 1) row-major.
    public var covariance: [Double]
    public var logLikelihood: Double
    /// Log-likelihood of the intercept-only model.
    public var nullLogLikelihood: Double
    /// IRLS steps taken.
    public var iterations: Int
}

/// Logistic regression by iteratively reweighted least squares (Newton's method) on OpenBLAS
/// and LAPACK.
///
/// Features are standardized internally, z_j = (x_j - mean_j) / sd_j, which keeps X^T W X well
/// conditioned when columns differ by orders of magnitude (credit limits in the hundreds of
/// thousands next to 0/1 flags). Each step, with mu = logistic(Z b) and W = diag(mu (1 - mu)):
///
///     (Z^T W Z) delta = Z^T (y - mu),   b <- b + delta
///
/// Z^T W Z is formed by dsyrk on the rows of Z scaled by sqrt(w), factored by dpotrf and solved
/// by dpotrs; the step is halved while it lowers the log-likelihood. The fit starts at the
/// intercept-only model. The covariance of b is (Z^T W Z)^-1 at the optimum (dpotri), and
/// coefficients and covariance are mapped back to the original scale:
/// beta_j = b_j / sd_j, beta_0 = b_0 - sum_j b_j mean_j / sd_j.
public enum LogisticRegression {
    public static func fit(_ data: TrainingData, options: FitOptions = FitOptions()) throws -> LogisticFit {
        let n = data.rows, p = data.features.count, k = p + 1
        let (means, sds) = moments(data)
        var z = [Double](repeating: 0, count: n * k)
        data.x.withUnsafeBufferPointer { x in
            z.withUnsafeMutableBufferPointer { z in
                for i in 0..<n {
                    z[i * k] = 1
                    for j in 0..<p { z[i * k + j + 1] = (x[i * p + j] - means[j]) / sds[j] }
                }
            }
        }
        try checkCollinearity(z, rows: n, columns: k, data: data)

        let y = data.y
        let rate = Double(data.events) / Double(n)
        var b = [Double](repeating: 0, count: k)
        b[0] = log(rate / (1 - rate))
        var eta = [Double](repeating: 0, count: n)
        Linear.multiply(z, rows: n, columns: k, b, into: &eta)
        var ll = logLikelihood(eta, y)
        let nullLL = ll
        var iterations = 0
        var converged = false
        var lastChange = Double.infinity
        while iterations < options.maxIterations {
            iterations += 1
            let (gradient, hessian) = derivatives(z, rows: n, columns: k, eta: eta, y: y)
            var factor = hessian
            let info = Linear.choleskyFactor(&factor, order: k)
            if info != 0 {
                if hasExtremeProbabilities(eta, options) { throw separation(b, data) }
                throw collinear(max(info - 2, 0), data)
            }
            let delta = Linear.choleskySolve(factor: factor, order: k, gradient)
            var t = 1.0
            var next = b, nextEta = eta, nextLL = ll
            while true {
                for j in 0..<k { next[j] = b[j] + t * delta[j] }
                Linear.multiply(z, rows: n, columns: k, next, into: &nextEta)
                nextLL = logLikelihood(nextEta, y)
                if nextLL >= ll - 1e-12 * abs(ll) || t < 1e-6 { break }
                t /= 2
            }
            lastChange = zip(next, b).map { abs($0 - $1) }.max() ?? 0
            let llChange = abs(nextLL - ll)
            b = next; eta = nextEta; ll = nextLL
            let largest = b.dropFirst().map(abs).max() ?? 0
            if largest > options.separationCoefficient && hasExtremeProbabilities(eta, options) {
                throw separation(b, data)
            }
            if llChange <= options.logLikelihoodTolerance * (abs(ll) + 1) && lastChange <= options.coefficientTolerance {
                converged = true
                break
            }
        }
        if !converged {
            if hasExtremeProbabilities(eta, options) { throw separation(b, data) }
            throw FitError(file: data.source, "the fit did not converge in \(options.maxIterations) iteration\(options.maxIterations == 1 ? "" : "s"); expected coefficient changes below \(options.coefficientTolerance), found \(NumberFormat.significant(lastChange, 3)) in the last iteration",
                           hint: "raise --max-iterations, or look for features with extreme values")
        }

        // Standard errors: the inverse of the information at the optimum.
        var factor = derivatives(z, rows: n, columns: k, eta: eta, y: y).hessian
        if Linear.choleskyFactor(&factor, order: k) != 0 { throw separation(b, data) }
        let inverse = Linear.choleskyInverse(factor: factor, order: k)

        // Back to the original scale: beta = A b with A[0][0] = 1, A[0][j] = -mean_j / sd_j,
        // A[j][j] = 1 / sd_j; covariance A C A^T.
        var a = [Double](repeating: 0, count: k * k)
        a[0] = 1
        for j in 1..<k { a[j] = -means[j - 1] / sds[j - 1]; a[j * k + j] = 1 / sds[j - 1] }
        var beta = [Double](repeating: 0, count: k)
        for i in 0..<k { for j in 0..<k { beta[i] += a[i * k + j] * b[j] } }
        var covariance = [Double](repeating: 0, count: k * k)
        for i in 0..<k {
            for j in 0..<k {
                var s = 0.0
                for r in 0..<k where a[i * k + r] != 0 {
                    for c in 0..<k where a[j * k + c] != 0 { s += a[i * k + r] * inverse[r * k + c] * a[j * k + c] }
                }
                covariance[i * k + j] = s
            }
        }
        return LogisticFit(
            features: data.features, intercept: beta[0], coefficients: Array(beta.dropFirst()),
            interceptStandardError: covariance[0].squareRoot(),
            standardErrors: (1..<k).map { covariance[$0 * k + $0].squareRoot() },
            standardizedCoefficients: Array(b.dropFirst()), means: means, sds: sds, covariance: covariance,
            logLikelihood: ll, nullLogLikelihood: nullLL, iterations: iterations)
    }

    /// Sum over rows of y eta - log(1 + e^eta), computed without overflow.
    static func logLikelihood(_ eta: [Double], _ y: [Double]) -> Double {
        var s = 0.0
        for i in eta.indices {
            let e = eta[i]
            s += y[i] * e - (max(e, 0) + log1p(exp(-abs(e))))
        }
        return s
    }

    /// The score Z^T (y - mu) and the information Z^T W Z at the linear predictor `eta`.
    private static func derivatives(_ z: [Double], rows n: Int, columns k: Int, eta: [Double], y: [Double])
        -> (gradient: [Double], hessian: [Double])
    {
        var residual = [Double](repeating: 0, count: n)
        var scaled = [Double](repeating: 0, count: n * k)
        z.withUnsafeBufferPointer { z in
            scaled.withUnsafeMutableBufferPointer { s in
                for i in 0..<n {
                    let mu = 1 / (1 + exp(-eta[i]))
                    residual[i] = y[i] - mu
                    let root = (mu * (1 - mu)).squareRoot()
                    for j in 0..<k { s[i * k + j] = root * z[i * k + j] }
                }
            }
        }
        return (Linear.transposeMultiply(z, rows: n, columns: k, residual), Linear.gram(scaled, rows: n, columns: k))
    }

    /// Means and sample standard deviations of the features, column by column in row order.
    private static func moments(_ data: TrainingData) -> ([Double], [Double]) {
        let n = data.rows, p = data.features.count
        var means = [Double](repeating: 0, count: p), sds = [Double](repeating: 0, count: p)
        for j in 0..<p {
            var s = 0.0
            for i in 0..<n { s += data.x[i * p + j] }
            let m = s / Double(n)
            var q = 0.0
            for i in 0..<n { let d = data.x[i * p + j] - m; q += d * d }
            means[j] = m
            sds[j] = (q / Double(n - 1)).squareRoot()
        }
        return (means, sds)
    }

    /// Fails when a feature is (numerically) a linear combination of the intercept and the
    /// features before it: 1 - R^2 of its regression on them, read off the Cholesky factor of
    /// Z^T Z, below 1e-10.
    private static func checkCollinearity(_ z: [Double], rows n: Int, columns k: Int, data: TrainingData) throws {
        let gram = Linear.gram(z, rows: n, columns: k)
        var factor = gram
        let info = Linear.choleskyFactor(&factor, order: k)
        if info != 0 { throw collinear(max(info - 2, 0), data) }
        for j in 1..<k where factor[j * k + j] * factor[j * k + j] < 1e-10 * gram[j * k + j] {
            throw collinear(j - 1, data)
        }
    }

    private static func hasExtremeProbabilities(_ eta: [Double], _ options: FitOptions) -> Bool {
        let limit = log(options.extremeProbability)
        return eta.contains { -abs($0) < limit }
    }

    private static func collinear(_ feature: Int, _ data: TrainingData) -> FitError {
        let name = data.features[feature]
        return FitError(file: data.source, "feature \(Quote.single(name)) is a linear combination of the features before it (collinear); expected linearly independent features",
                        hint: "leave it out with --exclude \(name)")
    }

    /// Perfect separation, naming the feature with the largest standardized coefficient.
    private static func separation(_ b: [Double], _ data: TrainingData) -> FitError {
        var worst = 0
        for j in 1..<b.count where abs(b[j]) > abs(b[worst + 1]) { worst = j - 1 }
        let name = data.features[worst]
        return FitError(file: data.source, "perfect separation by feature \(Quote.single(name)); expected events and non-events that overlap, found fitted probabilities of 0 or 1 and a coefficient that grows without bound",
                        hint: "leave it out with --exclude \(name), or merge its extreme values")
    }
}
