import Foundation

/// The Nelder-Mead simplex search (Nelder and Mead 1965) over the unit cube [0, 1]^n, with the
/// adaptive coefficients of Gao and Han (2012): reflection 1, expansion 1 + 2/n, contraction
/// 0.75 - 1/(2n), shrink 1 - 1/n. The simplex lives in unbounded coordinates y mapped onto the
/// cube by x = (1 + sin y) / 2, so every point tried is inside the bounds, a bound can be
/// reached, and the simplex never collapses onto a face (as clamping points would make it).
/// Deterministic: ties keep the earlier vertex.
public struct NelderMead {
    /// Side of the first simplex in y: the start plus `step` along each axis (0.5 moves the
    /// middle of a range to about 0.74 of it).
    public var step = 0.5
    /// Converged when every vertex is within `xTolerance` of the best in every coordinate of x
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

    /// The point of the cube at y.
    static func cube(_ y: [Double]) -> [Double] { y.map { min(1, max(0, (1 + sin($0)) / 2)) } }

    /// The y of a point of the cube (its principal value).
    static func unbounded(_ x: [Double]) -> [Double] { x.map { asin(min(1, max(-1, 2 * $0 - 1))) } }

    /// Minimises `f` over the cube from `start` with at most `budget` evaluations.
    public func minimise(from start: [Double], budget: Int, _ f: ([Double]) throws -> Double) rethrows -> Outcome {
        let n = start.count
        var used = 0
        func value(_ y: [Double]) throws -> Double { used += 1; return try f(NelderMead.cube(y)) }
        let dn = Double(n)
        let (alpha, gamma, rho, sigma) = (1.0, 1 + 2 / dn, 0.75 - 1 / (2 * dn), 1 - 1 / dn)

        var simplex: [(y: [Double], f: Double)] = []
        let y0 = NelderMead.unbounded(start)
        simplex.append((y0, try value(y0)))
        for j in 0..<n where used < budget {
            var y = y0
            y[j] += y0[j] > 0 ? -step : step                         // towards the far side of the range
            simplex.append((y, try value(y)))
        }
        func outcome(converged: Bool) -> Outcome {
            let b = simplex.min { $0.f < $1.f }!
            return Outcome(best: NelderMead.cube(b.y), bestValue: b.f, evaluations: used, converged: converged)
        }
        guard simplex.count == n + 1 else { return outcome(converged: false) }

        while used < budget {
            simplex.sort { $0.f < $1.f }                             // stable: ties keep the earlier vertex
            if isSmall(simplex.map(\.y)) { return outcome(converged: true) }
            let worst = simplex[n]
            var centroid = [Double](repeating: 0, count: n)
            for v in simplex.dropLast() { for i in 0..<n { centroid[i] += v.y[i] / dn } }
            func along(_ t: Double) -> [Double] { (0..<n).map { centroid[$0] + t * (centroid[$0] - worst.y[$0]) } }

            let yr = along(alpha)
            let fr = try value(yr)
            if fr < simplex[0].f {
                guard used < budget else { simplex[n] = (yr, fr); break }
                let ye = along(gamma)
                let fe = try value(ye)
                simplex[n] = fe < fr ? (ye, fe) : (yr, fr)
            } else if fr < simplex[n - 1].f {
                simplex[n] = (yr, fr)
            } else {
                guard used < budget else { break }
                let outside = fr < worst.f
                let yc = along(outside ? rho : -rho)
                let fc = try value(yc)
                if fc < (outside ? fr : worst.f) {
                    simplex[n] = (yc, fc)
                } else {
                    for i in 1...n where used < budget {
                        let y = (0..<n).map { simplex[0].y[$0] + sigma * (simplex[i].y[$0] - simplex[0].y[$0]) }
                        simplex[i] = (y, try value(y))
                    }
                }
            }
        }
        simplex.sort { $0.f < $1.f }
        return outcome(converged: isSmall(simplex.map(\.y)))
    }

    /// Whether every vertex is within `xTolerance` of the first in every coordinate of x.
    private func isSmall(_ points: [[Double]]) -> Bool {
        let b = NelderMead.cube(points[0])
        return points.allSatisfy { p in zip(NelderMead.cube(p), b).allSatisfy { abs($0 - $1) <= xTolerance } }
    }
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
