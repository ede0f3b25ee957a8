/// Kernel 6b, value beyond the card, after attrition, for every account of the block:
///
/// - a card that left the book this month takes its loan with it (repaid in full when closed,
///   written off with the card when charged off: cross-default) and ends its membership;
/// - a consumer loan (`ConsumerLoans`) accrues interest at apr / 12 on its balance, then
///   defaults with probability min(1, monthlyDefault x exp(riskSlope x z)), z the latent risk
///   (written off; `recoveryRate` of it recovered), or is paid down by its monthly payment; an
///   open, current card with no loan, on book `minimumMonthsOnBook` months or more and an
///   approval score of at least `minimumScore`, takes one with probability `takeUp` while the
///   lever is in force: min(incomeMultiple x income, maximumAmount) in whole thousands of yuan,
///   repaid in `termMonths` equal payments;
/// - a member (`Membership`) cancels with probability `churn`, else pays the monthly fee; an
///   active card (used within the dormancy window) not a member subscribes with probability
///   `takeUp` while the lever is in force, and pays its first fee.
///
/// Draws: purpose `crossSell`, w0 membership, w1 loan take-up, w2 loan default.
enum CrossSell {
    static func run(_ pop: Population, _ agents: AgentIndices, _ ctx: MonthContext,
                    _ rng: PathRandom, _ ledger: inout MonthLedger) {
        let open = Lifecycle.open.rawValue, issued = Lifecycle.issued.rawValue, chargedOff = Lifecycle.chargedOff.rawValue
        let levers = ctx.levers
        let loans = levers.loans
        var members: Int64 = 0, joins: Int64 = 0, fees: Int64 = 0
        var booked: Int64 = 0, disbursed: Int64 = 0, interest: Int64 = 0, payments: Int64 = 0
        var writeOffs: Int64 = 0, recoveries: Int64 = 0, outstanding: Int64 = 0, closing: Int64 = 0
        for k in agents {
            let i = Int(k)
            let state = pop.state[i]
            if state != open && state != issued {
                let balance = pop.loanBalance[i]
                if balance > 0 {
                    if state == chargedOff {
                        writeOffs += balance
                        recoveries += Int64(Double(balance) * loans.recoveryRate)
                    } else {
                        payments += balance
                    }
                    pop.loanBalance[i] = 0; pop.loanPayment[i] = 0
                }
                pop.member[i] = 0
                continue
            }
            guard levers.crossSelling || pop.loanBalance[i] > 0 || pop.member[i] != 0 else { continue }
            let w = rng.words(agent: i, month: ctx.month, .crossSell)
            var balance = pop.loanBalance[i]
            if balance > 0 {
                let charge = Int64(Double(balance) * loans.apr / 12)
                balance += charge
                interest += charge
                let p = min(1, loans.monthlyDefault * _exp(loans.riskSlope * pop.risk[i]))
                if Draw.unit(w.2) < p {
                    writeOffs += balance
                    recoveries += Int64(Double(balance) * loans.recoveryRate)
                    balance = 0
                } else {
                    let paid = min(pop.loanPayment[i], balance)
                    balance -= paid
                    payments += paid
                }
                if balance == 0 { pop.loanPayment[i] = 0 }
            } else if levers.loanTakeUp > 0 && state == open && pop.bucket[i] == 0
                        && Int(pop.monthsOnBook[i]) >= loans.minimumMonthsOnBook && pop.score[i] >= loans.minimumScore
                        && Draw.unit(w.1) < levers.loanTakeUp {
                let principal = Int64(min(loans.incomeMultiple * pop.income[i], loans.maximumAmount) / 1000) * 100_000
                if principal > 0 {
                    balance = principal
                    pop.loanPayment[i] = loans.payment(principal: principal)
                    disbursed += principal
                    booked += 1
                }
            }
            pop.loanBalance[i] = balance
            if balance > 0 { outstanding += 1; closing += balance }

            if pop.member[i] != 0 {
                if levers.membershipFee == 0 || Draw.unit(w.0) < levers.membershipChurn {
                    pop.member[i] = 0
                } else {
                    fees += levers.membershipFee
                }
            } else if levers.membershipTakeUp > 0 && state == open && pop.monthsSinceSpend[i] < ctx.dormancyMonths
                        && Draw.unit(w.0) < levers.membershipTakeUp {
                pop.member[i] = 1
                joins += 1
                fees += levers.membershipFee
            }
            if pop.member[i] != 0 { members += 1 }
        }
        ledger.members += members; ledger.memberJoins += joins; ledger.membershipFees += fees
        ledger.loansBooked += booked; ledger.loanDisbursed += disbursed; ledger.loanInterest += interest
        ledger.loanPayments += payments; ledger.loanWriteOffs += writeOffs; ledger.loanRecoveries += recoveries
        ledger.loanAccounts += outstanding; ledger.loanBalancesClosing += closing
    }
}
