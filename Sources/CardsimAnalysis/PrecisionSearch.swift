/// Adds paths in batches until a confidence interval is narrow enough and can be trusted.
///
/// Batch k (1-based) holds paths `(k-1) B ..< min(k B, maxPaths)`; after each batch the
/// interval over all paths so far, `0 ..< n`, is measured, and the search stops at the first
/// n whose half-width is below the target and whose interval is reliable
/// (`IntervalReliability`), or at `maxPaths`. A path's results depend only on its index, so
/// the paths used, and every output byte, depend only on the scenario, the target, B and
/// maxPaths.
public enum PrecisionSearch {
    /// The watched interval after a batch.
    public struct Measure: Sendable, Equatable {
        /// Its half-width; nil with fewer than two paths.
        public var halfWidth: Double?
        /// Why the interval cannot be trusted yet; nil when it can.
        public var unreliable: String?

        public init(halfWidth: Double?, unreliable: String? = nil) {
            self.halfWidth = halfWidth; self.unreliable = unreliable
        }
    }

    public struct Outcome: Sendable, Equatable {
        /// Paths used: the n the search stopped at.
        public var paths: Int
        /// The half-width at `paths`; nil with fewer than two paths.
        public var halfWidth: Double?
        /// Whether the half-width is below the target and the interval reliable (false:
        /// stopped at maxPaths).
        public var met: Bool
        /// Why the interval at `paths` cannot be trusted; nil when it can.
        public var unreliable: String?

        public init(paths: Int, halfWidth: Double?, met: Bool, unreliable: String? = nil) {
            self.paths = paths; self.halfWidth = halfWidth; self.met = met; self.unreliable = unreliable
        }
    }

    /// The path counts after each batch: B, 2B, ... up to and including `maxPaths`.
    public static func pathCounts(batch: Int, maxPaths: Int) -> [Int] {
        precondition(batch >= 1 && maxPaths >= 1, "batch and maxPaths must be positive")
        return Array(stride(from: batch, to: maxPaths, by: batch)) + [maxPaths]
    }

    /// Runs the search. `measure` gets each batch's new paths (a range continuing the previous
    /// one), runs them, and returns the interval over every path run so far.
    public static func run(target: Double, batch: Int, maxPaths: Int,
                           measure: (Range<Int>) throws -> Measure) rethrows -> Outcome {
        var done = 0
        var last = Measure(halfWidth: nil)
        for n in pathCounts(batch: batch, maxPaths: maxPaths) {
            last = try measure(done..<n)
            done = n
            if let w = last.halfWidth, w < target, last.unreliable == nil {
                return Outcome(paths: n, halfWidth: w, met: true)
            }
        }
        return Outcome(paths: done, halfWidth: last.halfWidth, met: false, unreliable: last.unreliable)
    }

}
