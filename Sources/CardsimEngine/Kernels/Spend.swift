/// Kernel 3, spend: an open card not blocked for delinquency (30+ days past due) is used this
/// month with probability p = `engagement` (times `dormantUsageFactor` once dormant; always in
/// the month of its first swipe). The amount, yuan, is lognormal,
/// `spendScale * m * u_s * exp(sigma z - sigma^2 / 2)`, with m the macro spend multiplier and
/// u_s the segment's alliance and theme-card uplift (`LeverContext.spendMultiplier`), split
/// across categories in the segment's (uplifted) mix, and capped by the open-to-buy (limit
/// minus receivables). The amount's category split and size answer the points value
/// (`Responses.rewardSpendFactor`, by the agent's reward responder half). Swipes =
/// 1 + round(swipesAtFullUse x e x a), e the agent's usage probability and a the amount relative
/// to its mean: several a month for a regular user, one or two for an occasional one.
///
/// Fee-waiver chase (`Responses`): in the last `waiverChaseMonths` of a card year, a holder
/// short of the waiver by at most `chaseSwipesPerMonth` a month left uses the card with
/// probability 1 - (1 - p)(1 - chase x price sensitivity); a use that only the chase explains
/// is `needed` small purchases of `chaseTicket` yuan, on the bank's card alone.
///
/// A holder of competitors' cards (set H) puts the share `MarketChoice.walletShare[H]` of that
/// amount on the bank's card and the rest on the others (counted as competitors' card spend).
///
/// Campaigns: a dormant card in the reactivation audience selected this month (probability
/// `reach` after capacity, draw `campaign` w0) is contacted and used with probability
/// 1 - (1 - p)(1 - response); a precision-marketing target (an open card in the audience with
/// stable draw `targeting` w0 < target share after capacity) swipes 1 + frequencyUplift times
/// as often (its spend frequency, rounded to whole swipes) and spends 1 + spendUplift times as
/// much in a month of use; its usage probability is unchanged. In run months a selected
/// customer whose stable `holdout` draw (w0 reactivation, w2 precision) is below the
/// campaign's holdout share is held out: not contacted, not targeted, not paid for. Spend of
/// customers in campaign arms is added to the arms' flows (`CampaignFlows`).
/// Dormant-card clean-up (`DormantCleanup`): a card that has just become long-dormant (idle
/// exactly the long-dormancy window, no balance) gets a notice and is used with probability
/// 1 - (1 - p)(1 - noticeResponse); a never-activated card's holder answers only through its
/// activation chance.
/// Draws the account's month block (purpose `account`) for every issued or open account into
/// `Population.monthWords`; uses w0 (usage) and w1 (amount).
enum Spend {
    static func run(_ pop: Population, _ agents: AgentIndices, _ ctx: MonthContext,
                    _ rng: PathRandom, _ ledger: inout MonthLedger) {
        let open = Lifecycle.open.rawValue, issued = Lifecycle.issued.rawValue
        let levers = ctx.levers
        var total: Int64 = 0
        var byCategory = SIMD8<Double>()
        var tracked = SIMD16<Double>()
        var contacts: Int64 = 0, targets: Int64 = 0, notices: Int64 = 0
        var otherSpend = 0.0
        var transactorSpend: Int64 = 0, swipes: Int64 = 0, targetSwipes: Int64 = 0, targetSpend: Int64 = 0
        for k in agents {
            let i = Int(k)
            let state = pop.state[i]
            guard state == open || state == issued else { continue }
            let w = rng.words(agent: i, month: ctx.month, .account)
            let words = pop.monthWords + 4 * i
            words[0] = w.0; words[1] = w.1; words[2] = w.2; words[3] = w.3
            // Dormant-card clean-up: notice to a card that became long-dormant last month.
            let noticed = levers.cleanupAfter > 0 && pop.monthsSinceSpend[i] == ctx.longDormancyMonths
                && pop.receivable(i) == 0
            if noticed { notices += 1 }
            if state == issued { pop.monthsSinceSpend[i] &+= 1; continue }
            let first = pop.flags[i] & MonthFlags.firstSwipe != 0
            let blocked = pop.bucket[i] >= 2
            let idle = pop.monthsSinceSpend[i]
            var p = pop.engagement[i]
            if idle >= ctx.dormancyMonths { p *= ctx.dormantUsageFactor }
            if noticed { p = 1 - (1 - p) * (1 - levers.noticeResponse) }
            var amountFactor = 1.0, swipeFactor = 1.0, targeted = false
            if levers.precisionShare > 0
                && Draw.unit(rng.words(agent: i, month: 0, .targeting).0) < levers.precisionSelect
                && levers.precisionAudience.admits(pop, i)
            {
                let held = levers.precisionHoldout > 0
                    && Draw.unit(rng.words(agent: i, month: 0, .holdout).2) < levers.precisionHoldout
                if levers.splitsArms { join(pop, i, CampaignKind.precision.rawValue, held: held, &ledger) }
                if !held && levers.precisionActs {
                    targets += 1
                    targeted = true
                    swipeFactor = levers.precisionFrequency
                    amountFactor = levers.precisionSpend
                    if pop.campaignArms[i] != 0 {
                        ledger.addArms(CampaignArm.bit(CampaignKind.precision.rawValue, heldOut: false)) { $0.contacts += 1 }
                    }
                }
            }
            if pop.member[i] != 0 { amountFactor *= levers.memberSpendFactor }
            var contacted = targeted
            if levers.reactivationReach > 0 && idle >= levers.reactivationMinimumIdle && !blocked
                && Draw.unit(rng.words(agent: i, month: ctx.month, .campaign).0) < levers.reactivationSelect
                && levers.reactivationAudience.admits(pop, i)
            {
                let held = levers.reactivationHoldout > 0
                    && Draw.unit(rng.words(agent: i, month: 0, .holdout).0) < levers.reactivationHoldout
                if levers.splitsArms { join(pop, i, CampaignKind.reactivation.rawValue, held: held, &ledger) }
                if !held && levers.reactivationActs {
                    contacts += 1
                    if contacted { ledger.repeatMarketingContacts += 1 }
                    contacted = true
                    p = 1 - (1 - p) * (1 - levers.reactivationResponse)
                    if pop.campaignArms[i] != 0 {
                        ledger.addArms(CampaignArm.bit(CampaignKind.reactivation.rawValue, heldOut: false)) { $0.contacts += 1 }
                    }
                }
            }
            // Fee-waiver chase: in the last months of the card year, a holder short of the
            // waiver who can still reach it uses the card with the extra chase probability.
            var needed = 0
            if ctx.chaseMonths > 0 && !blocked {
                let intoYear = Int(pop.monthsOnBook[i] % 12), left = intoYear == 0 ? 1 : 13 - intoYear
                let short = Int(ctx.waiverSwipes) - Int(pop.swipesThisYear[i])
                if left <= Int(ctx.chaseMonths) && short > 0 && short <= Int(ctx.chaseSwipesPerMonth) * left {
                    needed = (short + left - 1) / left
                }
            }
            let u0 = Draw.unit(w.0)
            let chasing = needed > 0 && u0 >= p
                && u0 < 1 - (1 - p) * (1 - min(1, ctx.chaseProbability * pop.priceSensitivity[i]))
            var spent: Int64 = 0
            let s = Int(pop.segment[i])
            let sr = 2 * s + (pop.choiceClass[i] & ChoiceClass.highRewardBit != 0 ? 1 : 0)
            if !blocked && (first || u0 < p || chasing) {
                let z = Draw.normal(w.1)
                let relative = _exp(ctx.spendSigma[s] * z + ctx.spendLogMean[s])
                var yuan = chasing ? Double(needed) * Double(ctx.chaseTicket) * 0.01
                    : pop.spendScale[i] * ctx.spendMultiplier * levers.spendMultiplier[sr] * amountFactor * relative
                let held = Int(pop.holdings[i])
                if held != 0 && !chasing {
                    let share = ctx.choice.walletShare[ChoiceClass.of(pop, i) << ctx.choice.competitors | held]
                    otherSpend += yuan * (1 - share)
                    yuan *= share
                }
                let openToBuy = max(0, pop.limit[i] - pop.receivable(i))
                spent = min(Int64(yuan * 100), openToBuy)
                if spent > 0 {
                    pop.revolving[i] += spent
                    total += spent
                    ledger.segmentFlows[s].spend += spent
                    if pop.payFraction[i] >= 1 { transactorSpend += spent }
                    let spentYuan = Double(spent) * 0.01
                    byCategory += SIMD8(repeating: spentYuan) * ctx.categoryMix[sr]
                    tracked += SIMD16(repeating: spentYuan) * levers.trackedShare[sr]
                    let ordinary = 1 + (ctx.swipesAtFullUse * pop.engagement[i] * relative).rounded()
                    let count = chasing ? needed : max(Int((ordinary * swipeFactor).rounded()), needed)
                    if targeted { targetSwipes += Int64(count); targetSpend += spent }
                    swipes += Int64(count)
                    pop.swipesThisYear[i] = UInt16(min(Int(pop.swipesThisYear[i]) + count, 60_000))
                    let arms = pop.campaignArms[i]
                    if arms != 0 {
                        let mix = ctx.categoryMix[sr]
                        let interchange = spentYuan * (mix * levers.interchangeRates).sum()
                        let rewards = spentYuan * (mix * levers.rewardCostRates).sum()
                        ledger.addArms(arms) {
                            $0.spend += spent; $0.activeCards += 1
                            $0.interchange += interchange; $0.rewards += rewards
                        }
                    }
                }
            }
            if spent > 0 {
                pop.monthsSinceSpend[i] = 0
            } else if pop.monthsSinceSpend[i] < UInt16.max {
                pop.monthsSinceSpend[i] += 1
            }
        }
        ledger.spend += total
        ledger.transactorSpend += transactorSpend
        ledger.swipes += swipes
        ledger.competitorSpend += otherSpend
        for c in ledger.spendByCategory.indices { ledger.spendByCategory[c] += byCategory[c] }
        for a in ledger.allianceSpend.indices { ledger.allianceSpend[a] += tracked[a] }
        for t in ledger.themeSpend.indices { ledger.themeSpend[t] += tracked[8 + t] }
        ledger.reactivationContacts += contacts
        ledger.precisionTargets += targets
        ledger.precisionSwipes += targetSwipes
        ledger.precisionSpend += targetSpend
        ledger.cleanupNotices += notices
    }

    /// Puts customer `i` in campaign `kind`'s treated or holdout arm the first time the
    /// campaign selects it (it stays there for the rest of the strategy's run).
    @inline(__always)
    static func join(_ pop: Population, _ i: Int, _ kind: Int, held: Bool, _ ledger: inout MonthLedger) {
        let bit = CampaignArm.bit(kind, heldOut: held)
        guard pop.campaignArms[i] & bit == 0 else { return }
        pop.campaignArms[i] |= bit
        ledger.addArms(bit) { $0.assigned += 1 }
    }
}
