/// How well the approval score separated the accounts booked during a run: for every account
/// booked in months 1...M (not the month-0 book), its approval score at application and
/// whether it went bad, i.e. reached 90+ days past due (bucket 4) or was charged off by the end
/// of the run.
///
/// AUC = P(score of a good account > score of a bad one) + P(tie) / 2, computed exactly from
/// midranks (the Mann-Whitney statistic); KS = the largest gap between the score distribution
/// functions of bad and good accounts. Both are NaN when the booked accounts are all good or
/// all bad.
public struct ScoreDiscrimination: Sendable, Equatable {
    public var auc: Double
    public var ks: Double
    /// Accounts booked during the run, and how many of them went bad.
    public var accounts: Int
    public var bads: Int

    public init(auc: Double, ks: Double, accounts: Int, bads: Int) {
        self.auc = auc; self.ks = ks; self.accounts = accounts; self.bads = bads
    }

    /// Equal when every field is, NaN matching NaN (so results compare bit for bit).
    public static func == (a: Self, b: Self) -> Bool {
        a.auc.bitPattern == b.auc.bitPattern && a.ks.bitPattern == b.ks.bitPattern
            && a.accounts == b.accounts && a.bads == b.bads
    }

    /// Discrimination of `scores` (larger = safer) against `bad`.
    public init(scores: [Double], bad: [Bool]) {
        precondition(scores.count == bad.count, "one outcome per score")
        let n = scores.count
        let order = scores.indices.sorted { scores[$0] != scores[$1] ? scores[$0] < scores[$1] : $0 < $1 }
        let bads = bad.reduce(0) { $0 + ($1 ? 1 : 0) }, goods = n - bads
        guard bads > 0 && goods > 0 else { self.init(auc: .nan, ks: .nan, accounts: n, bads: bads); return }
        // Midranks of the goods (1-based), over groups of tied scores.
        var goodRankSum = 0.0, ks = 0.0
        var seenBad = 0, seenGood = 0
        var start = 0
        while start < n {
            var end = start
            var groupGood = 0, groupBad = 0
            while end < n && scores[order[end]] == scores[order[start]] {
                if bad[order[end]] { groupBad += 1 } else { groupGood += 1 }
                end += 1
            }
            let midrank = Double(start + 1 + end) / 2
            goodRankSum += midrank * Double(groupGood)
            seenBad += groupBad; seenGood += groupGood
            ks = max(ks, abs(Double(seenBad) / Double(bads) - Double(seenGood) / Double(goods)))
            start = end
        }
        let g = Double(goods)
        let auc = (goodRankSum - g * (g + 1) / 2) / (g * Double(bads))
        self.init(auc: auc, ks: ks, accounts: n, bads: bads)
    }

    /// The discrimination of the approval scores of the accounts booked during the run.
    static func measure(_ pop: Population) -> ScoreDiscrimination {
        let obs = pop.observed
        var scores: [Double] = [], bad: [Bool] = []
        let chargedOff = Lifecycle.chargedOff.rawValue
        for i in 0..<pop.count where obs.bookedMonth[i] > 0 {
            scores.append(pop.score[i])
            bad.append(obs.worstBucket[i] >= 4 || pop.state[i] == chargedOff)
        }
        return ScoreDiscrimination(scores: scores, bad: bad)
    }
}
