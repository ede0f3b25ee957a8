/// Everything the kernels read in one month of one strategy, precomputed once per month so that
/// the per-agent loops do no parameter lookups: rates in fen, per-segment tables, logits.
public struct MonthContext: Sendable {
    /// Month number, 1-based.
    public let month: Int
    public let macro: MacroState
    /// Offers of competitors in force this month.
    public let competitorOffers: [Offer]
    /// Competitors' application intervals, approval thresholds, share of wallet and switching.
    let choice: MarketChoice
    /// The strategy's levers in force this month.
    let levers: LeverContext
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
    let inverseTicket: [Double]
    let cashPropensity: [Double]
    let billPropensity: [Double]

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
    let waiverSwipes: UInt16
    let monthlyRate: Double
    let installmentFeeRate: Double
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
        let offer = strategy.product.offer
        let levers = LeverContext(month: leverMonth ?? month, scenario: scenario, strategy: strategy,
                                  dormancyMonths: market.behaviour.dormancyMonths,
                                  longDormancyMonths: market.behaviour.longDormancyMonths)
        self.levers = levers
        channelCount = max(1, strategy.channels.count)
        // The bank's offer as each segment sees it: theme-card rewards added.
        let bankOffers = segments.indices.map { s -> Offer in
            var own = offer
            own.rewardsRate += levers.themeRewards[s]
            return own
        }
        applyCumulative = segments.enumerated().flatMap { (s, seg) -> [Double] in
            if strategy.channels.isEmpty { return [0] }
            let appeal = ChoiceModel.shareOfApplications(own: bankOffers[s], competitors: competitorOffers,
                                                         priceSensitivity: seg.priceSensitivity,
                                                         rewardSensitivity: seg.rewardSensitivity)
            var acc = 0.0
            return strategy.channels.map { ch in
                acc += seg.applyPropensity * ch.intensity * (seg.channelAffinity[ch.name] ?? 1) * appeal
                return min(acc, 1)
            }
        }
        let channels = channelCount, cumulative = applyCumulative
        let bankApply = segments.indices.map { strategy.channels.isEmpty ? 0 : cumulative[$0 * channels + channels - 1] }
        choice = terms.isEmpty ? .none
            : MarketChoice(segments: segments, bankOffers: bankOffers, bankApply: bankApply,
                           terms: terms, switchingRate: market.behaviour.switchingRate)
        categoryMix = levers.categoryMix
        spendSigma = segments.map(\.spendSigma)
        spendLogMean = segments.map { -0.5 * $0.spendSigma * $0.spendSigma }
        inverseTicket = segments.map { 1 / $0.averageTicket }
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
        waiverSwipes = UInt16(p.annualFeeWaiverSwipes)
        monthlyRate = p.apr / 12
        installmentFeeRate = p.installmentFeeRate
        billMonths = Int64(max(1, p.billInstallmentMonths))
        cashMonths = Int64(max(1, min(p.cashInstallmentMonths, Product.cashInstallmentRegulatoryMonths)))
        cashCap = min(p.cashInstallmentCap, Product.cashInstallmentRegulatoryCap)
        cashIncomeMultiple = p.cashInstallmentIncomeMultiple
        cashAdvanceFeeRate = p.cashAdvanceFeeRate
        lateFeeRate = p.lateFeeRate
        minimumPaymentRate = p.minimumPaymentRate
        minimumPaymentFloor = Int64(p.minimumPaymentFloor * 100)
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
