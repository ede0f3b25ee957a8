import CardsimEngine

/// One acquisition year's vintage curve: the share of its accounts ever 90+ days past due
/// by months on book.
public struct VintageCurve: Sendable, Equatable {
    /// The year of acquisition, 1-based: run months 12y-11 ... 12y (its last month at most the
    /// run's).
    public var year: Int
    public var firstMonth: Int, lastMonth: Int
    /// `shares[m]`: the share at m months on book, mean over the paths that booked accounts in
    /// the quarters pooled at m; nil where no path did.
    public var shares: [Double?]
}

/// Vintage views of a run, from the tables of `vintages.csv`.
extension RunData {
    /// The vintage curves of strategy s, one per acquisition year (empty if the run directory
    /// has no `vintages.csv`). At m months on book a year pools its quarters observed that long
    /// (booked at least m months before the run's end): per path, the pooled quarters'
    /// accounts ever 90+ days past due by m over the accounts they booked; then the mean over
    /// paths.
    public func vintageCurves(_ s: Int) -> [VintageCurve] {
        let tables = results.compactMap { s < $0.vintages.count ? $0.vintages[s] : nil }
        guard tables.count == results.count, let first = tables.first else { return [] }
        let years = (first.quarters + 3) / 4
        return (0..<years).map { y in
            let quarters = (4 * y)..<min(4 * y + 4, first.quarters)
            let shares = (0..<first.monthsObserved(quarter: 4 * y)).map { m -> Double? in
                var sum = 0.0, paths = 0
                for table in tables {
                    var bad: Int64 = 0, booked: Int64 = 0
                    for q in quarters {
                        guard let cell = table.cell(quarter: q, monthsOnBook: m) else { continue }
                        bad += cell.ever90; booked += table.booked[q]
                    }
                    guard booked > 0 else { continue }
                    sum += Double(bad) / Double(booked); paths += 1
                }
                return paths > 0 ? sum / Double(paths) : nil
            }
            return VintageCurve(year: y + 1, firstMonth: 12 * y + 1, lastMonth: min(12 * y + 12, months), shares: shares)
        }
    }
}
