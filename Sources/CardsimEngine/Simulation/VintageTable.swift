/// Vintage (cohort) risk of the accounts one strategy booked during one path: for every
/// acquisition quarter and months on book, how many accounts are still open, how many have
/// ever been 30+ and 90+ days past due, how many were charged off and the net loss.
///
/// Quarter q (0-based here, 1-based in files) holds the accounts booked in run months
/// 3q+1...3q+3 (the month-0 book and its spin-up history are no vintage). An account booked in
/// month b is m = t - b months on book at the end of run month t. Cell (q, m) is observed for
/// every account of the quarter, so m runs from 0 to `T - last(q)`, `last(q) = min(3q+3, T)`:
/// a triangle of cells, one row per quarter, no partly observed cells.
///
/// `booked` and `initialLines` are per quarter; the cells hold month-end stocks (`open`,
/// `openNever90`) and, once the path is done, cumulative counts and sums up to and including
/// month on book m (`ever30`, `ever90`, `chargedOff`, `netLoss`). All integers: sums are exact,
/// whatever the order they are added in.
public struct VintageTable: Sendable, Equatable {
    /// One cell: a quarter's accounts at m months on book. Counts are agents; money is fen.
    public struct Cell: Sendable, Equatable {
        /// Accounts in force (issued or open) at the month end.
        public var open: Int64 = 0
        /// Accounts in force that have never been 90+ days past due (the accounts at risk of
        /// going bad next month).
        public var openNever90: Int64 = 0
        /// Accounts that reached 30+ days past due (bucket 2) by m months on book.
        public var ever30: Int64 = 0
        /// Accounts that reached 90+ days past due (bucket 4) by m months on book.
        public var ever90: Int64 = 0
        /// Accounts written off by m months on book.
        public var chargedOff: Int64 = 0
        /// Written-off receivables minus their recoveries by m months on book, fen.
        public var netLoss: Int64 = 0

        public init(open: Int64 = 0, openNever90: Int64 = 0, ever30: Int64 = 0, ever90: Int64 = 0,
                    chargedOff: Int64 = 0, netLoss: Int64 = 0) {
            self.open = open; self.openNever90 = openNever90; self.ever30 = ever30; self.ever90 = ever90
            self.chargedOff = chargedOff; self.netLoss = netLoss
        }
    }

    /// Months of the run, T.
    public let months: Int
    /// `booked[q]`: accounts booked in quarter q (the vintage's size).
    public var booked: [Int64]
    /// `initialLines[q]`: the credit limits the quarter's accounts were booked with, summed, fen.
    public var initialLines: [Int64]
    /// The cells, quarter by quarter and months on book within each (`index(quarter:monthsOnBook:)`).
    public var cells: [Cell]

    /// An empty table for a run of `months` months.
    public init(months: Int) {
        self.months = max(0, months)
        let q = (self.months + 2) / 3
        booked = [Int64](repeating: 0, count: q)
        initialLines = [Int64](repeating: 0, count: q)
        cells = [Cell](repeating: Cell(), count: q == 0 ? 0 : Self.offset(q - 1, months: self.months) + Self.count(q - 1, months: self.months))
    }

    /// Acquisition quarters of the run: ceil(T / 3).
    public var quarters: Int { booked.count }

    /// The months on book observed for every account of quarter q: 0 ..< this.
    public func monthsObserved(quarter q: Int) -> Int { Self.count(q, months: months) }

    /// Where cell (q, m) is in `cells`; nil when m is not observed for the whole quarter.
    @inline(__always)
    public func index(quarter q: Int, monthsOnBook m: Int) -> Int? {
        guard q >= 0, q < quarters, m >= 0, m < Self.count(q, months: months) else { return nil }
        return Self.offset(q, months: months) + m
    }

    /// Cell (q, m); nil when it is not observed.
    public func cell(quarter q: Int, monthsOnBook m: Int) -> Cell? {
        index(quarter: q, monthsOnBook: m).map { cells[$0] }
    }

    /// Cells of quarter q: T - last(q) + 1, last(q) = min(3q + 3, T).
    @inline(__always)
    static func count(_ q: Int, months: Int) -> Int { months - min(3 * q + 3, months) + 1 }

    /// First cell of quarter q. Every quarter before the last is whole, with T - 2 - 3q' cells.
    @inline(__always)
    static func offset(_ q: Int, months: Int) -> Int { q * (months - 2) - 3 * q * (q - 1) / 2 }

    // MARK: Tallying (during a path)

    /// The quarter of run month b (1-based): (b - 1) / 3.
    @inline(__always)
    static func quarter(bookedIn b: Int) -> Int { (b - 1) / 3 }

    /// An account booked in month `month` with limit `limit` (fen).
    @inline(__always)
    mutating func book(month: Int, limit: Int64) {
        let q = Self.quarter(bookedIn: month)
        booked[q] += 1
        initialLines[q] += limit
    }

    /// The cell of an account booked in month `bookedMonth` at the end of run month `month`.
    @inline(__always)
    func index(bookedMonth b: Int, month t: Int) -> Int? {
        index(quarter: Self.quarter(bookedIn: b), monthsOnBook: t - b)
    }

    /// Turns the events tallied in the months they happened into cumulative counts and sums
    /// up to each month on book.
    mutating func cumulate() {
        for q in 0..<quarters {
            let start = Self.offset(q, months: months)
            for m in 1..<Self.count(q, months: months) {
                let k = start + m
                cells[k].ever30 += cells[k - 1].ever30
                cells[k].ever90 += cells[k - 1].ever90
                cells[k].chargedOff += cells[k - 1].chargedOff
                cells[k].netLoss += cells[k - 1].netLoss
            }
        }
    }
}
