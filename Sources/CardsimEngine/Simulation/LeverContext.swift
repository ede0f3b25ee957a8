/// The strategy levers in force in one month, precomputed for the kernels: spend shaping by
/// points, alliances and theme cards, campaigns, pricing tiers, line management and collections.
public struct LeverContext: Sendable {
    /// Spend multiplier per segment and reward responder (index 2 s + high responder) from the
    /// points' spend response and the alliance and theme-card uplifts: sum_c mix_c f_{s,c},
    /// with f_{s,c} = rho_{s,c} x (1 + sum of the uplifts on category c for segment s) and
    /// rho_{s,c} = `Responses.rewardSpendFactor` of the points value in c.
    let spendMultiplier: [Double]
    /// Adjusted category shares, same index: mix_c f_{s,c} / spendMultiplier.
    let categoryMix: [SIMD8<Double>]
    /// Share of that (uplifted) spend covered by each alliance (lanes 0-7) and spent in each
    /// theme card's category by a targeted segment (lanes 8-15), same index.
    let trackedShare: [SIMD16<Double>]

    // Campaigns.
    let reactivationReach: Double
    let reactivationResponse: Double
    let reactivationMinimumIdle: UInt16
    let activationFactor: Double
    let firstSwipeActive: Bool
    let precisionShare: Double
    let precisionFrequency: Double
    let precisionSpend: Double
    // Campaign audiences and arms (`CampaignAudience`, `CampaignArm`). `*Select` is the
    // reactivation reach or precision target share after the monthly capacity
    // (`limitToCapacity`); `*Acts` is false in the run without the campaign (`Campaigns.muted`),
    // where customers are selected and split into arms but nothing is done or paid.
    let reactivationAudience: AudienceRule
    let firstSwipeAudience: AudienceRule
    let precisionAudience: AudienceRule
    let reactivationHoldout: Double, firstSwipeHoldout: Double, precisionHoldout: Double
    let reactivationActs: Bool, firstSwipeActs: Bool, precisionActs: Bool
    private(set) var reactivationSelect: Double
    private(set) var precisionSelect: Double
    /// Monthly capacities in agents (customers / agent weight); 0 = no limit.
    let reactivationCapacity: Double, precisionCapacity: Double
    /// Whether customers are split into campaign arms this month (run months, not the spin-up).
    let splitsArms: Bool
    // Value beyond the card (`CrossSell`): the membership fee (fen; 0 = none), take-up (0
    // outside the window), churn and members' spend factor; the loans' terms and take-up (0
    // outside the window); whether anything is offered this month.
    let membershipFee: Int64
    let membershipTakeUp: Double, membershipChurn: Double, memberSpendFactor: Double
    let loans: ConsumerLoans
    let loanTakeUp: Double
    let crossSelling: Bool
    /// Interchange and rewards cost per yuan of spend, by category lane: the arms' P&L.
    let interchangeRates: SIMD8<Double>
    let rewardCostRates: SIMD8<Double>

    // Pricing tiers, highest minimum score first, with the responses at their prices.
    let tierMinimumScore: [Double]
    let tierPricing: [AccountPricing]

    // Line management and collections.
    let reviewMonths: UInt16
    let increaseFactor: Double
    let increaseScore: Double
    let increaseUtilization: Double
    let decreaseFactor: Double
    let decreaseScore: Double
    let cureMultiplier: Double

    // Dormant-card clean-up (`DormantCleanup`): months idle at closing (0 = off) and the
    // notice's response.
    let cleanupAfter: UInt16
    let noticeResponse: Double

    /// Largest number of alliances and of theme cards a strategy may have.
    public static let maximumTracked = 8

