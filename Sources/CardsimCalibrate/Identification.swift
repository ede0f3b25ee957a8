import COpenBLAS

/// Standard errors of the fitted parameters and what the targets cannot pin down, from the
/// moments' Jacobian G (k targets x p parameters, in each parameter's unit) at the optimum.
///
/// With weights W = diag(1 / tolerance²) and A = G'WG, the estimate's covariance is the
/// method-of-simulated-moments sandwich (Gourieroux and Monfort 1996, ch. 2; McFadden 1989)
///
///     V = A⁻¹ G'W (Σ + T) W G A⁻¹,
///
/// with Σ the Monte Carlo covariance of the simulated moments (paths' covariance / paths) and
/// T = diag(tolerance²), the tolerances read as the targets' standard errors; since
/// W T W = W, the targets' part is A⁻¹. `monteCarlo` is the Σ part alone.
///
/// Identification is read in units of each parameter's range: with Ĝ = W^½ G R
/// (R = diag(high - low)), an eigenvector v of Ĝ'Ĝ with eigenvalue λ < 1 is a flat direction:
/// moving the parameters along v across their whole range moves the moments by less than one
/// tolerance (root sum of squares), so the targets cannot tell its ends apart. A parameter
/// whose squared loading on a flat direction exceeds `flatLoading` is not identified: no
/// standard error is given for it. Inverses are taken on the other directions only.
public struct Identification: Sendable {
    public struct FlatDirection: Sendable {
        /// Loadings on each parameter (unit length, largest loading positive).
        public var loadings: [Double]
        /// sqrt(λ): tolerances the moments move over the whole range along the direction.
        public var movement: Double
    }

    public var standardErrors: [Double?]
    public var monteCarloStandardErrors: [Double?]
    public var identified: [Bool]
    public var flatDirections: [FlatDirection]
    /// For each parameter, the tolerances the moments move (root sum of squares) when it goes
    /// across its range alone: the column norms of Ĝ.
    public var reach: [Double]

    public static let flatLoading = 0.25

    /// - Parameters:
    ///   - jacobian: `jacobian[k][j]` = d model_k / d parameter_j.
    ///   - ranges: high - low of each parameter.
    ///   - tolerances: each target's tolerance.
    ///   - covariance: Monte Carlo covariance of the model's moments (k x k).
    public init(jacobian: [[Double]], ranges: [Double], tolerances: [Double], covariance: [[Double]]) {
        let k = tolerances.count, p = ranges.count
        // Ĝ = W^½ G R.
        let g = (0..<k).map { i in (0..<p).map { j in jacobian[i][j] * ranges[j] / tolerances[i] } }
        reach = (0..<p).map { j in (0..<k).map { g[$0][j] * g[$0][j] }.reduce(0, +).squareRoot() }
        var h = [Double](repeating: 0, count: p * p)                     // Ĝ'Ĝ, row-major
        for a in 0..<p { for b in 0..<p { h[a * p + b] = (0..<k).map { g[$0][a] * g[$0][b] }.reduce(0, +) } }
        let (values, vectors) = Identification.symmetricEigen(h, p)
        var flat: [FlatDirection] = []
        var hInverse = [Double](repeating: 0, count: p * p)             // pseudo-inverse on the identified directions
        for e in 0..<p {
            var v = (0..<p).map { vectors[$0 * p + e] }
            if let big = v.max(by: { abs($0) < abs($1) }), big < 0 { v = v.map { -$0 } }
            let lambda = max(0, values[e])
            if lambda < 1 {
                flat.append(FlatDirection(loadings: v, movement: lambda.squareRoot()))
            } else {
                for a in 0..<p { for b in 0..<p { hInverse[a * p + b] += v[a] * v[b] / lambda } }
            }
        }
        flatDirections = flat.sorted { $0.movement < $1.movement }
        identified = (0..<p).map { j in !flat.contains { $0.loadings[j] * $0.loadings[j] > Identification.flatLoading } }

        // In range units: B = H⁺ Ĝ' (p x k); target part H⁺, Monte Carlo part B (W^½ Σ W^½) B'.
        let b = (0..<p).map { a in (0..<k).map { i in (0..<p).map { c in hInverse[a * p + c] * g[i][c] }.reduce(0, +) } }
        let s = (0..<k).map { i in (0..<k).map { j in covariance[i][j] / (tolerances[i] * tolerances[j]) } }
        var mc = [Double](repeating: 0, count: p)
        for a in 0..<p {
            var sum = 0.0
            for i in 0..<k { for j in 0..<k { sum += b[a][i] * s[i][j] * b[a][j] } }
            mc[a] = sum
        }
        let identifiedNow = identified
        standardErrors = (0..<p).map { a in identifiedNow[a] ? (hInverse[a * p + a] + mc[a]).squareRoot() * ranges[a] : nil }
        monteCarloStandardErrors = (0..<p).map { a in identifiedNow[a] ? mc[a].squareRoot() * ranges[a] : nil }
    }

    /// Eigenvalues (ascending) and eigenvectors (columns of a row-major p x p matrix) of the
    /// symmetric matrix `a`, by LAPACK's dsyev.
    static func symmetricEigen(_ a: [Double], _ p: Int) -> (values: [Double], vectors: [Double]) {
        var matrix = a
        var values = [Double](repeating: 0, count: p)
        let info = matrix.withUnsafeMutableBufferPointer { m in
            values.withUnsafeMutableBufferPointer { w in
                LAPACKE_dsyev(LAPACK_ROW_MAJOR, Int8(UInt8(ascii: "V")), Int8(UInt8(ascii: "U")), Int32(p),
                              m.baseAddress, Int32(p), w.baseAddress)
            }
        }
        precondition(info == 0, "dsyev failed (\(info)) on a symmetric matrix")
        return (values, matrix)
    }
}
