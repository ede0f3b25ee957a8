import CardsimEngine
import COpenBLAS

/// The OpenBLAS and LAPACK calls of the fit, on row-major arrays.
///
/// OpenBLAS runs on one thread (`Matrix.configureThreads`), so that a fit gives the same bits
/// on every run.
enum Linear {
    /// y = A x + beta y for the n x k row-major A (dgemv).
    static func multiply(_ a: [Double], rows n: Int, columns k: Int, _ x: [Double], into y: inout [Double], beta: Double = 0) {
        precondition(a.count == n * k && x.count == k && y.count == n)
        _ = Matrix.configureThreads
        a.withUnsafeBufferPointer { av in
            x.withUnsafeBufferPointer { xv in
                y.withUnsafeMutableBufferPointer { yv in
                    cblas_dgemv(CblasRowMajor, CblasNoTrans, Int32(n), Int32(k), 1.0, av.baseAddress, Int32(k),
                                xv.baseAddress, 1, beta, yv.baseAddress, 1)
                }
            }
        }
    }

    /// A^T v for the n x k row-major A (dgemv on the transpose).
    static func transposeMultiply(_ a: [Double], rows n: Int, columns k: Int, _ v: [Double]) -> [Double] {
        precondition(a.count == n * k && v.count == n)
        _ = Matrix.configureThreads
        var out = [Double](repeating: 0, count: k)
        a.withUnsafeBufferPointer { av in
            v.withUnsafeBufferPointer { vv in
                out.withUnsafeMutableBufferPointer { ov in
                    cblas_dgemv(CblasRowMajor, CblasTrans, Int32(n), Int32(k), 1.0, av.baseAddress, Int32(k),
                                vv.baseAddress, 1, 0.0, ov.baseAddress, 1)
                }
            }
        }
        return out
    }

    /// A^T A for the n x k row-major A (dsyrk), as a full symmetric k x k row-major matrix.
    static func gram(_ a: [Double], rows n: Int, columns k: Int) -> [Double] {
        precondition(a.count == n * k)
        _ = Matrix.configureThreads
        var c = [Double](repeating: 0, count: k * k)
        a.withUnsafeBufferPointer { av in
            c.withUnsafeMutableBufferPointer { cv in
                cblas_dsyrk(CblasRowMajor, CblasUpper, CblasTrans, Int32(k), Int32(n), 1.0, av.baseAddress, Int32(k),
                            0.0, cv.baseAddress, Int32(k))
            }
        }
        for i in 0..<k { for j in 0..<i { c[i * k + j] = c[j * k + i] } }
        return c
    }

    /// The Cholesky factorisation H = U^T U in place (dpotrf, upper triangle, row-major).
    /// Returns LAPACK's info: 0 on success, j > 0 when the leading minor of order j is not
    /// positive definite.
    static func choleskyFactor(_ h: inout [Double], order k: Int) -> Int {
        _ = Matrix.configureThreads
        let info = h.withUnsafeMutableBufferPointer {
            LAPACKE_dpotrf(LAPACK_ROW_MAJOR, Int8(UInt8(ascii: "U")), Int32(k), $0.baseAddress, Int32(k))
        }
        return Int(info)
    }

    /// Solves H x = b given the factor from `choleskyFactor` (dpotrs).
    static func choleskySolve(factor: [Double], order k: Int, _ b: [Double]) -> [Double] {
        var x = b
        var u = factor
        let info = u.withUnsafeMutableBufferPointer { uv in
            x.withUnsafeMutableBufferPointer { xv in
                LAPACKE_dpotrs(LAPACK_ROW_MAJOR, Int8(UInt8(ascii: "U")), Int32(k), 1, uv.baseAddress, Int32(k),
                               xv.baseAddress, 1)
            }
        }
        precondition(info == 0, "dpotrs failed with info \(info)")
        return x
    }

    /// H^-1 from the factor of `choleskyFactor` (dpotri), as a full symmetric matrix.
    static func choleskyInverse(factor: [Double], order k: Int) -> [Double] {
        var u = factor
        let info = u.withUnsafeMutableBufferPointer {
            LAPACKE_dpotri(LAPACK_ROW_MAJOR, Int8(UInt8(ascii: "U")), Int32(k), $0.baseAddress, Int32(k))
        }
        precondition(info == 0, "dpotri failed with info \(info)")
        for i in 0..<k { for j in 0..<i { u[i * k + j] = u[j * k + i] } }
        return u
    }
}