    /// - Parameter bestAPR: the lowest competitor APR in force (balance transfers go there).
    /// - Parameter splitsArms: whether campaigns split their customers into arms (run months; not the spin-up).
    init(month: Int, scenario: Scenario, strategy s: Strategy, dormancyMonths: Int, longDormancyMonths: Int, bestAPR: Double,
         splitsArms: Bool) {
        let segments = scenario.market.segments
        let alliances = s.alliances.prefix(Self.maximumTracked)
        let themes = s.themeCards.prefix(Self.maximumTracked)
        let responses = scenario.market.responses
        let responders = scenario.market.choice.responderMultipliers
        let product = s.product
        var multipliers: [Double] = [], mixes: [SIMD8<Double>] = [], tracked: [SIMD16<Double>] = []
        for seg in segments {
            var uplift = [Double](repeating: 1, count: Category.allCases.count)
            for a in alliances where a.window.contains(month) && a.reaches(seg.name) {
                uplift[a.category.rawValue] += a.coverage * a.spendUplift
            }
            for t in themes where t.window.contains(month) && t.segments.contains(seg.name) {
                uplift[t.category.rawValue] += t.spendUplift
            }
            for sensitivity in [responders.low, responders.high] {
                // The points' spend response (`Responses.rewardSpendFactor`) times the uplifts.
                var rewardFactor = [Double](repeating: 1, count: uplift.count)
                var factor = uplift
                for c in factor.indices {
                    let rate = product.rewardsRate * (c < product.categoryRewardMultipliers.count ? product.categoryRewardMultipliers[c] : 1)
                    rewardFactor[c] = responses.rewardSpendFactor(rate: rate, sensitivity: seg.rewardSensitivity * sensitivity)
                    factor[c] *= rewardFactor[c]
                }
                var total = 0.0
                for c in factor.indices { total += seg.categoryMix[c] * factor[c] }
                total = max(total, 1e-12)
                var mix = SIMD8<Double>()
                for c in factor.indices { mix[c] = seg.categoryMix[c] * factor[c] / total }
                var share = SIMD16<Double>()
                for (k, a) in alliances.enumerated() where a.window.contains(month) && a.reaches(seg.name) {
                    let c = a.category.rawValue
                    share[k] = seg.categoryMix[c] * a.coverage * (1 + a.spendUplift) * rewardFactor[c] / total
                }
                for (k, t) in themes.enumerated() where t.window.contains(month) && t.segments.contains(seg.name) {
                    share[8 + k] = mix[t.category.rawValue]
                }
                multipliers.append(total); mixes.append(mix); tracked.append(share)
            }
        }
        spendMultiplier = multipliers
        categoryMix = mixes
        trackedShare = tracked

        let c = s.campaigns
        let r = c.reactivation
        if r.window.contains(month) && r.reach > 0 {
            reactivationReach = r.reach
            reactivationResponse = r.response * _pow(r.decay, Double(month - r.window.startMonth))
        } else {
            reactivationReach = 0; reactivationResponse = 0
        }
        reactivationMinimumIdle = UInt16(r.longDormantOnly ? longDormancyMonths : dormancyMonths)
        firstSwipeActive = c.firstSwipe.window.contains(month) && c.firstSwipe.activationUplift > 0
        activationFactor = firstSwipeActive ? 1 + c.firstSwipe.activationUplift : 1
        let p = c.precision
        precisionShare = p.window.contains(month) ? p.targetShare : 0
        precisionFrequency = 1 + p.frequencyUplift
        precisionSpend = 1 + p.spendUplift
        reactivationAudience = AudienceRule(r.audience, segments: segments, channels: s.channels)
        firstSwipeAudience = AudienceRule(c.firstSwipe.audience, segments: segments, channels: s.channels)
        precisionAudience = AudienceRule(p.audience, segments: segments, channels: s.channels)
        self.splitsArms = splitsArms
        reactivationHoldout = splitsArms ? r.holdout : 0
        firstSwipeHoldout = splitsArms ? c.firstSwipe.holdout : 0
        precisionHoldout = splitsArms ? p.holdout : 0
        reactivationActs = c.muted != .reactivation
        firstSwipeActs = c.muted != .firstSwipe
        precisionActs = c.muted != .precision
        reactivationSelect = reactivationReach
        precisionSelect = precisionShare
        let weight = max(scenario.agentWeight, 1e-12)
        reactivationCapacity = r.monthlyCapacity / weight
        precisionCapacity = p.monthlyCapacity / weight
        var interchange = SIMD8<Double>(), rewardCost = SIMD8<Double>()
        for k in 0..<min(8, s.economics.interchangeRates.count) { interchange[k] = s.economics.interchangeRates[k] }
        for k in 0..<min(8, product.categoryRewardMultipliers.count) {
            rewardCost[k] = product.rewardsRate * product.categoryRewardMultipliers[k] * s.economics.rewardsCostPerYuan
        }
        interchangeRates = interchange
        rewardCostRates = rewardCost
        let m = s.membership
        membershipFee = Int64((m.monthlyFee * 100).rounded())
        membershipTakeUp = m.monthlyFee > 0 && m.window.contains(month) ? m.takeUp : 0
        membershipChurn = m.churn
        memberSpendFactor = m.monthlyFee > 0 ? 1 + m.spendUplift : 1
        loans = s.consumerLoans
        loanTakeUp = s.consumerLoans.window.contains(month) ? s.consumerLoans.takeUp : 0
        crossSelling = membershipTakeUp > 0 || loanTakeUp > 0 || membershipFee > 0

        let tiers = s.pricingTiers.sorted { $0.minimumScore > $1.minimumScore }
        tierMinimumScore = tiers.map(\.minimumScore)
        tierPricing = tiers.map {
            AccountPricing(monthlyRate: $0.apr / 12, feeRate: $0.installmentFeeRate, debtFactor: responses.debtFactor(apr: $0.apr),
                           transferFactor: responses.transferFactor(apr: $0.apr, bestAPR: bestAPR),
                           takeUp: responses.installmentTakeUp(feeRate: $0.installmentFeeRate))
        }

        let l = s.lines
        let reviewing = l.window.contains(month) && l.reviewMonths > 0
        reviewMonths = reviewing ? UInt16(l.reviewMonths) : 0
        increaseFactor = 1 + min(l.increase, LineManagement.bound)
        increaseScore = l.increaseScore
        increaseUtilization = l.increaseUtilization
        decreaseFactor = 1 - min(l.decrease, LineManagement.bound)
        decreaseScore = l.decreaseScore
        cureMultiplier = s.collections.window.contains(month) ? s.collections.intensity : 1
        let cleanup = s.dormantCleanup
        let cleaning = cleanup.window.contains(month) && cleanup.afterMonths > 0
        cleanupAfter = cleaning ? UInt16(max(cleanup.afterMonths, longDormancyMonths)) : 0
        noticeResponse = cleaning ? cleanup.noticeResponse : 0
    }
}

