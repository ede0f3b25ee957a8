/// Kernel 2, activation: an issued card makes its first swipe with probability
/// `activationProbability * activationDecay^monthsOnBook`; the spend kernel then records the
/// first month's spend. A first-swipe campaign multiplies the probability of the new cards in
/// its audience by 1 + activationUplift (capped at 1) and pays a gift per such card activated
/// while it runs. In run months the audience is split into arms (`CampaignArm`): the share
/// `holdout` (stable draw `holdout` w1) is kept as a control group without the incentive.
/// Draws: purpose `activation`, u0.
enum Activate {
    static func run(_ pop: Population, _ agents: AgentIndices, _ ctx: MonthContext,
                    _ rng: PathRandom, _ ledger: inout MonthLedger) {
        let issued = Lifecycle.issued.rawValue
        let table = ctx.activationByMonthOnBook
        let levers = ctx.levers
        let kind = CampaignKind.firstSwipe.rawValue
        var activations: Int64 = 0, gifts: Int64 = 0
        for k in agents {
            let i = Int(k)
            guard pop.state[i] == issued else { continue }
            var factor = 1.0, treated = false
            if levers.firstSwipeActive && levers.firstSwipeAudience.admits(pop, i) {
                var held = false
                if levers.splitsArms {
                    held = levers.firstSwipeHoldout > 0
                        && Draw.unit(rng.words(agent: i, month: 0, .holdout).1) < levers.firstSwipeHoldout
                    let bit = CampaignArm.bit(kind, heldOut: held)
                    if pop.campaignArms[i] & bit == 0 {
                        pop.campaignArms[i] |= bit
                        ledger.addArms(bit) { $0.assigned += 1 }
                    }
                }
                if !held && levers.firstSwipeActs { factor = levers.activationFactor; treated = true }
            }
            let p = min(1, table[min(Int(pop.monthsOnBook[i]), table.count - 1)] * factor)
            let w = rng.words(agent: i, month: ctx.month, .activation)
            if Draw.unit(w.0) < p {
                pop.state[i] = Lifecycle.open.rawValue
                pop.flags[i] |= MonthFlags.firstSwipe
                activations += 1
                ledger.segmentFlows[Int(pop.segment[i])].activations += 1
                // Activation within 3 months of a booking made during the run, observed in full.
                let mob = Int(pop.monthsOnBook[i]), bookedMonth = ctx.month - mob
                if mob <= 2 && ctx.month >= 1 && (mob == 0 || pop.observed.bookedMonth[i] > 0)
                    && bookedMonth <= ctx.runMonths - 2 && Int(pop.channel[i]) < ledger.channelFlows.count {
                    ledger.channelFlows[Int(pop.channel[i])].activatedWithin3 += 1
                }
                let arms = pop.campaignArms[i]
                if treated {
                    gifts += 1
                    if arms != 0 { ledger.addArms(CampaignArm.bit(kind, heldOut: false)) { $0.contacts += 1 } }
                }
                if arms != 0 { ledger.addArms(arms) { $0.activations += 1 } }
            }
        }
        ledger.activations += activations
        ledger.firstSwipeGifts += gifts
    }
}
