/// Kernel 7, credit-line management: at each review (months on book that are multiples of
/// `reviewMonths` and at least 6, while the lever runs; activated cards only), a current account with approval score at least
/// `increaseScore` and utilization at least `increaseUtilization` gets its limit multiplied by
/// 1 + increase; a past-due account, or one scoring below `decreaseScore`, gets it multiplied
/// by 1 - decrease, never below what it owes. New limits are whole thousands of yuan and move
/// at most 30% either way: a raise is rounded down, a cut is rounded up to no lower than 70% of
/// the old limit (and never below the receivable). With a behaviour scorecard, its
/// standardised score (`behaviour[r]` for `agents[r]`) takes the place of the approval score.
enum ManageLines {
    static func run(_ pop: Population, _ agents: AgentIndices, _ ctx: MonthContext,
                    _ rng: PathRandom, _ ledger: inout MonthLedger, behaviour: UnsafePointer<Double>? = nil) {
        let levers = ctx.levers
        let every = levers.reviewMonths
        guard every > 0 else { return }
        let open = Lifecycle.open.rawValue
        var increases: Int64 = 0, decreases: Int64 = 0
        for (r, k) in agents.enumerated() {
            let i = Int(k)
            let mob = pop.monthsOnBook[i]
            guard pop.state[i] == open && mob >= 6 && mob % every == 0 else { continue }
            let limit = pop.limit[i], owed = pop.receivable(i)
            let score = behaviour?[r] ?? pop.score[i]
            let bucket = pop.bucket[i]
            if bucket == 0 && score >= levers.increaseScore
                && Double(owed) >= levers.increaseUtilization * Double(limit)
            {
                let raised = Int64(Double(limit) * levers.increaseFactor / 100_000) * 100_000
                if raised > limit { pop.limit[i] = raised; increases += 1 }
            } else if bucket > 0 || score < levers.decreaseScore {
                let floor = Int64((Double(limit) * (1 - LineManagement.bound) / 100_000).rounded(.up)) * 100_000
                let cut = max(Int64(Double(limit) * levers.decreaseFactor / 100_000) * 100_000, floor, owed)
                if cut < limit { pop.limit[i] = cut; decreases += 1 }
            }
        }
        ledger.lineIncreases += increases
        ledger.lineDecreases += decreases
    }
}
