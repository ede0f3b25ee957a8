/// Kernel 6, attrition: a current card holder may close the card. The monthly probability is
/// `baseAttrition` (`balanceAttrition` for a holder with a balance), plus `dormantAttrition` when
/// the card is dormant (or issued and never used for the dormancy window), plus `feeAttrition`
/// in a month an annual fee was charged. A holder with a balance who closes pays it off as it
/// goes (refinancing, consolidating cards, moving away), so revolvers do not stay on the book
/// until they default. Dormancy and reactivation themselves follow from the spend
/// kernel (usage probability falls by `dormantUsageFactor` once dormant; one swipe reactivates).
/// A holder may also leave for a competitor (`MarketChoice`): the draw's interval above the
/// closing and transfer probabilities q = p + transfer is split among the competitors,
/// [q, q + leave_0), [q + leave_0, q + leave_1), ...; the holder closes our card and holds the competitor's.
/// A current revolver with a balance transfers it to another issuer and closes the card with
/// probability `transferRate x exp(transferAPRSlope (APR - a) - transferRiskSlope z)`, a the
/// lowest competitor APR this month
/// (`Responses`; APR its pricing tier's), in [p, p + transfer); the other issuer (the competitor
/// with the lowest APR, if any) pays the balance off, and the holder holds its card (counted as
/// attrition to that competitor too).
/// The dormant-card clean-up closes, before any draw, a balance-free card unused for
/// `DormantCleanup.afterMonths` (it counts among the closures and the clean-up closures).
/// Draws: the month block's w3.
enum Attrite {
    static func run(_ pop: Population, _ agents: AgentIndices, _ ctx: MonthContext,
                    _ rng: PathRandom, _ ledger: inout MonthLedger) {
        let open = Lifecycle.open.rawValue, issued = Lifecycle.issued.rawValue
        var closures: Int64 = 0, payments: Int64 = 0, cleaned: Int64 = 0, transfers: Int64 = 0, transferred: Int64 = 0
        let n = ctx.choice.competitors
        for k in agents {
            let i = Int(k)
            let state = pop.state[i]
            guard (state == open || state == issued) && pop.bucket[i] == 0 else { continue }
            let closedBefore = closures
            defer {
                if closures != closedBefore {
                    ledger.segmentFlows[Int(pop.segment[i])].closures += 1
                    if pop.campaignArms[i] != 0 { ledger.addArms(pop.campaignArms[i]) { $0.closures += 1 } }
                }
            }
            let feeCharged = pop.flags[i] & MonthFlags.annualFeeCharged != 0
            let owed = pop.receivable(i)
            guard owed == 0 || feeCharged || ctx.balanceAttrition > 0 else { continue }
            if owed == 0 && ctx.levers.cleanupAfter > 0 && pop.monthsSinceSpend[i] >= ctx.levers.cleanupAfter {
                pop.leaveBook(i, as: .closed, wait: ctx.closedReturnMonths)
                closures += 1
                cleaned += 1
                continue
            }
            var p = owed == 0 ? ctx.baseAttrition : ctx.balanceAttrition
            if pop.monthsSinceSpend[i] >= ctx.dormancyMonths { p += ctx.dormantAttrition }
            if feeCharged { p += ctx.feeAttrition }
            let u = Draw.unit(pop.monthWords[4 * i + 3])
            // Balance transfer: a revolver with a balance moves it at the probability its APR
            // and risk give (`Responses`), in the interval right after the closing one.
            let transfer = owed > 0 && pop.payFraction[i] < 1
                ? min(1 - p, ctx.responses.transferRate * ctx.pricing(score: pop.score[i]).transferFactor
                          * _exp(-ctx.responses.transferRiskSlope * pop.risk[i]))
                : 0
            if u >= p && u < p + transfer {
                if ctx.choice.cheapest >= 0 {
                    pop.holdings[i] |= UInt8(1) << UInt8(ctx.choice.cheapest)
                    ledger.attritionToCompetitor[ctx.choice.cheapest] += 1
                }
                transfers += 1
                transferred += owed
                payments += owed
                pop.leaveBook(i, as: .closed, wait: ctx.closedReturnMonths)
                closures += 1
                continue
            }
            var leaving = false
            if u >= p + transfer && n > 0 {
                let base = ChoiceClass.of(pop, i) * n
                let v = u - p - transfer
                if v < ctx.choice.leave[base + n - 1] {
                    var k = 0
                    while v >= ctx.choice.leave[base + k] { k += 1 }
                    pop.holdings[i] |= UInt8(1) << UInt8(k)
                    ledger.attritionToCompetitor[k] += 1
                    leaving = true
                }
            }
            if u < p || leaving {
                payments += owed
                pop.leaveBook(i, as: .closed, wait: ctx.closedReturnMonths)
                closures += 1
            }
        }
        ledger.closures += closures
        ledger.cleanupClosures += cleaned
        ledger.payments += payments
        ledger.balanceTransfers += transfers
        ledger.balanceTransferred += transferred
    }
}
