/// The price an account pays and the responses it makes to it (`MonthContext.pricing`).
struct AccountPricing: Sendable {
    let monthlyRate: Double
    let feeRate: Double
    let debtFactor: Double
    let transferFactor: Double
    let takeUp: Double
}

/// Everything the kernels read in one month of one strategy, precomputed once per month so that
/// the per-agent loops do no parameter lookups: rates in fen, per-segment tables, logits.
public struct MonthContext: Sendable {
    /// Month number, 1-based.
    public let month: Int
    /// Months of the run (`RunSettings.months`).
    public let runMonths: Int
    /// Bit s set for the plan's target segments (`Market.targetSegments`).
    let targetSegmentMask: UInt64
    /// `Complaints.barelyUsedSwipes`.
    let barelyUsedSwipes: Int
    public let macro: MacroState
    /// Offers of competitors in force this month.
    public let competitorOffers: [Offer]
    /// Competitors' application intervals, approval thresholds, share of wallet and switching.
    let choice: MarketChoice
    /// The strategy's levers in force this month.
    var levers: LeverContext
    /// Whether the regulation bars new cards this month (`Regulation.stopsIssuance`, set by
    /// the path simulator from the opening long-dormant share): the bank's channels take no
    /// applications.
    public var issuanceStopped = false

    // Segment tables, indexed by segment.
    let channelCount: Int
    /// Cumulative application probability through channels 0...c, flat:
    /// `applyCumulative[s * channelCount + c]`.
    let applyCumulative: [Double]
    /// Category shares of each segment after alliance and theme-card uplifts (lanes beyond the
    /// 7 categories are 0).
    let categoryMix: [SIMD8<Double>]
    let spendSigma: [Double]
    let spendLogMean: [Double]     // -sigma^2 / 2, so the mean multiplier is 1
    let cashPropensity: [Double]
    let billPropensity: [Double]
    /// Cardholders' responses to prices and rewards (`Responses`).
    let responses: Responses
    /// The bank's offer as each segment values it (`OfferValuation`), by segment.
    public let bankTerms: [OfferTerms]

    // Credit dynamics.
    let rollLogit: [Double]
    let baseRoll: [Double]
    let baseCure: [Double]
    let riskSlope: Double
    let feedback: Bool
    let utilizationSlope: Double
    /// Macro contribution to the roll log-odds (zero without behaviour feedback).
    let macroShift: Double
    let recoveryRate: Double
    /// Months past 180 days before write-off (`CreditDynamics.monthsPast180BeforeWriteOff`).
    let writeOffMonths: UInt8
    /// Seasoning lift of the roll log-odds by months on book, `seasoningLift x h(m)` for
    /// m = 0...`seasoningTable.count - 1` (the last entry serves older accounts).
    let seasoningTable: [Double]
    static let seasoningMonths = 240

    // Behaviour.
    let activationByMonthOnBook: [Double]
    let dormancyMonths: UInt16
    let longDormancyMonths: UInt16
    let dormantUsageFactor: Double
    let baseAttrition: Double
    let balanceAttrition: Double
    let dormantAttrition: Double
    let feeAttrition: Double
    let cooldownMonths: UInt8
    /// Months before a closed / charged-off agent is a prospect again (at most 255).
    let closedReturnMonths: UInt8
    let chargedOffReturnMonths: UInt8
    let billThreshold: Int64
    let billShare: Double
    /// Spend multiplier from consumption growth.
    let spendMultiplier: Double

    // Product and policy.
    let modelQuality: Double
    let modelNoise: Double
    let cutoff: Double
    let limitIncomeMultiple: Double
    let limitScoreSlope: Double
    /// `RiskPolicy.limitBands` by descending minimum score.
    let limitBands: [LimitBand]
    let minimumLimit: Double
    let maximumLimit: Double
    let annualFee: Int64
    /// Swipes that waive the fee (`UInt16.max` without a waiver: never reached).
    let waiverSwipes: UInt16
    let monthlyRate: Double
    let installmentFeeRate: Double
    /// Responses at the base price (`Responses`): factor on revolvers' carried balances,
    /// balance-transfer multiplier, installment take-up multiplier.
    let debtFactor: Double
    let transferFactor: Double
    let installmentTakeUp: Double
    /// Swipes in a month of use per unit of usage probability; chase rule of the waiver.
    let swipesAtFullUse: Double
    let chaseMonths: UInt16
    let chaseProbability: Double
    let chaseSwipesPerMonth: UInt16
    let chaseTicket: Int64
    let billMonths: Int64
    let cashMonths: Int64
    let cashCap: Double
    let cashIncomeMultiple: Double
    let cashAdvanceFeeRate: Double
    let lateFeeRate: Double
    let minimumPaymentRate: Double
    let minimumPaymentFloor: Int64

