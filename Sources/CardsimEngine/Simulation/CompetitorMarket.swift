/// The competitors' terms along one path under one strategy, and the state of their reactive
/// moves. Reactive moves watch the bank, so the same scenario can see different moves under
/// different strategies (a campaign that wins share provokes an answer).
///
/// Each month: `begin` fires the moves due (scripted ones at their month, reactive ones whose
/// condition was met `lag` months earlier) and returns the terms in force; after the month,
/// `end` updates every reactive move's run of consecutive months in which the bank's share of
/// new accounts, `bank / (bank + all competitors)`, exceeded its threshold (a month with no new
/// accounts at all breaks the run).
public struct CompetitorMarket: Sendable {
    public private(set) var terms: [CompetitorTerms]
    let competitors: [Competitor]
    /// Per competitor and move: consecutive months above the threshold so far.
    var streak: [[Int]]
    /// Per competitor and move: the month it fires (set once its condition is met).
    var due: [[Int?]]
    var fired: [[Bool]]

    public init(_ competitors: [Competitor]) {
        self.competitors = competitors
        terms = competitors.map(CompetitorTerms.init)
        streak = competitors.map { Array(repeating: 0, count: $0.moves.count) }
        due = competitors.map { c in c.moves.map { $0.kind == .scripted ? $0.month : nil } }
        fired = competitors.map { Array(repeating: false, count: $0.moves.count) }
    }

    /// Fires the moves due in `month` and returns their bit mask: bit `MoveIndex.bit` of
    /// (competitor, move).
    public mutating func begin(month: Int, bank: Offer) -> Int64 {
        var mask: Int64 = 0
        for k in competitors.indices {
            for (m, move) in competitors[k].moves.enumerated() where !fired[k][m] && due[k][m] == month {
                terms[k] = move.apply(to: terms[k], bank: bank)
                fired[k][m] = true
                mask |= 1 << Int64(MoveIndex.bit(competitors, competitor: k, move: m))
            }
        }
        return mask
    }

    /// Records month `month`'s new accounts: the bank's and each competitor's.
    public mutating func end(month: Int, bankNewAccounts: Int64, competitorNewAccounts: [Int64]) {
        let total = bankNewAccounts + competitorNewAccounts.reduce(0, +)
        let share = total > 0 ? Double(bankNewAccounts) / Double(total) : 0
        for k in competitors.indices {
            for (m, move) in competitors[k].moves.enumerated() where move.kind == .reactive && due[k][m] == nil {
                streak[k][m] = total > 0 && share > move.shareAbove ? streak[k][m] + 1 : 0
                if streak[k][m] >= move.forMonths { due[k][m] = month + max(1, move.lag) }
            }
        }
    }
}

/// Numbering of all moves of a scenario, competitor by competitor, for the `moves_fired` bit
/// mask of the ledger (at most 63 moves in all).
public enum MoveIndex {
    public static let maximum = 63

    public static func bit(_ competitors: [Competitor], competitor k: Int, move m: Int) -> Int {
        competitors[..<k].reduce(0) { $0 + $1.moves.count } + m
    }

    /// (competitor, move) of every bit, in bit order.
    public static func all(_ competitors: [Competitor]) -> [(competitor: Int, move: Int)] {
        competitors.indices.flatMap { k in competitors[k].moves.indices.map { (k, $0) } }
    }
}
