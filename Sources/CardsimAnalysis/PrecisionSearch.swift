/// Adds paths in batches until a confidence interval is narrow enough.
///
/// Batch k (1-based) holds paths `(k-1) B ..< min(k B, maxPaths)`; after each batch the
/// half-width over all paths so far, `0 ..< n`, is measured, and the search stops at the first
/// n whose half-width is below the target, or at `maxPaths`. A path's results depend only on
/// its index, so the paths used, and every output byte, depend only on the scenario, the
/// target, B and maxPaths.
public enum PrecisionSearch {
    public struct Outcome: Sendable, Equatable {
        /// Paths used: the n the search stopped at.
        public var paths: Int
        /// The half-width at `paths`; nil with fewer than two paths.
        public var halfWidth: Double?
        /// Whether the half-width is below the target (false: stopped at maxPaths).
        public var met: Bool

        public init(paths: Int, halfWidth: Double?, met: Bool) {
            self.paths = paths; self.halfWidth = halfWidth; self.met = met
        }
    }

    /// The path counts after each batch: B, 2B, ... up to and including `maxPaths`.
    public static func pathCounts(batch: Int, maxPaths: Int) -> [Int] {
        precondition(batch >= 1 && maxPaths >= 1, "batch and maxPaths must be positive")
        return Array(stride(from: batch, to: maxPaths, by: batch)) + [maxPaths]
    }

    /// Runs the search. `measure` gets each batch's new paths (a range continuing the previous
    /// one), runs them, and returns the half-width over every path run so far.
    public static func run(target: Double, batch: Int, maxPaths: Int,
                           measure: (Range<Int>) throws -> Double?) rethrows -> Outcome {
        var done = 0
        var width: Double?
        for n in pathCounts(batch: batch, maxPaths: maxPaths) {
            width = try measure(done..<n)
            done = n
            if let w = width, w < target { return Outcome(paths: n, halfWidth: w, met: true) }
        }
        return Outcome(paths: done, halfWidth: width, met: false)
    }
}