    /// - Parameter competitors: the competitors' terms in force this month (nil: as declared).
    /// - Parameter leverMonth: the month whose lever windows apply (nil: `month`); the spin-up
    ///   runs months 1 - H ... 0 with the levers of month 1.
    public init(month: Int, scenario: Scenario, strategy: Strategy, macro: MacroState,
                competitors: [CompetitorTerms]? = nil, leverMonth: Int? = nil) {
        self.month = month
        self.macro = macro
        let terms = competitors ?? scenario.competitors.map(CompetitorTerms.init)
        let competitorOffers = terms.map(\.offer)
        self.competitorOffers = competitorOffers
        let market = scenario.market
        let segments = market.segments
        // The lowest APR a revolver could transfer to: the cheapest competitor's this month.
        let bestAPR = competitorOffers.map(\.apr).min() ?? market.responses.referenceAPR
        let levers = LeverContext(month: leverMonth ?? month, scenario: scenario, strategy: strategy,
                                  dormancyMonths: market.behaviour.dormancyMonths,
                                  longDormancyMonths: market.behaviour.longDormancyMonths, bestAPR: bestAPR,
                                  splitsArms: month >= 1 && leverMonth == nil)
        var mask: UInt64 = 0
        for (k, seg) in market.segments.enumerated() where k < 64 && market.targetSegments.contains(seg.name) { mask |= UInt64(1) << UInt64(k) }
        targetSegmentMask = mask
        barelyUsedSwipes = market.complaints.barelyUsedSwipes
        runMonths = scenario.run.months
        self.levers = levers
        channelCount = max(1, strategy.channels.count)
        let responses = market.responses
        self.responses = responses
        // Valuation classes and the bank's offer as each segment sees it (theme-card cashback
        // and alliance discounts added to its category's rewards).
        let classes = segments.count * ChoiceClass.count
        let profiles = segments.flatMap { seg in
            (0..<ChoiceClass.count).map { ClassProfile(segment: seg, class: $0, market: market,
                                                        limitIncomeMultiple: strategy.risk.limitIncomeMultiple) }
        }
        let bankTerms = segments.indices.map { s in MonthContext.bankTerms(strategy, segment: segments[s].name, month: leverMonth ?? month) }
        self.bankTerms = bankTerms
        let n = terms.count
        var relative = [Double](repeating: 0, count: classes * n)
        var appeal = [Double](repeating: 1, count: classes)
        if n > 0 {
            let competitorTerms = terms.map { OfferTerms(competitor: $0, referenceInstallmentFeeRate: responses.referenceInstallmentFeeRate) }
            for g in 0..<classes {
                let v0 = OfferValuation.utility(bankTerms[g / ChoiceClass.count], profiles[g], market.choice, responses)
                var d = 1.0
                for k in 0..<n {
                    let r = _exp(OfferValuation.utility(competitorTerms[k], profiles[g], market.choice, responses) - v0)
                    relative[g * n + k] = r
                    d += r
                }
                appeal[g] = 1 / d
            }
        }
        var applyCumulative: [Double] = []
        applyCumulative.reserveCapacity(classes * channelCount)
        for g in 0..<classes {
            let seg = segments[g / ChoiceClass.count]
            if strategy.channels.isEmpty { applyCumulative.append(0); continue }
            var acc = 0.0
            for ch in strategy.channels {
                acc += seg.applyPropensity * ch.intensity * (seg.channelAffinity[ch.name] ?? 1) * appeal[g]
                applyCumulative.append(min(acc, 1))
            }
        }
        self.applyCumulative = applyCumulative
        let channels = channelCount
        let bankApply = (0..<classes).map { strategy.channels.isEmpty ? 0 : applyCumulative[$0 * channels + channels - 1] }
        choice = terms.isEmpty ? .none(classes: classes)
            : MarketChoice(relative: relative, classes: classes,
                           applyPropensity: (0..<classes).map { segments[$0 / ChoiceClass.count].applyPropensity },
                           bankApply: bankApply, terms: terms, switchingRate: market.behaviour.switchingRate)
        categoryMix = levers.categoryMix
        spendSigma = segments.map(\.spendSigma)
        spendLogMean = segments.map { -0.5 * $0.spendSigma * $0.spendSigma }
        cashPropensity = segments.map(\.cashInstallmentPropensity)
        billPropensity = segments.map(\.billInstallmentPropensity)

        let credit = market.credit
        baseRoll = credit.baseRoll
        baseCure = credit.baseCure
        rollLogit = credit.baseRoll.map { logit($0) }
        riskSlope = credit.riskSlope
        feedback = credit.behaviourFeedback
        utilizationSlope = credit.utilizationSlope
        macroShift = credit.behaviourFeedback
            ? credit.unemploymentSlope * (macro.unemployment - scenario.macro.unemploymentMean) : 0
        recoveryRate = credit.recoveryRate
        writeOffMonths = UInt8(min(credit.monthsPast180BeforeWriteOff, 255))
        seasoningTable = credit.seasoningLift == 0 ? [0]
            : (0...Self.seasoningMonths).map { credit.seasoningLift * credit.seasoning(monthsOnBook: Double($0)) }

        let b = market.behaviour
        activationByMonthOnBook = (0..<64).map { b.activationProbability * _pow(b.activationDecay, Double($0)) }
        dormancyMonths = UInt16(b.dormancyMonths)
        longDormancyMonths = UInt16(b.longDormancyMonths)
        dormantUsageFactor = b.dormantUsageFactor
        baseAttrition = b.baseAttrition
        balanceAttrition = b.balanceAttrition
        dormantAttrition = b.dormantAttrition
        feeAttrition = b.feeAttrition
        cooldownMonths = UInt8(min(b.reapplyCooldownMonths, 255))
        closedReturnMonths = UInt8(min(b.returnAfterClosingMonths, 255))
        chargedOffReturnMonths = UInt8(min(b.creditRecordMonths, 255))
        billThreshold = Int64(b.billInstallmentThreshold * 100)
        billShare = b.billInstallmentShare
        spendMultiplier = max(0, 1 + scenario.macro.spendElasticity * (macro.consumptionGrowth - scenario.macro.consumptionGrowthMean))

        let r = strategy.risk, p = strategy.product
        modelQuality = r.modelQuality
        modelNoise = (1 - r.modelQuality * r.modelQuality).squareRoot()
        cutoff = r.cutoff
        limitIncomeMultiple = r.limitIncomeMultiple
        limitScoreSlope = r.limitScoreSlope
        limitBands = r.descendingLimitBands
        minimumLimit = r.minimumLimit
        maximumLimit = r.maximumLimit
        annualFee = Int64(p.annualFee * 100)
        waiverSwipes = p.annualFeeWaiverSwipes.map { UInt16(min($0, Int(UInt16.max - 1))) } ?? UInt16.max
        monthlyRate = p.apr / 12
        installmentFeeRate = p.installmentFeeRate
        debtFactor = responses.debtFactor(apr: p.apr)
        transferFactor = responses.transferFactor(apr: p.apr, bestAPR: bestAPR)
        installmentTakeUp = responses.installmentTakeUp(feeRate: p.installmentFeeRate)
        swipesAtFullUse = responses.swipesAtFullUse
        chaseMonths = p.annualFeeWaiverSwipes == nil ? 0 : UInt16(max(0, min(responses.waiverChaseMonths, 12)))
        chaseProbability = responses.waiverChaseProbability
        chaseSwipesPerMonth = UInt16(max(0, min(responses.chaseSwipesPerMonth, 1000)))
        chaseTicket = Int64(responses.chaseTicket * 100)
        billMonths = Int64(max(1, p.billInstallmentMonths))
        cashMonths = Int64(max(1, min(p.cashInstallmentMonths, Product.cashInstallmentRegulatoryMonths)))
        cashCap = min(p.cashInstallmentCap, Product.cashInstallmentRegulatoryCap)
        cashIncomeMultiple = p.cashInstallmentIncomeMultiple
        cashAdvanceFeeRate = p.cashAdvanceFeeRate
        lateFeeRate = p.lateFeeRate
        minimumPaymentRate = p.minimumPaymentRate
        minimumPaymentFloor = Int64(p.minimumPaymentFloor * 100)
    }

