/// Whether the Student-t interval of a paired difference can be trusted to cover 95%, and if
/// not, why and about how many paths would make it trustworthy.
///
/// The t interval is exact for normal differences at any n >= 2. It fails when the differences
/// are far from normal in one of the ways common random numbers produce: most paths give the
/// same value under both strategies (a difference of exactly 0) and a few jump. The rules, in
/// order, for differences d_1 ... d_n with m of them non-zero:
///
///     fewer than 2 paths                          no interval at all; needs 2 paths
///     m < n and m < 10                            few non-zero differences: the mean rests on
///                                                 m jumps; needs ⌈10 n / m⌉ paths (none
///                                                 estimable when m = 0)
///     g2 > n / 10                                 heavy tails: g2 = m4 / m2² - 3, the sample
///                                                 excess kurtosis; the mean of n paths has
///                                                 excess kurtosis about g2 / n, which must
///                                                 stay below 0.1; needs ⌈10 g2⌉ paths
///
/// Every difference exactly 0 is reliable (the interval [0, 0] is right) when the two
/// strategies give identical values on every path for every KPI; when they differ elsewhere,
/// a KPI that never differs may still differ on paths not yet run, and is marked unreliable.
///
/// The thresholds come from the coverage study in docs/comparison.md: with 10% non-zero
/// differences the t interval covers 40-80% at 5-20 paths and 84-93% at 100; normal
/// differences are marked heavy-tailed in at most about 5% of runs (at 8-10 paths), under 2%
/// from 20 paths.
public struct IntervalReliability: Sendable, Equatable {
    /// Why the interval cannot be trusted; nil when it can.
    public var reason: String?
    /// About how many paths would give a trustworthy interval; nil when reliable or when no
    /// estimate can be made.
    public var pathsNeeded: Int?

    public var isReliable: Bool { reason == nil }

    /// Fewest non-zero differences for a mean made of jumps.
    public static let minimumNonZero = 10
    /// Largest excess kurtosis of the mean, g2 / n, for a reliable interval.
    public static let kurtosisOfMeanLimit = 0.1

    public init(reason: String? = nil, pathsNeeded: Int? = nil) {
        self.reason = reason; self.pathsNeeded = pathsNeeded
    }

    /// The reliability of the t interval of the mean of `d` (in path order).
    /// `strategiesIdentical`: whether the two strategies give the same value on every path for
    /// every KPI, which makes all-zero differences exact.
    public init(differences d: [Double], strategiesIdentical: Bool) {
        let n = d.count
        guard n >= 2 else {
            self.init(reason: "fewer than 2 paths: no interval", pathsNeeded: 2)
            return
        }
        var nonZero = 0
        for x in d where x != 0 { nonZero += 1 }
        if nonZero == 0 {
            if strategiesIdentical { self.init(); return }
            self.init(reason: "no path differs although the strategies differ on other KPIs", pathsNeeded: nil)
            return
        }
        let minimum = Self.minimumNonZero
        if nonZero < n && nonZero < minimum {
            self.init(reason: "only \(nonZero) of \(n) paths have a non-zero difference (fewer than \(minimum))",
                      pathsNeeded: (minimum * n + nonZero - 1) / nonZero)
            return
        }
        let g2 = Self.excessKurtosis(d)
        if g2 > Self.kurtosisOfMeanLimit * Double(n) {
            let needed = (g2 / Self.kurtosisOfMeanLimit).rounded(.up)
            self.init(reason: "heavy tails: excess kurtosis \(Self.oneDecimal(g2)) above \(n) paths / 10",
                      pathsNeeded: Int(needed))
            return
        }
        self.init()
    }

    /// Sample excess kurtosis g2 = m4 / m2² - 3 with central moments m_k = Σ (x - x̄)^k / n;
    /// 0 when every value is the same.
    public static func excessKurtosis(_ x: [Double]) -> Double {
        let n = Double(x.count)
        var s = 0.0
        for v in x { s += v }
        let mean = s / n
        var m2 = 0.0, m4 = 0.0
        for v in x {
            let c = (v - mean) * (v - mean)
            m2 += c; m4 += c * c
        }
        m2 /= n; m4 /= n
        return m2 > 0 ? m4 / (m2 * m2) - 3 : 0
    }

    private static func oneDecimal(_ x: Double) -> String {
        let scaled = (x * 10).rounded() / 10
        return scaled.description
    }
}
