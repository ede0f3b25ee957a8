/// The monthly delinquency transition matrix estimated from repayment-status histories by the
/// cohort method.
///
/// Each client has one status per month in `columns` (oldest first). A status code k <= 0
/// (UCI: -2 no consumption, -1 paid in full, 0 revolving) is bucket 0, current; k = 1...6 is
/// bucket k (k months late: 1-29, ..., 150-179 days past due); k >= 7 is state 7, 180 days or
/// more past due, which the simulator charges off: it is absorbing. For every client and every
/// pair of consecutive months (older, newer), the transition (bucket of older, bucket of
/// newer) is counted, and P[k][j] = counts[k][j] / (transitions from k). The scenario's lists
/// are base_roll[k] = P[k][k+1] (from bucket 6: to state 7, charge-off) and base_cure[k] =
/// P[k][0] (base_cure[0] is unused and 0).
public struct RollRates: Sendable, Equatable {
    /// Bucket labels, days past due.
    public static let stateNames = ["current", "1-29", "30-59", "60-89", "90-119", "120-149", "150-179", "180+"]
    public static let states = 8
    /// Buckets with a roll and a cure rate in a scenario (all but the absorbing one).
    public static let buckets = 7

    public var source: String
    /// Status columns, oldest first.
    public var columns: [String]
    public var clients: Int
    /// counts[k][j]: transitions from state k to state j.
    public var counts: [[Int]]
    /// How often each status code occurs in each column: codes[c] is sorted by code.
    public var codes: [[StatusCount]]

    public struct StatusCount: Sendable, Equatable {
        public var code: Int
        public var count: Int
    }

    /// The state of a status code.
    public static func state(_ code: Int) -> Int { code <= 0 ? 0 : min(code, 7) }

    public var transitions: Int { counts.joined().reduce(0, +) }
    public var rowTotals: [Int] { counts.map { $0.reduce(0, +) } }

    /// P[k][j] = counts[k][j] / row total for the buckets 0...6 (a row without transitions is
    /// all 0); the 180+ row is absorbing whatever the data show.
    public var probabilities: [[Double]] {
        (0..<RollRates.states).map { k in
            if k == RollRates.states - 1 { return (0..<RollRates.states).map { $0 == k ? 1.0 : 0.0 } }
            let total = counts[k].reduce(0, +)
            return counts[k].map { total > 0 ? Double($0) / Double(total) : 0 }
        }
    }

    /// base_roll[k] = P[k][k+1], k = 0...6.
    public var baseRoll: [Double] {
        let p = probabilities
        return (0..<RollRates.buckets).map { p[$0][$0 + 1] }
    }

    /// base_cure[k] = P[k][0] for k = 1...6; base_cure[0] = 0 (unused by the simulator).
    public var baseCure: [Double] {
        let p = probabilities
        return (0..<RollRates.buckets).map { $0 == 0 ? 0 : p[$0][0] }
    }

    /// Counts transitions in the status columns of `table`, named oldest first.
    public init(table: CSVTable, statusColumns: [String]) throws {
        source = table.path
        columns = statusColumns
        guard statusColumns.count >= 2 else {
            throw FitError(file: table.path, "--status-columns needs at least two columns, oldest first; found \(statusColumns.count)",
                           hint: "for the UCI data: --status-columns PAY_6,PAY_5,PAY_4,PAY_3,PAY_2,PAY_0")
        }
        var indices: [Int] = []
        for name in statusColumns {
            guard let j = table.index(of: name) else {
                throw TrainingData.unknownColumn(name, option: "--status-columns", table: table)
            }
            if indices.contains(j) {
                throw FitError(file: table.path, "column \(Quote.single(name)) is listed twice in --status-columns; expected each month once")
            }
            indices.append(j)
        }
        guard table.rowCount > 0 else {
            throw FitError(file: table.path, "no data rows; expected rows below the header, found none")
        }
        var counts = [[Int]](repeating: [Int](repeating: 0, count: RollRates.states), count: RollRates.states)
        var codeCounts = [[Int: Int]](repeating: [:], count: indices.count)
        var previous = 0
        for i in 0..<table.rowCount {
            for (c, j) in indices.enumerated() {
                guard let v = table.number(row: i, column: j) else {
                    throw table.numberError(row: i, column: j)
                }
                guard v == v.rounded(), abs(v) < 1e9, v >= -2 else {
                    let place = table.location(row: i, column: j)
                    let what = v == v.rounded() ? "status code out of range" : "non-integer status"
                    throw FitError(file: table.path, line: place.line, column: place.column,
                                   "\(what) in column \(Quote.single(table.columns[j])); expected a whole number of at least -2 (-2, -1, 0: no delay; k: k months late), found \(Quote.single(table.text(row: i, column: j)))")
                }
                let code = Int(v)
                codeCounts[c][code, default: 0] += 1
                let state = RollRates.state(code)
                if c > 0 { counts[previous][state] += 1 }
                previous = state
            }
        }
        self.counts = counts
        self.clients = table.rowCount
        self.codes = codeCounts.map { $0.sorted { $0.key < $1.key }.map { StatusCount(code: $0.key, count: $0.value) } }
    }

    /// Problems a scenario would have with the estimates: buckets without transitions, and
    /// roll rates of 1 (a scenario needs base_roll below 1).
    public var warnings: [String] {
        var out: [String] = []
        let totals = rowTotals, roll = baseRoll
        for k in 0..<RollRates.buckets {
            if totals[k] == 0 {
                out.append("no transitions from bucket \(k) (\(RollRates.stateNames[k])); its base_roll and base_cure are written as 0")
            } else if roll[k] >= 1 {
                out.append("base_roll[\(k)] is 1 (every one of \(totals[k]) transitions from \(RollRates.stateNames[k]) rolled); a scenario needs a value below 1")
            }
        }
        return out
    }

    /// Transitions the simulator's chain has no room for: skips past the next bucket
    /// (k -> k+2 or further) and partial cures (k -> 1...k-1), from buckets 0...6.
    public var skipsAndPartialCures: (skips: Int, partialCures: Int) {
        var skips = 0, partial = 0
        for k in 0..<RollRates.buckets {
            for j in 0..<RollRates.states where counts[k][j] > 0 {
                if j > k + 1 { skips += counts[k][j] }
                if j > 0 && j < k { partial += counts[k][j] }
            }
        }
        return (skips, partial)
    }
}
