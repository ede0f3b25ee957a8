/// How well scores separate events from non-events.
///
/// - AUC: the probability that a random event scores above a random non-event, ties counting
///   one half; the Mann-Whitney U statistic divided by (events x non-events). Computed from
///   the scores in sorted order: each group of tied scores contributes
///   events_in_group x non-events_below + events_in_group x non-events_in_group / 2, which is
///   the rank-sum formula with midranks for ties. The count is kept in whole numbers (twice U),
///   so the AUC is the exact ratio, rounded once.
/// - KS: the largest distance between the score distributions of events and of non-events,
///   max over thresholds s of |F_non-events(s) - F_events(s)|, thresholds between tie groups.
/// - Gini: 2 AUC - 1.
public struct Discrimination: Sendable, Equatable {
    public var auc: Double
    public var ks: Double
    public var gini: Double
    /// The score at and below which the KS distance is reached.
    public var ksScore: Double
    public var n: Int
    public var events: Int

    /// `scores` of the rows and `y` (1 = event, 0 = not); both classes must be present.
    public init(scores: [Double], y: [Double]) {
        precondition(scores.count == y.count && !scores.isEmpty)
        let order = Discrimination.ascending(scores)
        let positives = y.reduce(0) { $0 + ($1 == 1 ? 1 : 0) }
        let negatives = y.count - positives
        precondition(positives > 0 && negatives > 0, "AUC needs both classes")
        var twiceU = 0
        var negativesBelow = 0, positivesBelow = 0
        var ks = 0.0, ksScore = scores[order[0]]
        var start = 0
        while start < order.count {
            let s = scores[order[start]]
            var end = start, pos = 0, neg = 0
            while end < order.count && scores[order[end]] == s {
                if y[order[end]] == 1 { pos += 1 } else { neg += 1 }
                end += 1
            }
            twiceU += 2 * pos * negativesBelow + pos * neg
            negativesBelow += neg; positivesBelow += pos
            let distance = abs(Double(negativesBelow) / Double(negatives) - Double(positivesBelow) / Double(positives))
            if distance > ks { ks = distance; ksScore = s }
            start = end
        }
        auc = Double(twiceU) / (2 * Double(positives) * Double(negatives))
        self.ks = ks
        self.ksScore = ksScore
        gini = 2 * auc - 1
        n = y.count
        events = positives
    }

    /// Row indices in ascending order of score, ties in row order.
    static func ascending(_ scores: [Double]) -> [Int] {
        Array(scores.indices).sorted { scores[$0] < scores[$1] || (scores[$0] == scores[$1] && $0 < $1) }
    }
}

/// One band of the calibration table: rows in ascending order of predicted probability, cut
/// into ten groups of (almost) equal size.
public struct CalibrationBand: Sendable, Equatable {
    /// 1 = the lowest predicted probabilities, 10 = the highest.
    public var decile: Int
    public var count: Int
    public var events: Int
    public var meanPredicted: Double
    public var observedRate: Double
    /// Lowest and highest predicted probability in the band.
    public var lowest: Double
    public var highest: Double

    /// The table for predicted probabilities `predicted` and outcomes `y`. Band g (0-based)
    /// holds the rows at sorted positions floor(g n / 10) ..< floor((g + 1) n / 10), so tied
    /// probabilities may straddle a boundary; ties are ordered by row.
    public static func deciles(predicted: [Double], y: [Double], bands: Int = 10) -> [CalibrationBand] {
        let order = Discrimination.ascending(predicted)
        let n = predicted.count
        return (0..<bands).compactMap { g in
            let lo = g * n / bands, hi = (g + 1) * n / bands
            guard hi > lo else { return nil }
            var sum = 0.0, events = 0
            for r in lo..<hi {
                sum += predicted[order[r]]
                if y[order[r]] == 1 { events += 1 }
            }
            let count = hi - lo
            return CalibrationBand(decile: g + 1, count: count, events: events, meanPredicted: sum / Double(count),
                                   observedRate: Double(events) / Double(count),
                                   lowest: predicted[order[lo]], highest: predicted[order[hi - 1]])
        }
    }
}
