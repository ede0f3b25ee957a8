/// An agent's valuation class within its segment: revolver or transactor, regular or occasional
/// user, low or high price responder, low or high reward responder (`PopulationDraw`). Agents of
/// one class of one segment value every offer alike; the choice tables are per class.
public enum ChoiceClass {
    /// Classes per segment.
    public static let count = 16
    static let revolverBit: UInt8 = 1, occasionalBit: UInt8 = 2, highPriceBit: UInt8 = 4, highRewardBit: UInt8 = 8

    @inline(__always)
    static func index(revolver: Bool, occasional: Bool, highPrice: Bool, highReward: Bool) -> UInt8 {
        (revolver ? revolverBit : 0) | (occasional ? occasionalBit : 0)
            | (highPrice ? highPriceBit : 0) | (highReward ? highRewardBit : 0)
    }

    /// Global class of agent i: segment x 16 + class.
    @inline(__always)
    static func of(_ pop: Population, _ i: Int) -> Int {
        Int(pop.segment[i]) * count + Int(pop.choiceClass[i])
    }
}

/// What an offer is to a customer comparing issuers, in the terms `OfferValuation` prices.
public struct OfferTerms: Sendable, Equatable {
    public var apr: Double
    public var annualFee: Double
    /// Swipes in a card year that waive the fee; nil: no waiver (the fee is expected in full).
    public var waiverSwipes: Int?
    public var installmentFeeRate: Double
    public var interestFreeDays: Double
    /// Rewards value per yuan of spend in each category (`Category.rawValue`; lane 7 unused).
    public var rewards: SIMD8<Double>
    /// Brand and ecosystem value, yuan a year.
    public var brandValue: Double

    public init(apr: Double, annualFee: Double, waiverSwipes: Int?, installmentFeeRate: Double,
                interestFreeDays: Double, rewards: SIMD8<Double>, brandValue: Double = 0) {
        self.apr = apr; self.annualFee = annualFee; self.waiverSwipes = waiverSwipes
        self.installmentFeeRate = installmentFeeRate; self.interestFreeDays = interestFreeDays
        self.rewards = rewards; self.brandValue = brandValue
    }

    /// A competitor's terms: its headline fee is the fee its holders expect to pay (no waiver
    /// rule), its rewards are flat, its installments priced at the market's reference rate.
    public init(competitor t: CompetitorTerms, referenceInstallmentFeeRate: Double) {
        var r = SIMD8<Double>(repeating: t.offer.rewardsRate)
        r[7] = 0
        self.init(apr: t.offer.apr, annualFee: t.offer.annualFee, waiverSwipes: nil,
                  installmentFeeRate: referenceInstallmentFeeRate, interestFreeDays: t.offer.interestFreeDays,
                  rewards: r, brandValue: t.brandValue)
    }
}

/// The expected yearly usage of one valuation class of one segment: what it would do with a card.
public struct ClassProfile: Sendable, Equatable {
    /// Monthly probability of using the card.
    public var usage: Double
    /// Spend in a month of use, yuan (at most the typical open-to-buy).
    public var spend: Double
    /// Swipes in a month of use.
    public var swipes: Double
    /// Expected revolving balance, yuan (0 for transactors).
    public var balance: Double
    /// Expected installment principal, yuan.
    public var installments: Double
    public var revolver: Bool
    /// Price and reward sensitivity (the segment's times the responder multiplier).
    public var priceSensitivity: Double
    public var rewardSensitivity: Double
    /// Category shares of spend.
    public var mix: SIMD8<Double>
    /// Yuan a year of value per unit of utility for this class: `ChoiceSettings.valueScale`
    /// times the segment's median income over 10,000 yuan a month (a yuan weighs less for a
    /// richer customer).
    public var valueScale: Double

    public init(segment s: Segment, class c: Int, market: Market, limitIncomeMultiple: Double) {
        let occasional = UInt8(c) & ChoiceClass.occasionalBit != 0
        revolver = UInt8(c) & ChoiceClass.revolverBit != 0
        let m = market.choice.responderMultipliers
        priceSensitivity = s.priceSensitivity * (UInt8(c) & ChoiceClass.highPriceBit != 0 ? m.high : m.low)
        rewardSensitivity = s.rewardSensitivity * (UInt8(c) & ChoiceClass.highRewardBit != 0 ? m.high : m.low)
        usage = occasional ? Self.meanLogistic(logit(s.occasionalUsage), PopulationDraw.occasionalSigma)
            : Self.meanLogistic(s.engagementLogit, s.engagementSigma)
        let typicalLimit = limitIncomeMultiple * s.incomeMedian
        spend = min(s.incomeMedian * _exp(0.5 * s.incomeSigma * s.incomeSigma) * s.spendShareOfIncome, 0.8 * typicalLimit)
        swipes = 1 + (market.responses.swipesAtFullUse * usage).rounded()
        let f = 0.5 * (s.payFractionLow + s.payFractionHigh)
        balance = revolver ? min(usage * spend * (1 - f) / max(f, 0.05), 0.8 * typicalLimit) : 0
        let conversions = min(1, 12 * s.billInstallmentPropensity)
        installments = revolver ? conversions * market.behaviour.billInstallmentShare * balance : 0
        mix = SIMD8<Double>()
        for k in 0..<min(7, s.categoryMix.count) { mix[k] = s.categoryMix[k] }
        valueScale = market.choice.valueScale * s.incomeMedian / ChoiceSettings.referenceIncome
    }