    /// The bank's offer as a customer of segment `segment` values it in `month`: the product's
    /// terms, its points by category, plus the cashback of theme cards aimed at the segment and
    /// the discounts of alliances in force on their categories (coverage x discount).
    public static func bankTerms(_ strategy: Strategy, segment: String, month: Int) -> OfferTerms {
        let p = strategy.product
        var rewards = SIMD8<Double>()
        for c in 0..<min(7, p.categoryRewardMultipliers.count) { rewards[c] = p.rewardsRate * p.categoryRewardMultipliers[c] }
        for t in strategy.themeCards.prefix(LeverContext.maximumTracked) where t.window.contains(month) && t.segments.contains(segment) {
            rewards[t.category.rawValue] += t.cashbackRate
        }
        for a in strategy.alliances.prefix(LeverContext.maximumTracked) where a.window.contains(month) && a.reaches(segment) {
            rewards[a.category.rawValue] += a.coverage * a.discountRate
        }
        return OfferTerms(apr: p.apr, annualFee: p.annualFee, waiverSwipes: p.annualFeeWaiverSwipes,
                          installmentFeeRate: p.installmentFeeRate, interestFreeDays: p.interestFreeDays, rewards: rewards)
    }

    /// APR, monthly rate and installment fee rate of an account with approval score `score`:
    /// its pricing tier's when the strategy has tiers and the score reaches one, else the
    /// product's; with the responses at that price.
    @inline(__always)
    func pricing(score: Double) -> AccountPricing {
        for t in 0..<levers.tierMinimumScore.count where score >= levers.tierMinimumScore[t] {
            return levers.tierPricing[t]
        }
        return AccountPricing(monthlyRate: monthlyRate, feeRate: installmentFeeRate, debtFactor: debtFactor,
                              transferFactor: transferFactor, takeUp: installmentTakeUp)
    }

