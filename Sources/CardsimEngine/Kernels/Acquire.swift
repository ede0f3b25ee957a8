/// Kernel 1, acquisition: prospects reached by a channel apply; the bank scores and decides.
///
/// A prospect of segment s and valuation class g applies through channel c with probability
/// `applyPropensity_s * intensity_c * affinity_{s,c} * share_g`, where share_g is the bank's
/// share of the class's applications under the money-metric choice model (`OfferValuation`;
/// 1 without competitors). The
/// approval score is `-q z + sqrt(1 - q^2) e` (q = model quality, z = latent risk, e standard
/// normal); approval when score >= cut-off, with the initial limit of `MonthContext.initialLimit`.
/// A rejected prospect waits `reapplyCooldownMonths` before it may apply again. A prospect whose
/// draw falls beyond the bank's intervals may apply to a competitor instead (`MarketChoice`).
/// The kernel also adds up the expected card spend of adults who hold only competitors' cards
/// (engagement x spend scale x macro multiplier), for the bank's share of card spend.
/// A closed card's former holder is a prospect again after `returnAfterClosingMonths`, a
/// charged-off one after `creditRecordMonths` (the wait is set when the card leaves the book and
/// counted down here), with its traits and competitor holdings but a fresh account; so the
/// region's pool of prospects keeps its composition instead of being used up over the years.
/// While the regulation stops issuance (`MonthContext.issuanceStopped`) a prospect whose draw
/// falls in the bank's intervals does not apply (competitors' intervals are unchanged).
/// Draws: `PathRandom.applicationWord` (applies, and through which channel), then for an
/// applicant one word of purpose `approval` (the score noise).
enum Acquire {
    static func run(_ pop: Population, _ range: Range<Int>, _ ctx: MonthContext,
                    _ rng: PathRandom, _ ledger: inout MonthLedger, _ scored: ScoredApproval? = nil) {
        let prospect = Lifecycle.prospect.rawValue
        let closed = Lifecycle.closed.rawValue, chargedOff = Lifecycle.chargedOff.rawValue
        var applications: Int64 = 0, approvals: Int64 = 0
        let quarterStart = (ctx.month - 1) & 3 == 0
        let choice = ctx.choice, n = choice.competitors
        var competitorApplications = SIMD8<Int64>(), competitorAccounts = SIMD8<Int64>()
        var otherSpend = 0.0
        for i in range {
            let state = pop.state[i]
            // A holder of competitors' cards who has none of ours spends on theirs.
            if pop.holdings[i] != 0 && state != Lifecycle.issued.rawValue && state != Lifecycle.open.rawValue {
                otherSpend += pop.engagement[i] * pop.spendScale[i]
            }
            // A former holder waits out its closing or credit record, then is a prospect again.
            var returning = false
            if state == closed || state == chargedOff {
                if pop.cooldown[i] > 0 { pop.cooldown[i] &-= 1; continue }
                PopulationDraw.resetAccount(pop, i)
                pop.observed.forget(i)
                returning = true
            }
            guard pop.state[i] == prospect else { continue }
            // The four-month block is drawn in its first month and kept in `monthWords` (unused
            // by prospects otherwise): the same words as `applicationWord`, a quarter of the cost.
            let words = pop.monthWords + 4 * i
            if quarterStart || returning {
                let w = rng.words(agent: i, month: (ctx.month - 1) >> 2, .acquisition)
                words[0] = w.0; words[1] = w.1; words[2] = w.2; words[3] = w.3
            }
            let u = Draw.unit(words[(ctx.month - 1) & 3])
            if pop.cooldown[i] > 0 { pop.cooldown[i] &-= 1; continue }
            let s = ChoiceClass.of(pop, i) * ctx.channelCount
            guard u < ctx.applyCumulative[s + ctx.channelCount - 1] else {
                if n > 0 {
                    chooseCompetitor(pop, i, u, ctx, rng, &competitorApplications, &competitorAccounts)
                }
                continue
            }
            if ctx.issuanceStopped { continue }
            var channel = 0
            while u >= ctx.applyCumulative[s + channel] { channel += 1 }
            applications += 1
            ledger.applicationsByChannel[channel] += 1
            ledger.segmentFlows[Int(pop.segment[i])].applications += 1
            // With a scorecard (`ScoredApproval`), its standardised score and cut-off decide.
            let score = scored.map { $0.scores[i] }
                ?? -ctx.modelQuality * pop.risk[i] + ctx.modelNoise * Draw.normal(rng.words(agent: i, month: ctx.month, .approval).0)
            if score >= scored?.cutoff ?? ctx.cutoff {
                approvals += 1
                ledger.segmentFlows[Int(pop.segment[i])].newAccounts += 1
                if ctx.targetSegmentMask & (UInt64(1) << UInt64(min(pop.segment[i], 63))) != 0 { ledger.targetSegmentNewAccounts += 1 }
                ledger.channelFlows[channel].newAccounts += 1
                pop.channel[i] = UInt8(truncatingIfNeeded: channel)
                pop.state[i] = Lifecycle.issued.rawValue
                pop.score[i] = score
                pop.limit[i] = ctx.initialLimit(income: pop.income[i], score: score)
                pop.monthsOnBook[i] = 0
                pop.monthsSinceSpend[i] = 0
                pop.swipesThisYear[i] = 0
                pop.bucket[i] = 0
            } else {
                pop.cooldown[i] = ctx.cooldownMonths
            }
        }
        ledger.applications += applications
        ledger.newAccounts += approvals
        for k in 0..<n {
            ledger.competitorApplications[k] += competitorApplications[k]
            ledger.competitorNewAccounts[k] += competitorAccounts[k]
        }
        ledger.competitorSpend += otherSpend * ctx.spendMultiplier
    }

    /// A prospect whose draw `u` falls in competitor k's interval applies there; the competitor
    /// approves when its score `-0.6 z + 0.8 e` (e from the approval draw's w1) is at least its
    /// threshold. An approved applicant holds the card from now on; either way it waits the
    /// cool-down before shopping again. Choosing a card it already holds changes nothing.
    @inline(__always)
    static func chooseCompetitor(_ pop: Population, _ i: Int, _ u: Double, _ ctx: MonthContext, _ rng: PathRandom,
                                 _ applications: inout SIMD8<Int64>, _ accounts: inout SIMD8<Int64>) {
        let choice = ctx.choice, n = choice.competitors
        let base = ChoiceClass.of(pop, i) * n
        guard u < choice.cumulative[base + n - 1] else { return }
        var k = 0
        while u >= choice.cumulative[base + k] { k += 1 }
        let bit = UInt8(1) << UInt8(k)
        guard pop.holdings[i] & bit == 0 else { return }
        applications[k] += 1
        let q = Competitor.scoreQuality
        let score = -q * pop.risk[i] + (1 - q * q).squareRoot() * Draw.normal(rng.words(agent: i, month: ctx.month, .approval).1)
        if score >= choice.threshold[k] {
            pop.holdings[i] |= bit
            accounts[k] += 1
        }
        pop.cooldown[i] = ctx.cooldownMonths
    }
}
