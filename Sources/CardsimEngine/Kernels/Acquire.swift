/// Kernel 1, acquisition: prospects reached by a channel apply; the bank scores and decides.
///
/// A prospect of segment s applies through channel c with probability
/// `applyPropensity_s * intensity_c * affinity_{s,c} * share_s`, where share_s is the bank's
/// share of the segment's applications under the choice model (1 without competitors). The
/// approval score is `-q z + sqrt(1 - q^2) e` (q = model quality, z = latent risk, e standard
/// normal); approval when score >= cut-off, with the initial limit of `MonthContext.initialLimit`.
/// A rejected prospect waits `reapplyCooldownMonths` before it may apply again.
/// Draws: one block (purpose `acquisition`): u0 applies and channel, (u1, u2) the score noise.
enum Acquire {
    static func run(_ pop: Population, _ range: Range<Int>, _ ctx: MonthContext,
                    _ rng: PathRandom, _ ledger: inout MonthLedger) {
        let prospect = Lifecycle.prospect.rawValue
        var applications: Int64 = 0, approvals: Int64 = 0
        for i in range where pop.state[i] == prospect {
            if pop.cooldown[i] > 0 { pop.cooldown[i] &-= 1; continue }
            let cumulative = ctx.applyCumulative[Int(pop.segment[i])]
            let w = rng.words(agent: i, month: ctx.month, .acquisition)
            let u = Draw.unit(w.0)
            guard let last = cumulative.last, u < last else { continue }
            var channel = 0
            while u >= cumulative[channel] { channel += 1 }
            applications += 1
            ledger.applicationsByChannel[channel] += 1
            let score = -ctx.modelQuality * pop.risk[i] + ctx.modelNoise * Draw.normal(w.1, w.2)
            if score >= ctx.cutoff {
                approvals += 1
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
    }
}