    /// Initial credit limit for an approval score, fen: income x multiple x e^(slope x score),
    /// or income x the multiple of the score's band when the policy has limit bands (the
    /// minimum limit below every band); rounded down to 1,000 yuan, then kept within
    /// [minimumLimit rounded up to 1,000, maximumLimit rounded down to 1,000].
    @inline(__always)
    func initialLimit(income: Double, score: Double) -> Int64 {
        MonthContext.limit(income: income, score: score, multiple: limitIncomeMultiple,
                           slope: limitScoreSlope, bands: limitBands, low: minimumLimit, high: maximumLimit)
    }

    /// `bands` sorted by descending minimum score (empty = the multiple-and-slope rule).
    @inline(__always)
    static func limit(income: Double, score: Double, multiple: Double, slope: Double,
                      bands: [LimitBand] = [], low: Double, high: Double) -> Int64 {
        var times: Double = 0
        if bands.isEmpty {
            times = multiple * _exp(slope * score)
        } else if let banded = LimitBand.multiple(bands, score: score) {
            times = banded
        }
        let thousands = Int64(income * times / 1000)
        let lowest = Int64((low / 1000).rounded(.up)), highest = Int64(high / 1000)
        return min(max(thousands, lowest), max(highest, lowest)) * 100_000
    }

    /// The initial-limit rule of a risk policy as a function of (income, score).
    static func limitRule(_ r: RiskPolicy) -> (Double, Double) -> Int64 {
        let bands = r.descendingLimitBands
        return { income, score in
            limit(income: income, score: score, multiple: r.limitIncomeMultiple,
                  slope: r.limitScoreSlope, bands: bands, low: r.minimumLimit, high: r.maximumLimit)
        }
    }
}
