/// Kernel 8, accounting snapshot at month end: counts cards in force (issued or open), active
/// cards (used within the dormancy window; also among occasional users' cards), dormant cards (unused, or issued and never
/// activated, for the dormancy window or longer) and long-dormant cards (the regulatory
/// definition: no customer-initiated transaction for the long-dormancy window and no
/// balance), accounts and
/// receivables by delinquency bucket (and 180+ days past due), credit lines and closing receivables; then ages the accounts by a month
/// and clears the month's flags (accounts that left the book this month cleared theirs as they
/// left).
enum Account {
    static func run(_ pop: Population, _ agents: AgentIndices, _ ctx: MonthContext,
                    _ rng: PathRandom, _ ledger: inout MonthLedger) {
        let open = Lifecycle.open.rawValue, issued = Lifecycle.issued.rawValue
        var inForce: Int64 = 0, active: Int64 = 0, dormant: Int64 = 0, longDormant: Int64 = 0
        var closing: Int64 = 0, lines: Int64 = 0, light: Int64 = 0, lightActive: Int64 = 0
        var accounts = SIMD8<Int64>(), balances = SIMD8<Int64>()
        for k in agents {
            let i = Int(k)
            let state = pop.state[i]
            guard state == open || state == issued else { continue }
            pop.flags[i] = 0
            let owed = pop.receivable(i)
            closing += owed
            lines += pop.limit[i]
            inForce += 1
            let seg = Int(pop.segment[i])
            ledger.segmentFlows[seg].cardsInForce += 1
            ledger.segmentFlows[seg].receivables += owed
            let arms = pop.campaignArms[i]
            if arms != 0 { ledger.addArms(arms) { $0.cardsInForce += 1; $0.receivablesClosing += owed } }
            let idle = pop.monthsSinceSpend[i]
            let isActive = state == open && idle < ctx.dormancyMonths
            if isActive { active += 1; ledger.segmentFlows[seg].activeCards += 1 }
            if pop.choiceClass[i] & ChoiceClass.occasionalBit != 0 {
                light += 1
                if isActive { lightActive += 1 }
            }
            if idle >= ctx.dormancyMonths { dormant += 1 }
            if pop.isLongDormant(i, months: Int(ctx.longDormancyMonths)) { longDormant += 1 }
            let b = Int(pop.bucket[i])
            accounts[b] += 1
            balances[b] += owed
            if pop.monthsOnBook[i] < UInt16.max { pop.monthsOnBook[i] += 1 }
        }
        ledger.cardsInForce += inForce
        ledger.activeCards += active
        ledger.dormantCards += dormant
        ledger.longDormantCards += longDormant
        ledger.lightUserCards += light
        ledger.lightUserActiveCards += lightActive
        ledger.receivablesClosing += closing
        ledger.creditLines += lines
        let past = Int(CreditDynamics.pastWriteOffBucket)
        ledger.accountsPast180 += accounts[past]
        ledger.receivablesPast180 += balances[past]
        for b in 0..<CreditDynamics.buckets {
            ledger.accountsByBucket[b] += accounts[b]
            ledger.receivablesByBucket[b] += balances[b]
        }
    }
}
