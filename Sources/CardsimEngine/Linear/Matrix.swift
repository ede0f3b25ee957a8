import COpenBLAS

/// A dense row-major matrix of doubles whose products run on OpenBLAS.
///
/// OpenBLAS is set to one thread (`Matrix.configureThreads`): cardsim parallelises over paths
/// itself, and OpenBLAS results with more threads are not bitwise reproducible for large
/// products.
public struct Matrix: Sendable, Equatable {
    public let rows: Int
    public let columns: Int
    /// Row-major elements: element (i, j) is `elements[i * columns + j]`.
    public var elements: [Double]

    public init(rows: Int, columns: Int, elements: [Double]) {
        precondition(elements.count == rows * columns, "matrix needs rows x columns elements")
        self.rows = rows; self.columns = columns; self.elements = elements
    }

    public static func identity(_ n: Int) -> Matrix {
        var e = [Double](repeating: 0, count: n * n)
        for i in 0..<n { e[i * n + i] = 1 }
        return Matrix(rows: n, columns: n, elements: e)
    }

    public subscript(i: Int, j: Int) -> Double {
        get { elements[i * columns + j] }
        set { elements[i * columns + j] = newValue }
    }

    /// Pins OpenBLAS to one thread, once per process.
    public static let configureThreads: Void = { openblas_set_num_threads(1) }()

    /// The product self x other (dgemm).
    public func multiplied(by other: Matrix) -> Matrix {
        precondition(columns == other.rows, "matrix product needs matching inner dimensions")
        _ = Matrix.configureThreads
        var out = [Double](repeating: 0, count: rows * other.columns)
        elements.withUnsafeBufferPointer { a in
            other.elements.withUnsafeBufferPointer { b in
                out.withUnsafeMutableBufferPointer { c in
                    cblas_dgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans,
                                Int32(rows), Int32(other.columns), Int32(columns), 1.0,
                                a.baseAddress, Int32(columns), b.baseAddress, Int32(other.columns),
                                0.0, c.baseAddress, Int32(other.columns))
                }
            }
        }
        return Matrix(rows: rows, columns: other.columns, elements: out)
    }

    /// The row vector x times self, x^T A (dgemv on the transpose).
    public func leftMultiplied(by x: [Double]) -> [Double] {
        precondition(x.count == rows, "vector length must equal the row count")
        _ = Matrix.configureThreads
        var y = [Double](repeating: 0, count: columns)
        elements.withUnsafeBufferPointer { a in
            x.withUnsafeBufferPointer { xv in
                y.withUnsafeMutableBufferPointer { yv in
                    cblas_dgemv(CblasRowMajor, CblasTrans, Int32(rows), Int32(columns), 1.0,
                                a.baseAddress, Int32(columns), xv.baseAddress, 1, 0.0, yv.baseAddress, 1)
                }
            }
        }
        return y
    }

    /// self^n by repeated squaring (n >= 0; square matrices only).
    public func power(_ n: Int) -> Matrix {
        precondition(rows == columns && n >= 0, "power needs a square matrix and n >= 0")
        var result = Matrix.identity(rows), base = self, k = n
        while k > 0 {
            if k & 1 == 1 { result = result.multiplied(by: base) }
            base = base.multiplied(by: base)
            k >>= 1
        }
        return result
    }
}
