import CardsimEngine

/// One acquisition year's vintage curve: the share of its accounts ever 90+ days past due
/// by months on book.
public struct VintageCurve: Sendable, Equatable {
    /// The year of acquisition, 1-based: run months 12y-11 ... 12y (its last month at most the
    /// run's).
    public var year: Int
    public var firstMonth: Int, lastMonth: Int
    /// `shares[m]`: the share at m months on book, mean over the paths that booked accounts in
    /// the year; nil if none did.
    public var shares: [Double?]
}

/// Vintage views of a run, from the tables of `vintages.csv`.
extension RunData {
    /// The vintage curves of strategy s, one per acquisition year (empty if the run directory
    /// has no `vintages.csv`). A year's quarters are observed for fewer months on book the later
    /// they were booked, so its curve adds up, month on book by month on book, the accounts
    /// newly 90+ days past due in the quarters observed that long per account booked in them:
    /// per path, `share(0) = sum ever90(q, 0) / sum booked(q)` over the year's quarters and
    /// `share(m) = share(m - 1) + sum [ever90(q, m) - ever90(q, m - 1)] / sum booked(q)` over its
    /// quarters observed at m (the pooled share itself while all are observed; never falling
    /// when the early quarters are all that is left). Then the mean over the paths that booked
    /// accounts in the year.
    public func vintageCurves(_ s: Int) -> [VintageCurve] {
        let tables = results.compactMap { s < $0.vintages.count ? $0.vintages[s] : nil }
        guard tables.count == results.count, let first = tables.first else { return [] }
        let years = (first.quarters + 3) / 4
        return (0..<years).map { y in
            let quarters = (4 * y)..<min(4 * y + 4, first.quarters)
            let length = first.monthsObserved(quarter: 4 * y)
            var sums = [Double](repeating: 0, count: length), paths = 0
            for table in tables where quarters.contains(where: { table.booked[$0] > 0 }) {
                paths += 1
                var share = 0.0
                for m in 0..<length {
                    var new: Int64 = 0, booked: Int64 = 0
                    for q in quarters {
                        guard let cell = table.cell(quarter: q, monthsOnBook: m) else { continue }
                        new += cell.ever90 - (m > 0 ? table.cell(quarter: q, monthsOnBook: m - 1)!.ever90 : 0)
                        booked += table.booked[q]
                    }
                    if booked > 0 { share += Double(new) / Double(booked) }
                    sums[m] += share
                }
            }
            return VintageCurve(year: y + 1, firstMonth: 12 * y + 1, lastMonth: min(12 * y + 12, months),
                                shares: sums.map { paths > 0 ? $0 / Double(paths) : nil })
        }
    }
}
