/// Kernel 3, spend: an open card not blocked for delinquency (30+ days past due) is used this
/// month with probability `engagement` (times `dormantUsageFactor` once dormant; always in the
/// month of its first swipe). The amount, yuan, is lognormal,
/// `spendScale * m * exp(sigma z - sigma^2 / 2)` with mean `spendScale` times the macro spend
/// multiplier m, split across categories in the segment's fixed mix, and capped by
/// the open-to-buy (limit minus receivables). Swipes = 1 + amount / averageTicket.
/// Draws the account's month block (purpose `account`) for every issued or open account into
/// `Population.monthWords`; uses w0 (usage) and w1 (amount).
enum Spend {
    static func run(_ pop: Population, _ agents: AgentIndices, _ ctx: MonthContext,
                    _ rng: PathRandom, _ ledger: inout MonthLedger) {
        let open = Lifecycle.open.rawValue, issued = Lifecycle.issued.rawValue
        var total: Int64 = 0
        var byCategory = SIMD8<Double>()
        for k in agents {
            let i = Int(k)
            let state = pop.state[i]
            guard state == open || state == issued else { continue }
            let w = rng.words(agent: i, month: ctx.month, .account)
            let words = pop.monthWords + 4 * i
            words[0] = w.0; words[1] = w.1; words[2] = w.2; words[3] = w.3
            if state == issued { pop.monthsSinceSpend[i] &+= 1; continue }
            let first = pop.flags[i] & MonthFlags.firstSwipe != 0
            let blocked = pop.bucket[i] >= 2
            var p = pop.engagement[i]
            if pop.monthsSinceSpend[i] >= ctx.dormancyMonths { p *= ctx.dormantUsageFactor }
            var spent: Int64 = 0
            if !blocked && (first || Draw.unit(w.0) < p) {
                let s = Int(pop.segment[i])
                let z = Draw.normal(w.1)
                let yuan = pop.spendScale[i] * ctx.spendMultiplier * _exp(ctx.spendSigma[s] * z + ctx.spendLogMean[s])
                let openToBuy = max(0, pop.limit[i] - pop.receivable(i))
                spent = min(Int64(yuan * 100), openToBuy)
                if spent > 0 {
                    pop.revolving[i] += spent
                    total += spent
                    let spentYuan = Double(spent) * 0.01
                    byCategory += SIMD8(repeating: spentYuan) * ctx.categoryMix[s]
                    let swipes = 1 + Int(spentYuan * ctx.inverseTicket[s])
                    pop.swipesThisYear[i] = UInt16(min(Int(pop.swipesThisYear[i]) + swipes, 60_000))
                }
            }
            if spent > 0 {
                pop.monthsSinceSpend[i] = 0
            } else if pop.monthsSinceSpend[i] < UInt16.max {
                pop.monthsSinceSpend[i] += 1
            }
        }
        ledger.spend += total
        for c in ledger.spendByCategory.indices { ledger.spendByCategory[c] += byCategory[c] }
    }
}