extension LeverContext {
    /// Cuts the reactivation reach and the precision target share to the campaigns' monthly
    /// capacities: with E customers eligible at the month's start (the campaign's own rule and
    /// its audience), reach r becomes r x min(1, C / (r x E)), so that at most C are selected in
    /// expectation (holdout included). Eligibility is counted before the month's kernels run.
    mutating func limitToCapacity(_ pop: Population) {
        let countReactivation = reactivationCapacity > 0 && reactivationReach > 0
        let countPrecision = precisionCapacity > 0 && precisionShare > 0
        guard countReactivation || countPrecision else { return }
        let open = Lifecycle.open.rawValue
        var dormant = 0.0, targets = 0.0
        for i in 0..<pop.count where pop.state[i] == open {
            if countReactivation && pop.monthsSinceSpend[i] >= reactivationMinimumIdle && pop.bucket[i] < 2
                && reactivationAudience.admits(pop, i) { dormant += 1 }
            if countPrecision && precisionAudience.admits(pop, i) { targets += 1 }
        }
        if countReactivation && reactivationReach * dormant > reactivationCapacity {
            reactivationSelect = reactivationCapacity / dormant
        }
        if countPrecision && precisionShare * targets > precisionCapacity {
            precisionSelect = precisionCapacity / targets
        }
    }
}
