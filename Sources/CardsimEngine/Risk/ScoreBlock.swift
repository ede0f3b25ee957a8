import COpenBLAS

/// Scores agents a block at a time: fills a row-major matrix X (agents x features) with the
/// scorecard's feature values and computes the log-odds L = X b + intercept with one OpenBLAS
/// `dgemv`. Buffers are allocated once for `PathSimulator.blockSize` rows and reused.
final class ScoreBlock: @unchecked Sendable {
    let features: [ResolvedFeature]
    let coefficients: [Double]
    let intercept: Double
    let capacity: Int
    private let matrix: UnsafeMutablePointer<Double>
    /// Log-odds of the last block scored, one per row.
    let logOdds: UnsafeMutablePointer<Double>

    /// nil when a segment feature names no segment of `segments`.
    init?(_ card: Scorecard, segments: [String], capacity: Int = PathSimulator.blockSize) {
        var resolved: [ResolvedFeature] = []
        for t in card.terms {
            guard let f = ResolvedFeature(t.feature, segments: segments) else { return nil }
            resolved.append(f)
        }
        features = resolved
        coefficients = card.terms.map(\.coefficient)
        intercept = card.intercept
        self.capacity = capacity
        matrix = .allocate(capacity: max(1, capacity * resolved.count))
        logOdds = .allocate(capacity: max(1, capacity))
        _ = Matrix.configureThreads
    }

    deinit { matrix.deallocate(); logOdds.deallocate() }

    /// Log-odds of the agents `agents[0..<n]` (n at most `capacity`) into `logOdds[0..<n]`.
    func score(_ pop: Population, _ agents: UnsafeBufferPointer<Int32>) {
        let n = agents.count, k = features.count
        precondition(n <= capacity, "block larger than the scoring buffers")
        guard n > 0 else { return }
        for r in 0..<n {
            let i = Int(agents[r])
            let row = matrix + r * k
            for j in 0..<k { row[j] = FeatureCatalogue.value(features[j], pop, i) }
            logOdds[r] = intercept
        }
        guard k > 0 else { return }
        coefficients.withUnsafeBufferPointer { b in
            cblas_dgemv(CblasRowMajor, CblasNoTrans, Int32(n), Int32(k), 1.0, matrix, Int32(k),
                        b.baseAddress, 1, 1.0, logOdds, 1)
        }
    }

    /// The same log-odds by a plain loop (a reference for tests).
    func scoreByLoop(_ pop: Population, _ i: Int) -> Double {
        var l = intercept
        for j in features.indices { l += coefficients[j] * FeatureCatalogue.value(features[j], pop, i) }
        return l
    }
}
