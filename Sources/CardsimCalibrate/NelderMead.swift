/// The Nelder-Mead simplex search (Nelder and Mead 1965) in the unit cube [0, 1]^n, with the
/// adaptive coefficients of Gao and Han (2012): reflection 1, expansion 1 + 2/n, contraction
/// 0.75 - 1/(2n), shrink 1 - 1/n. Points that leave the cube are projected back onto it
/// (each coordinate clamped to [0, 1]). Deterministic: ties keep the earlier vertex.
public struct NelderMead {
    /// Side of the first simplex: the start plus `step` along each axis (minus where plus
    /// would leave the cube).
    public var step = 0.25
    /// Converged when every vertex is within `xTolerance` of the best in every coordinate
    /// (0.001: a thousandth of each parameter's range).
    public var xTolerance = 1e-3

    public init() {}

    /// The outcome of one search.
    public struct Outcome: Sendable {
        public var best: [Double]
        public var bestValue: Double
        public var evaluations: Int
        public var converged: Bool
    }

    /// Minimises `f` from `start` with at most `budget` evaluations.
    public func minimise(from start: [Double], budget: Int, _ f: ([Double]) throws -> Double) rethrows -> Outcome {
        let n = start.count
        var used = 0
        func value(_ x: [Double]) throws -> Double { used += 1; return try f(x) }
        let dn = Double(n)
        let (alpha, gamma, rho, sigma) = (1.0, 1 + 2 / dn, 0.75 - 1 / (2 * dn), 1 - 1 / dn)

        var simplex: [(x: [Double], f: Double)] = []
        let x0 = start.map(clamp)
        simplex.append((x0, try value(x0)))
        for j in 0..<n where used < budget {
            var x = x0
            x[j] = x0[j] + step <= 1 ? x0[j] + step : x0[j] - step
            simplex.append((x.map(clamp), try value(x.map(clamp))))
        }
        func best() -> Outcome {
            let b = simplex.min { $0.f < $1.f }!
            return Outcome(best: b.x, bestValue: b.f, evaluations: used, converged: false)
        }
        guard simplex.count == n + 1 else { return best() }

        while used < budget {
            simplex.sort { $0.f < $1.f }                      // stable: ties keep the earlier vertex
            if isSmall(simplex.map(\.x)) { var o = best(); o.converged = true; return o }
            let worst = simplex[n]
            var centroid = [Double](repeating: 0, count: n)
            for v in simplex.dropLast() { for i in 0..<n { centroid[i] += v.x[i] / dn } }
            func along(_ t: Double) -> [Double] { (0..<n).map { clamp(centroid[$0] + t * (centroid[$0] - worst.x[$0])) } }

            let xr = along(alpha)
            let fr = try value(xr)
            if fr < simplex[0].f {
                guard used < budget else { simplex[n] = (xr, fr); break }
                let xe = along(gamma)
                let fe = try value(xe)
                simplex[n] = fe < fr ? (xe, fe) : (xr, fr)
            } else if fr < simplex[n - 1].f {
                simplex[n] = (xr, fr)
            } else {
                guard used < budget else { break }
                let outside = fr < worst.f
                let xc = along(outside ? rho : -rho)
                let fc = try value(xc)
                if fc < (outside ? fr : worst.f) {
                    simplex[n] = (xc, fc)
                } else {
                    for i in 1...n where used < budget {
                        let x = (0..<n).map { clamp(simplex[0].x[$0] + sigma * (simplex[i].x[$0] - simplex[0].x[$0])) }
                        simplex[i] = (x, try value(x))
                    }
                }
            }
        }
        simplex.sort { $0.f < $1.f }
        var o = best()
        o.converged = isSmall(simplex.map(\.x))
        return o
    }

    private func isSmall(_ points: [[Double]]) -> Bool {
        let b = points[0]
        return points.allSatisfy { p in zip(p, b).allSatisfy { abs($0 - $1) <= xTolerance } }
    }

    private func clamp(_ x: Double) -> Double { min(1, max(0, x)) }
}

/// Starting points of a multi-start search: the middle of the cube, then the Halton sequence
/// (bases 2, 3, 5, ...; Halton 1960) from its first point, so that starts spread over the cube
/// the same way on every machine.
public enum StartPoints {
    public static func points(_ count: Int, dimension: Int) -> [[Double]] {
        let primes = [2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53, 59, 61, 67, 71]
        return (0..<count).map { s in
            s == 0 ? [Double](repeating: 0.5, count: dimension)
                : (0..<dimension).map { radicalInverse(s, base: primes[$0 % primes.count]) }
        }
    }

    /// The van der Corput radical inverse of `index` in `base`.
    static func radicalInverse(_ index: Int, base: Int) -> Double {
        var i = index, f = 1.0, r = 0.0
        while i > 0 { f /= Double(base); r += f * Double(i % base); i /= base }
        return r
    }
}
