/// Everything one Monte Carlo path produced: for each strategy (champion first), its months.
public struct PathResult: Sendable, Equatable {
    /// Path index in 0..<paths (the same index whatever shard ran it).
    public let path: Int
    /// `months[s][t]` is month t+1 of strategy s.
    public var months: [[MonthRecord]]
    /// `discrimination[s]`: how well strategy s's approval score separated the accounts it
    /// booked; empty in scenarios without scorecards.
    public var discrimination: [ScoreDiscrimination]
    /// `vintages[s]`: the vintage risk of the accounts strategy s booked during the run
    /// (`VintageTable`); empty for results built without it.
    public var vintages: [VintageTable]
    /// `campaigns[s]`: strategy s's active campaigns (`CampaignKind` order), each with its
    /// arms' months in this run and in the run without it (`CampaignRecord`); empty for
    /// results built without them.
    public var campaigns: [[CampaignRecord]]
    /// `segments[s][t][g]`: segment g (`Market.segments` order) in month t + 1 of strategy s;
    /// empty for results built without them.
    public var segments: [[[SegmentFlows]]]
    /// `channels[s][c]`: channel c of strategy s (`Strategy.channels` order) over the run.
    public var channels: [[ChannelTally]]

    public init(path: Int, months: [[MonthRecord]], discrimination: [ScoreDiscrimination] = [],
                vintages: [VintageTable] = [], campaigns: [[CampaignRecord]] = [],
                segments: [[[SegmentFlows]]] = [], channels: [[ChannelTally]] = []) {
        self.path = path; self.months = months; self.discrimination = discrimination; self.vintages = vintages
        self.campaigns = campaigns; self.segments = segments; self.channels = channels
    }
}

/// Summary statistics of one KPI over paths.
public struct Summary: Sendable, Equatable {
    public var mean: Double
    /// Monte Carlo standard error of the mean: sample standard deviation / sqrt(n).
    public var standardError: Double
    public var p5: Double
    public var p50: Double
    public var p95: Double

    /// Summarises values in the given order (the order fixes the floating-point sums, so
    /// callers pass values sorted by path index). Quantiles interpolate linearly between order
    /// statistics (Hyndman and Fan type 7).
    public init(_ values: [Double]) {
        let n = values.count
        guard n > 0 else { self.init(mean: 0, standardError: 0, p5: 0, p50: 0, p95: 0); return }
        var s = 0.0
        for v in values { s += v }
        let mean = s / Double(n)
        var ss = 0.0
        for v in values { ss += (v - mean) * (v - mean) }
        let se = n > 1 ? (ss / Double(n - 1)).squareRoot() / Double(n).squareRoot() : 0
        let sorted = values.sorted()
        self.init(mean: mean, standardError: se, p5: Summary.quantile(sorted, 0.05),
                  p50: Summary.quantile(sorted, 0.5), p95: Summary.quantile(sorted, 0.95))
    }

    public init(mean: Double, standardError: Double, p5: Double, p50: Double, p95: Double) {
        self.mean = mean; self.standardError = standardError
        self.p5 = p5; self.p50 = p50; self.p95 = p95
    }

    /// Type-7 quantile of sorted values: h = (n - 1) q, linear between floor(h) and ceil(h).
    public static func quantile(_ sorted: [Double], _ q: Double) -> Double {
        let h = Double(sorted.count - 1) * q
        let lo = Int(h), hi = Swift.min(lo + 1, sorted.count - 1)
        return sorted[lo] + (h - Double(lo)) * (sorted[hi] - sorted[lo])
    }
}
