/// Kernel 5, delinquency: applies the payment outcome to the bucket. A roll moves the account
/// one bucket on (current -> 1-29 -> 30-59 ... -> 150-179 days); a roll from 150-179 days
/// reaches 180 days past due: with `writeOffDays` 180 it is written off at once, otherwise it
/// enters bucket 7 and ages a month at a time until `writeOffDays`. At write-off (charge-off)
/// the whole receivable is written off, `recoveryRate` of it is booked as recovered, and the
/// account leaves the book. A cure returns it to current. Entering 1-29
/// days records the receivable as the overdue principal that caps later charges (see
/// `Statement`); a cure clears it. During the run (`vintages` given), the write-off of an account
/// booked during the run is added to its vintage's cell: one account and its net loss.
enum Delinquency {
    static func run(_ pop: Population, _ agents: AgentIndices, _ ctx: MonthContext,
                    _ rng: PathRandom, _ ledger: inout MonthLedger, vintages: inout VintageTable?) {
        let last = UInt8(CreditDynamics.buckets - 1), past = CreditDynamics.pastWriteOffBucket
        var chargeOffs: Int64 = 0, recoveries: Int64 = 0, accounts: Int64 = 0
        @inline(__always) func writeOff(_ i: Int) {
            let loss = pop.receivable(i)
            let recovered = Int64(Double(loss) * ctx.recoveryRate)
            chargeOffs += loss
            recoveries += recovered
            accounts += 1
            let seg = Int(pop.segment[i])
            ledger.segmentFlows[seg].chargeOffs += loss
            ledger.segmentFlows[seg].chargeOffAccounts += 1
            let arms = pop.campaignArms[i]
            if arms != 0 {
                ledger.addArms(arms) { $0.chargeOffs += loss; $0.recoveries += recovered; $0.chargeOffAccounts += 1 }
            }
            let booked = Int(pop.observed.bookedMonth[i])
            if booked > 0, vintages != nil, let cell = vintages!.index(bookedMonth: booked, month: ctx.month) {
                vintages!.cells[cell].chargedOff += 1
                vintages!.cells[cell].netLoss += loss - recovered
            }
            pop.leaveBook(i, as: .chargedOff, wait: ctx.chargedOffReturnMonths)
        }
        for k in agents {
            let i = Int(k)
            if pop.bucket[i] == past {
                pop.monthsPast180[i] &+= 1
                if pop.monthsPast180[i] >= ctx.writeOffMonths { writeOff(i) }
                continue
            }
            let outcome = (pop.flags[i] & MonthFlags.outcomeMask) >> MonthFlags.outcomeShift
            if outcome == PaymentOutcome.roll.rawValue {
                if pop.bucket[i] == last {
                    if ctx.writeOffMonths == 0 {
                        writeOff(i)
                    } else {
                        pop.bucket[i] = past
                        pop.monthsPast180[i] = 0
                    }
                } else {
                    if pop.bucket[i] == 0 {
                        pop.overduePrincipal[i] = pop.receivable(i)
                        pop.overdueCharges[i] = 0
                    }
                    pop.bucket[i] += 1
                }
            } else if outcome == PaymentOutcome.cure.rawValue {
                pop.bucket[i] = 0
                pop.overduePrincipal[i] = 0
                pop.overdueCharges[i] = 0
            }
        }
        ledger.chargeOffs += chargeOffs
        ledger.recoveries += recoveries
        ledger.chargeOffAccounts += accounts
    }
}
