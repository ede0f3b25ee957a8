/// Kernel 1, acquisition: prospects reached by a channel apply; the bank scores and decides.
///
/// A prospect of segment s applies through channel c with probability
/// `applyPropensity_s * intensity_c * affinity_{s,c} * share_s`, where share_s is the bank's
/// share of the segment's applications under the choice model (1 without competitors). The
/// approval score is `-q z + sqrt(1 - q^2) e` (q = model quality, z = latent risk, e standard
/// normal); approval when score >= cut-off, with the initial limit of `MonthContext.initialLimit`.
/// A rejected prospect waits `reapplyCooldownMonths` before it may apply again.
/// Draws: `PathRandom.applicationWord` (applies, and through which channel), then for an
/// applicant one word of purpose `approval` (the score noise).
enum Acquire {
    static func run(_ pop: Population, _ range: Range<Int>, _ ctx: MonthContext,
                    _ rng: PathRandom, _ ledger: inout MonthLedger, _ scored: ScoredApproval? = nil) {
        let prospect = Lifecycle.prospect.rawValue
        var applications: Int64 = 0, approvals: Int64 = 0
        let quarterStart = (ctx.month - 1) & 3 == 0
        for i in range where pop.state[i] == prospect {
            // The four-month block is drawn in its first month and kept in `monthWords` (unused
            // by prospects otherwise): the same words as `applicationWord`, a quarter of the cost.
            let words = pop.monthWords + 4 * i
            if quarterStart {
                let w = rng.words(agent: i, month: (ctx.month - 1) >> 2, .acquisition)
                words[0] = w.0; words[1] = w.1; words[2] = w.2; words[3] = w.3
            }
            let u = Draw.unit(words[(ctx.month - 1) & 3])
            if pop.cooldown[i] > 0 { pop.cooldown[i] &-= 1; continue }
            let s = Int(pop.segment[i]) * ctx.channelCount
            guard u < ctx.applyCumulative[s + ctx.channelCount - 1] else { continue }
            var channel = 0
            while u >= ctx.applyCumulative[s + channel] { channel += 1 }
            applications += 1
            ledger.applicationsByChannel[channel] += 1
            // With a scorecard (`ScoredApproval`), its standardised score and cut-off decide.
            let score = scored.map { $0.scores[i] }
                ?? -ctx.modelQuality * pop.risk[i] + ctx.modelNoise * Draw.normal(rng.words(agent: i, month: ctx.month, .approval).0)
            if score >= scored?.cutoff ?? ctx.cutoff {
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
