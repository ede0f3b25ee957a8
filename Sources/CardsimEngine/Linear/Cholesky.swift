import COpenBLAS

extension Matrix {
    /// The lower-triangular Cholesky factor L with L L^T = self (LAPACK dpotrf), or nil when
    /// the matrix is not symmetric positive semi-definite. A zero row and column (a variable
    /// with no variance) is allowed: it is factored with the others removed.
    public func choleskyLower() -> Matrix? {
        precondition(rows == columns, "Cholesky needs a square matrix")
        let n = rows
        for i in 0..<n { for j in 0..<i where abs(self[i, j] - self[j, i]) > 1e-12 * max(1, abs(self[i, j])) { return nil } }
        let live = (0..<n).filter { self[$0, $0] > 0 }
        for i in 0..<n where self[i, i] < 0 { return nil }
        var out = Matrix(rows: n, columns: n, elements: [Double](repeating: 0, count: n * n))
        guard !live.isEmpty else { return out }
        let k = live.count
        var a = [Double](repeating: 0, count: k * k)
        for (p, i) in live.enumerated() { for (q, j) in live.enumerated() { a[p * k + q] = self[i, j] } }
        _ = Matrix.configureThreads
        let info = a.withUnsafeMutableBufferPointer { buffer in
            LAPACKE_dpotrf(LAPACK_ROW_MAJOR, Int8(UInt8(ascii: "L")), Int32(k), buffer.baseAddress, Int32(k))
        }
        guard info == 0 else { return nil }
        for (p, i) in live.enumerated() { for (q, j) in live.enumerated() where q <= p { out[i, j] = a[p * k + q] } }
        return out
    }
}
