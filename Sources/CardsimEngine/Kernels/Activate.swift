/// Kernel 2, activation: an issued card makes its first swipe with probability
/// `activationProbability * activationDecay^monthsOnBook`; the spend kernel then records the
/// first month's spend. A first-swipe campaign multiplies the probability by
/// 1 + activationUplift (capped at 1) and pays a gift per card activated while it runs.
/// Draws: purpose `activation`, u0.
enum Activate {
    static func run(_ pop: Population, _ agents: AgentIndices, _ ctx: MonthContext,
                    _ rng: PathRandom, _ ledger: inout MonthLedger) {
        let issued = Lifecycle.issued.rawValue
        let table = ctx.activationByMonthOnBook
        var activations: Int64 = 0
        for k in agents {
            let i = Int(k)
            guard pop.state[i] == issued else { continue }
            let p = min(1, table[min(Int(pop.monthsOnBook[i]), table.count - 1)] * ctx.levers.activationFactor)
            let w = rng.words(agent: i, month: ctx.month, .activation)
            if Draw.unit(w.0) < p {
                pop.state[i] = Lifecycle.open.rawValue
                pop.flags[i] |= MonthFlags.firstSwipe
                activations += 1
            }
        }
        ledger.activations += activations
        if ctx.levers.firstSwipeActive { ledger.firstSwipeGifts += activations }
    }
}