    /// E[logistic(mu + sigma Z)], Z standard normal, by a 41-point rule on [-5, 5].
    static func meanLogistic(_ mu: Double, _ sigma: Double) -> Double {
        var total = 0.0, weights = 0.0
        for k in -20...20 {
            let z = Double(k) * 0.25
            let w = _exp(-0.5 * z * z)
            total += w * logistic(mu + sigma * z)
            weights += w
        }
        return total / weights
    }

    /// Probability that the fee is charged: fewer than `waiver` swipes in a card year of
    /// Binomial(12, usage) months of use, each with `swipes` swipes; a holder who can reach the
    /// waiver by chasing it in the last months (`Responses`) escapes with its chase probability.
    public func feeProbability(waiver: Int?, _ r: Responses) -> Double {
        guard let n = waiver else { return 1 }
        let monthsNeeded = Int((Double(n) / swipes).rounded(.up))
        guard monthsNeeded > 0 else { return 0 }
        var p = 0.0
        for m in 0..<min(monthsNeeded, 13) { p += Self.binomial(12, m, usage) }
        let chase = min(1, r.waiverChaseProbability * priceSensitivity)
        let attainable = Double(r.chaseSwipesPerMonth * r.waiverChaseMonths) >= Double(n) - swipes * Double(monthsNeeded - 1)
        return attainable ? p * _pow(1 - chase, Double(r.waiverChaseMonths)) : p
    }

    static func binomial(_ n: Int, _ k: Int, _ p: Double) -> Double {
        var c = 1.0
        for j in 0..<k { c = c * Double(n - j) / Double(j + 1) }
        return c * _pow(p, Double(k)) * _pow(1 - p, Double(n - k))
    }
}

/// The money value of an offer to a valuation class, yuan a year (`ChoiceSettings`):
///
///     V = -a (fee x P(fee) + salience x APR x B + 12 x installmentFee x I)
///         + a x 12 u S x timeValue x max(0, days - 15) / 365   (transactors only)
///         + b x 12 u S x sum_c mix_c rewards_c + brand,
///
/// u the usage probability, S the spend in a month of use, B the revolving balance and I the
/// installment principal of the class (`ClassProfile`), P(fee) its chance of paying the fee. The
/// logit utility is V / (valueScale x median income / 10,000).
public enum OfferValuation {
    public static func value(_ o: OfferTerms, _ p: ClassProfile, _ settings: ChoiceSettings, _ responses: Responses) -> Double {
        let yearlySpend = 12 * p.usage * p.spend
        let fee = o.annualFee * p.feeProbability(waiver: o.waiverSwipes, responses)
        let interest = settings.interestSalience * o.apr * p.balance
        let installment = 12 * o.installmentFeeRate * p.installments
        let float = p.revolver ? 0 : yearlySpend * settings.timeValue * max(0, o.interestFreeDays - 15) / 365
        let rewards = yearlySpend * (p.mix * o.rewards).sum()
        return -p.priceSensitivity * (fee + interest + installment) + p.priceSensitivity * float
            + p.rewardSensitivity * rewards + o.brandValue
    }

    public static func utility(_ o: OfferTerms, _ p: ClassProfile, _ settings: ChoiceSettings, _ responses: Responses) -> Double {
        value(o, p, settings, responses) / p.valueScale
    }

    /// Closed-form share of one class's applicants that choose each issuer, bank first: a logit
    /// weighted by reach, `R_i exp(V_i) / sum_j R_j exp(V_j)`, with the bank's reach `bankReach`
    /// = sum over its channels of intensity x affinity (as long as no application probability
    /// is capped at 1). This is what `MarketChoice` makes the simulation produce.
    public static func applicantShares(bank: OfferTerms, bankReach: Double, competitors: [CompetitorTerms],
                                       profile: ClassProfile, market: Market) -> [Double] {
        let u = utilities(bank: bank, competitors: competitors, profile: profile, market: market)
        let weights = [bankReach] + competitors.indices.map { competitors[$0].reach * _exp(u[$0 + 1] - u[0]) }
        let total = weights.reduce(0, +)
        return weights.map { $0 / total }
    }

