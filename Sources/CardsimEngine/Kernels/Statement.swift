/// Kernel 4, payment and statement, for every issued or open account, in this order:
///
/// 1. annual fee on each anniversary (months on book 12, 24, ...) of an activated card unless
///    it was swiped `annualFeeWaiverSwipes` times in the card year (never waived without a
///    waiver); the swipe count restarts;
/// 2. installments bill their monthly principal and fee into the revolving balance;
/// 3. a current account on book 6+ months with no cash installment takes one with its
///    segment's propensity times the fee response (`Responses.installmentTakeUp`): min(cap, income multiple x income, open-to-buy), whole thousands of
///    yuan, over `cashInstallmentMonths` (caps: 50,000 yuan, 24 months), one-off fee charged;
/// 4. payment of last month's statement D: with the roll / cure probabilities of
///    `CreditDynamics` (cure multiplied by the collections intensity, capped so roll + cure
///    <= 1) the account misses (pays nothing; late fee = rate x minimum), pays the current
///    minimum only (stays in its bucket), or pays as usual (transactors D in full; revolvers
///    max(minimum, f' x D), f' their pay fraction at their APR, `Responses.payFraction`); a curing account pays its arrears, (bucket + 1) x minimum
///    (a revolver its usual amount if more). Minimum = min(D, max(floor, rate x D));
/// 5. interest at APR / 12 on what is carried of D (purchases paid in full by the due date
///    are interest-free); APR and installment fee rate come from the account's pricing tier
///    (by approval score) when the strategy has tiers;
/// 6. a current revolver whose new statement is at least the threshold converts a share of it
///    into a bill installment with its segment's propensity times the fee response;
/// 7. the statement is cut: the revolving balance becomes next month's D.
///
/// Regulatory cap: while an account is past due, interest and fees charged since it became
/// past due never exceed the overdue principal (its receivable when it entered 1-29 days);
/// charges beyond the cap are waived.
/// Amounts are truncated to the fen. Draws: `installments` (w0 cash, w1 bill) and the month
/// block's w2 (payment).
enum Statement {
    /// Cure probability from a past-due bucket: the base cure keeps its ratio to "stay" as the
    /// roll probability moves, times the collections intensity, at most 1 - roll.
    @inline(__always)
    static func cure(roll: Double, bucket: Int, _ ctx: MonthContext) -> Double {
        let base: Double = ctx.baseCure[bucket] * (1 - roll) / (1 - ctx.baseRoll[bucket])
        return min(1 - roll, ctx.levers.cureMultiplier * base)
    }

