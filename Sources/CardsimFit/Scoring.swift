import Foundation

/// Scores (log-odds) of many rows under one linear model: s_i = intercept + sum_j x_ij beta_j.
///
/// `blas` is one dgemv over the row-major feature matrix; `loop` is the same sum written as a
/// plain Swift loop. They agree to rounding (the summation order differs); `cardsim bench
/// --scoring` times both.
public enum Scoring {
    /// Scores by OpenBLAS: y = intercept, then y = X beta + y (dgemv).
    public static func blas(_ x: [Double], rows: Int, coefficients: [Double], intercept: Double) -> [Double] {
        var out = [Double](repeating: intercept, count: rows)
        guard rows > 0 else { return out }
        Linear.multiply(x, rows: rows, columns: coefficients.count, coefficients, into: &out, beta: 1)
        return out
    }

    /// Scores by a plain loop over rows and features.
    public static func loop(_ x: [Double], rows: Int, coefficients: [Double], intercept: Double) -> [Double] {
        let p = coefficients.count
        precondition(x.count == rows * p, "x needs rows x coefficients values")
        var out = [Double](repeating: 0, count: rows)
        x.withUnsafeBufferPointer { x in
            coefficients.withUnsafeBufferPointer { beta in
                out.withUnsafeMutableBufferPointer { out in
                    for i in 0..<rows {
                        var s = intercept
                        let row = i * p
                        for j in 0..<p { s += x[row + j] * beta[j] }
                        out[i] = s
                    }
                }
            }
        }
        return out
    }

    /// The probability logistic(score) = 1 / (1 + e^-score).
    public static func probability(_ score: Double) -> Double {
        1 / (1 + exp(-score))
    }
}