    /// Utilities of the bank's offer and each competitor's, bank first.
    static func utilities(bank: OfferTerms, competitors: [CompetitorTerms], profile: ClassProfile, market: Market) -> [Double] {
        let settings = market.choice, r = market.responses
        return [utility(bank, profile, settings, r)] + competitors.map {
            utility(OfferTerms(competitor: $0, referenceInstallmentFeeRate: r.referenceInstallmentFeeRate), profile, settings, r)
        }
    }
}

/// The per-class choice tables of one month, computed from the offers in force.
///
/// For a prospect of global class g (segment s) with apply propensity pi_s (and V_0 the bank's
/// utility to the class, V_k competitor k's, D = exp(V_0) + sum_j exp(V_j)):
/// - it applies to the bank through channel c with probability
///   pi_s x intensity_c x affinity_{s,c} x exp(V_0) / D (the acquisition kernel),
/// - and to competitor k with probability pi_s x reach_k x exp(V_k) / D;
///   both are read off one uniform draw, the competitors' intervals after the bank's, so that the
///   bank's own applications do not depend on the competitors' reach.
/// A holder of the bank's card who also holds the cards in set H puts the share
/// exp(V_0) / (exp(V_0) + sum_{k in H} exp(V_k)) of its card spend on the bank's card (share of
/// wallet), and each month leaves for competitor k with probability
/// `switchingRate` x reach_k exp(V_k) / (exp(V_0) + sum_j reach_j exp(V_j)).
struct MarketChoice: Sendable {
    let competitors: Int
    /// Upper ends of the competitors' application intervals, `cumulative[g * competitors + k]`.
    let cumulative: [Double]
    /// Standard-normal approval threshold of each competitor's score.
    let threshold: [Double]
    /// Bank's share of wallet by holdings mask, `walletShare[g << competitors | mask]`.
    let walletShare: [Double]
    /// Cumulative probabilities of leaving for competitors 0...k, `leave[g * competitors + k]`.
    let leave: [Double]
    /// Index of the competitor with the lowest APR (where transferred balances go), or -1.
    let cheapest: Int

    static func none(classes: Int) -> MarketChoice {
        MarketChoice(competitors: 0, cumulative: [], threshold: [], walletShare: Array(repeating: 1, count: max(classes, 1)),
                     leave: [], cheapest: -1)
    }

    init(competitors: Int, cumulative: [Double], threshold: [Double], walletShare: [Double], leave: [Double], cheapest: Int) {
        self.competitors = competitors; self.cumulative = cumulative; self.threshold = threshold
        self.walletShare = walletShare; self.leave = leave; self.cheapest = cheapest
    }

    /// - Parameters:
    ///   - relative: exp(V_k - V_0) per global class and competitor, `relative[g * n + k]`.
    ///   - applyPropensity: pi_s of each global class's segment.
    ///   - bankApply: each global class's total probability of applying to the bank.
    init(relative: [Double], classes: Int, applyPropensity: [Double], bankApply: [Double],
         terms: [CompetitorTerms], switchingRate: Double) {
        let n = terms.count
        competitors = n
        var cumulative: [Double] = [], walletShare: [Double] = [], leave: [Double] = []
        cumulative.reserveCapacity(classes * n); leave.reserveCapacity(classes * n)
        walletShare.reserveCapacity(classes << n)
        for g in 0..<classes {
            let rel = relative[(g * n)..<(g * n + n)]
            let denominator = 1 + rel.reduce(0, +)
            var acc = bankApply[g]
            for k in 0..<n {
                acc += applyPropensity[g] * terms[k].reach * rel[g * n + k] / denominator
                cumulative.append(min(acc, 1))
            }
            for mask in 0..<(1 << n) {
                var d = 1.0
                for k in 0..<n where mask & (1 << k) != 0 { d += rel[g * n + k] }
                walletShare.append(1 / d)
            }
            var reached = 1.0
            for k in 0..<n { reached += terms[k].reach * rel[g * n + k] }
            var p = 0.0
            for k in 0..<n {
                p += switchingRate * terms[k].reach * rel[g * n + k] / reached
                leave.append(p)
            }
        }
        self.cumulative = cumulative
        self.walletShare = walletShare
        self.leave = leave
        threshold = terms.map { $0.strictness <= 0 ? -.infinity : ($0.strictness >= 1 ? .infinity : Draw.inverseNormal($0.strictness)) }
        cheapest = terms.indices.min { terms[$0].offer.apr < terms[$1].offer.apr } ?? -1
    }
}