    static func run(_ pop: Population, _ agents: AgentIndices, _ ctx: MonthContext,
                    _ rng: PathRandom, _ ledger: inout MonthLedger) {
        let open = Lifecycle.open.rawValue, issued = Lifecycle.issued.rawValue
        var annualFees: Int64 = 0, installmentFees: Int64 = 0, cashDisbursed: Int64 = 0
        var cashAdvanceFees: Int64 = 0, payments: Int64 = 0, lateFees: Int64 = 0, interest: Int64 = 0
        var booked: Int64 = 0
        for k in agents {
            let i = Int(k)
            let state = pop.state[i]
            guard state == open || state == issued else { continue }
            // 180+ days past due, awaiting write-off: no payment, no charges (non-accrual).
            if pop.bucket[i] >= CreditDynamics.pastWriteOffBucket {
                pop.flags[i] = (pop.flags[i] & ~MonthFlags.outcomeMask) | (PaymentOutcome.stay.rawValue << MonthFlags.outcomeShift)
                continue
            }
            let s = Int(pop.segment[i])
            let chargedBefore = annualFees + installmentFees + cashAdvanceFees + lateFees + interest
            var revolving = pop.revolving[i]
            let bucket = Int(pop.bucket[i])
            // Room left under the overdue charges cap (unbounded while current).
            var room = bucket > 0 ? max(0, pop.overduePrincipal[i] - pop.overdueCharges[i]) : Int64.max
            @inline(__always) func capped(_ amount: Int64) -> Int64 {
                let c = min(amount, room)
                room -= c
                return c
            }
            let pricing = ctx.pricing(score: pop.score[i])
            let monthlyRate = pricing.monthlyRate, feeRate = pricing.feeRate
            var charged: Int64 = 0

            // 1. Annual fee.
            let mob = pop.monthsOnBook[i]
            if state == open && mob > 0 && mob % 12 == 0 {
                if pop.swipesThisYear[i] < ctx.waiverSwipes && ctx.annualFee > 0 {
                    let fee = capped(ctx.annualFee)
                    revolving += fee
                    annualFees += fee
                    charged += fee
                    pop.flags[i] |= MonthFlags.annualFeeCharged
                    if Int(pop.swipesThisYear[i]) <= ctx.barelyUsedSwipes { ledger.annualFeesOnBarelyUsedCards += 1 }
                }
                pop.swipesThisYear[i] = 0
            }

            // 2. Installments bill principal and fee.
            if pop.billBalance[i] > 0 {
                let due = min(pop.billPrincipal[i], pop.billBalance[i])
                let fee = capped(pop.billFee[i])
                pop.billBalance[i] -= due
                revolving += due + fee
                installmentFees += fee
                charged += fee
            }
            if pop.cashBalance[i] > 0 {
                let due = min(pop.cashPrincipal[i], pop.cashBalance[i])
                let fee = capped(pop.cashFee[i])
                pop.cashBalance[i] -= due
                revolving += due + fee
                installmentFees += fee
                charged += fee
            }

            // 3. Cash installment.
            let current = state == open && bucket == 0
            let w = current ? rng.words(agent: i, month: ctx.month, .installments) : (0, 0, 0, 0)
            if current && pop.cashBalance[i] == 0 && mob >= 6 && Draw.unit(w.0) < ctx.cashPropensity[s] * pricing.takeUp {
                let openToBuy = Double(pop.limit[i] - revolving - pop.billBalance[i]) * 0.01
                let yuan = min(ctx.cashCap, ctx.cashIncomeMultiple * pop.income[i], openToBuy)
                let amount = Int64(max(yuan, 0) / 1000) * 100_000
                if amount > 0 {
                    pop.cashBalance[i] = amount
                    pop.cashPrincipal[i] = (amount + ctx.cashMonths - 1) / ctx.cashMonths
                    pop.cashFee[i] = Int64(Double(amount) * feeRate)
                    cashDisbursed += amount
                    booked += amount
                    let fee = Int64(Double(amount) * ctx.cashAdvanceFeeRate)
                    revolving += fee
                    cashAdvanceFees += fee
                }
            }

            // 4. Payment of last month's statement.
            var outcome = PaymentOutcome.normal
            let due = pop.due[i]
            if due > 0 || bucket > 0 {
                let minimum = min(due, max(ctx.minimumPaymentFloor, Int64(Double(due) * ctx.minimumPaymentRate)))
                let seasoning = ctx.seasoningTable[min(Int(mob), ctx.seasoningTable.count - 1)]
                var shift = ctx.riskSlope * pop.risk[i] + ctx.macroShift + seasoning
                if ctx.feedback {
                    // Utilisation as a stress signal: what is carried. A current transactor's
                    // statement is its month's purchases, paid in full, so only its installments count.
                    let carried = pop.payFraction[i] >= 1 && bucket == 0 ? 0 : revolving
                    let owed = carried + pop.billBalance[i] + pop.cashBalance[i]
                    shift += ctx.utilizationSlope * (Double(owed) / Double(max(pop.limit[i], 1)) - 0.3)
                }
                let roll = logistic(ctx.rollLogit[bucket] + shift)
                let u = Draw.unit(pop.monthWords[4 * i + 2])
                // A revolver's pay fraction answers its APR (`Responses.debtFactor`).
                let base = pop.payFraction[i]
                let fraction = base >= 1 ? 1 : Responses.payFraction(base, debtFactor: pricing.debtFactor)
                let usual = fraction >= 1 ? due : max(minimum, Int64(Double(due) * fraction))
                var paid: Int64
                if u < roll {
                    outcome = .roll
                    paid = 0
                } else if bucket == 0 {
                    paid = usual
                } else if u < roll + Self.cure(roll: roll, bucket: bucket, ctx) {
                    // A cure pays the arrears, (bucket + 1) minimums; a revolver pays its usual
                    // amount if more. A transactor does not clear the whole balance in the month
                    // it cures: it keeps a statement, so next month it faces the roll draw as
                    // the chain says (it pays in full again from then on).
                    outcome = .cure
                    let arrears = minimum * Int64(bucket + 1)
                    paid = fraction >= 1 ? min(arrears, due) : max(usual, arrears)
                } else {
                    outcome = .stay
                    paid = minimum
                }
                paid = min(paid, revolving)
                revolving -= paid
                payments += paid
                // 5. Interest on what is carried of the statement, then the late fee.
                let carried = min(due - paid, revolving)
                if carried > 0 {
                    let charge = capped(Int64(Double(carried) * monthlyRate))
                    revolving += charge
                    interest += charge
                    charged += charge
                }
                if outcome == .roll && minimum > 0 {
                    let fee = capped(Int64(Double(minimum) * ctx.lateFeeRate))
                    revolving += fee
                    lateFees += fee
                    charged += fee
                }
            }
            if bucket > 0 { pop.overdueCharges[i] += charged }

            // 6. Bill installment on the new statement.
            if current && outcome != .roll && pop.payFraction[i] < 1 && pop.billBalance[i] == 0
                && revolving >= ctx.billThreshold && Draw.unit(w.1) < ctx.billPropensity[s] * pricing.takeUp
            {
                let amount = Int64(Double(revolving) * ctx.billShare)
                booked += amount
                revolving -= amount
                pop.billBalance[i] = amount
                pop.billPrincipal[i] = (amount + ctx.billMonths - 1) / ctx.billMonths
                pop.billFee[i] = Int64(Double(amount) * feeRate)
            }

            // 7. Statement cut.
            pop.flags[i] = (pop.flags[i] & ~MonthFlags.outcomeMask) | (outcome.rawValue << MonthFlags.outcomeShift)
            pop.revolving[i] = revolving
            pop.due[i] = revolving
            let charges = annualFees + installmentFees + cashAdvanceFees + lateFees + interest - chargedBefore
            ledger.segmentFlows[s].charges += charges
            let arms = pop.campaignArms[i]
            if arms != 0 { ledger.addArms(arms) { $0.charges += charges } }
        }
        ledger.annualFees += annualFees
        ledger.installmentFees += installmentFees
        ledger.cashDisbursed += cashDisbursed
        ledger.cashAdvanceFees += cashAdvanceFees
        ledger.payments += payments
        ledger.lateFees += lateFees
        ledger.interest += interest
        ledger.installmentVolume += booked
    }
}
