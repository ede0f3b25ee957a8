/// How customers value card offers: a multinomial logit over offer utilities.
///
/// The utility of an offer to a customer with price sensitivity a and reward sensitivity b is
///
///     V = -a * (10 * apr + annualFee / 500) + b * (100 * rewardsRate) + interestFreeDays / 50,
///
/// so for a = b = 1 one point of APR weighs like 50 yuan of annual fee, 0.1% of rewards like one
/// point of APR, and 5 interest-free days like one point of APR. The probability of choosing offer i is exp(V_i) / sum_j exp(V_j).
public enum ChoiceModel {
    public static func utility(_ o: Offer, priceSensitivity a: Double, rewardSensitivity b: Double) -> Double {
        -a * (10 * o.apr + o.annualFee / 500) + b * (100 * o.rewardsRate) + o.interestFreeDays / 50
    }

    /// Share of a segment's applications that come to the bank when it competes with
    /// `competitors` (1 when there are none).
    public static func shareOfApplications(own: Offer, competitors: [Offer],
                                           priceSensitivity a: Double, rewardSensitivity b: Double) -> Double {
        guard !competitors.isEmpty else { return 1 }
        let v0 = utility(own, priceSensitivity: a, rewardSensitivity: b)
        var denominator = 1.0
        for c in competitors {
            denominator += _exp(utility(c, priceSensitivity: a, rewardSensitivity: b) - v0)
        }
        return 1 / denominator
    }
}

extension ChoiceModel {
    /// Closed-form share of a segment's applicants that choose each issuer, bank first: a logit
    /// weighted by reach, `R_i exp(V_i) / sum_j R_j exp(V_j)`, with the bank's reach
    /// `bankReach` = sum over its channels of intensity x affinity (as long as no application
    /// probability is capped at 1). This is what `MarketChoice` makes the simulation produce.
    public static func applicantShares(bank: Offer, bankReach: Double, competitors: [CompetitorTerms],
                                       priceSensitivity a: Double, rewardSensitivity b: Double) -> [Double] {
        let v0 = utility(bank, priceSensitivity: a, rewardSensitivity: b)
        let weights = [bankReach] + competitors.map {
            $0.reach * _exp(utility($0.offer, priceSensitivity: a, rewardSensitivity: b) - v0)
        }
        let total = weights.reduce(0, +)
        return weights.map { $0 / total }
    }
}

/// The per-segment choice tables of one month, computed from the offers in force.
///
/// For a prospect of segment s with apply propensity pi_s (and V_0 the bank's utility, V_k
/// competitor k's, D = exp(V_0) + sum_j exp(V_j)):
/// - it applies to the bank through channel c with probability
///   pi_s x intensity_c x affinity_{s,c} x exp(V_0) / D (the acquisition kernel),
/// - and to competitor k with probability pi_s x reach_k x exp(V_k) / D;
///   both are read off one uniform draw, the competitors' intervals after the bank's, so that the
///   bank's own applications do not depend on the competitors' reach.
/// A holder of the bank's card who also holds the cards in set H puts the share
/// exp(V_0) / (exp(V_0) + sum_{k in H} exp(V_k)) of its card spend on the bank's card (share of
/// wallet), and each month, while it owes nothing, leaves for competitor k with probability
/// `switchingRate` x reach_k exp(V_k) / (exp(V_0) + sum_j reach_j exp(V_j)).
struct MarketChoice: Sendable {
    let competitors: Int
    /// Upper ends of the competitors' application intervals, `cumulative[s * competitors + k]`.
    let cumulative: [Double]
    /// Standard-normal approval threshold of each competitor's score.
    let threshold: [Double]
    /// Bank's share of wallet by holdings mask, `walletShare[s << competitors | mask]`.
    let walletShare: [Double]
    /// Cumulative probabilities of leaving for competitors 0...k, `leave[s * competitors + k]`.
    let leave: [Double]

    static let none = MarketChoice(competitors: 0, cumulative: [], threshold: [], walletShare: [1], leave: [])

    init(competitors: Int, cumulative: [Double], threshold: [Double], walletShare: [Double], leave: [Double]) {
        self.competitors = competitors; self.cumulative = cumulative; self.threshold = threshold
        self.walletShare = walletShare; self.leave = leave
    }

    /// - Parameters:
    ///   - bankOffers: the bank's offer as each segment sees it (theme-card rewards included).
    ///   - bankApply: each segment's total probability of applying to the bank (the last entry
    ///     of its cumulative channel probabilities).
    init(segments: [Segment], bankOffers: [Offer], bankApply: [Double], terms: [CompetitorTerms],
         switchingRate: Double) {
        let n = terms.count
        competitors = n
        var cumulative: [Double] = [], walletShare: [Double] = [], leave: [Double] = []
        for (s, seg) in segments.enumerated() {
            let a = seg.priceSensitivity, b = seg.rewardSensitivity
            let v0 = ChoiceModel.utility(bankOffers[s], priceSensitivity: a, rewardSensitivity: b)
            let relative = terms.map { _exp(ChoiceModel.utility($0.offer, priceSensitivity: a, rewardSensitivity: b) - v0) }
            let denominator = 1 + relative.reduce(0, +)
            var acc = bankApply[s]
            for k in 0..<n {
                acc += seg.applyPropensity * terms[k].reach * relative[k] / denominator
                cumulative.append(min(acc, 1))
            }
            for mask in 0..<(1 << n) {
                var d = 1.0
                for k in 0..<n where mask & (1 << k) != 0 { d += relative[k] }
                walletShare.append(1 / d)
            }
            var reached = 1.0
            for k in 0..<n { reached += terms[k].reach * relative[k] }
            var p = 0.0
            for k in 0..<n {
                p += switchingRate * terms[k].reach * relative[k] / reached
                leave.append(p)
            }
        }
        self.cumulative = cumulative
        self.walletShare = walletShare
        self.leave = leave
        threshold = terms.map { $0.strictness <= 0 ? -.infinity : ($0.strictness >= 1 ? .infinity : Draw.inverseNormal($0.strictness)) }
    }
}
