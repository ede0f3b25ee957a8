/// The KPI catalogue: every KPI and P&L line cardsim reports, declared once with its id, label,
/// unit, kind, direction, headline flag, P&L membership and computation. Tables, charts, the
/// report, notebooks, checks and comparisons all read it; adding a KPI is one entry here (plus
/// the ledger field it reads, if new). Definitions, units and windows: docs/model/accounting-and-kpis.md.
extension KPI {
    private typealias Parts = @Sendable ([MonthRecord], Int) -> (Double, Double)
    private typealias Direction = KPIDirection

    /// A flow: the sum over months of a weighted monthly quantity (money in yuan, counts).
    private static func flow(_ id: String, _ label: String, _ unit: String, _ direction: Direction?,
                             headline: Bool = false, discounted: Bool = false,
                             _ s: String, _ f: @escaping @Sendable (MonthRecord) -> Double) -> KPI {
        KPI(id: id, unit: unit, summary: s, label: label, direction: direction, kind: .flow, headline: headline,
            profitLine: nil, aggregation: .total, weighted: true,
            discounted: discounted, parts: { r, t in (f(r[t]), 1) })
    }
    /// A flow that totals one line of the P&L (`ProfitAndLoss` property `value`, yuan).
    private static func flow(_ id: String, _ label: String, _ unit: String, _ direction: Direction?,
                             line: (String, Double, WritableKeyPath<ProfitAndLoss, Double> & Sendable),
                             _ s: String) -> KPI {
        let value = line.2
        return KPI(id: id, unit: unit, summary: s, label: label, direction: direction, kind: .flow, headline: false,
                   profitLine: ProfitLine(label: line.0, sign: line.1, value: value), aggregation: .total, weighted: true,
                   discounted: false, parts: { r, t in (r[t].pnl[keyPath: value], 1) })
    }
    /// A stock: the weighted value at the end of the last month.
    private static func stock(_ id: String, _ label: String, _ unit: String, _ direction: Direction?,
                              headline: Bool = false, _ s: String,
                              _ f: @escaping @Sendable (MonthRecord) -> Double) -> KPI {
        KPI(id: id, unit: unit, summary: s, label: label, direction: direction, kind: .stock, headline: headline,
            profitLine: nil, aggregation: .last, weighted: true, discounted: false, parts: { r, t in (f(r[t]), 1) })
    }
    /// A ratio of two end-of-month stocks, read in the last month (unweighted).
    private static func share(_ id: String, _ label: String, _ direction: Direction?,
                              headline: Bool = false, _ s: String, _ f: @escaping Parts) -> KPI {
        KPI(id: id, unit: "fraction", summary: s, label: label, direction: direction, kind: .ratio, headline: headline,
            profitLine: nil, aggregation: .last, weighted: false, discounted: false, parts: f)
    }
    /// A ratio of totals over the horizon: summed numerators over summed denominators.
    private static func ratio(_ id: String, _ label: String, _ unit: String, _ direction: Direction?,
                              headline: Bool = false, _ s: String, _ f: @escaping Parts) -> KPI {
        KPI(id: id, unit: unit, summary: s, label: label, direction: direction, kind: .ratio, headline: headline,
            profitLine: nil, aggregation: .ratioOfTotals, weighted: false, discounted: false, parts: f)
    }

    /// Every KPI cardsim reports, in output order.
    public static let all: [KPI] = [
        stock("cards_in_force", "cards in force", "cards", .higherIsBetter, headline: true,
              "cards issued and not closed or charged off, end of month") { Double($0.ledger.cardsInForce) },
        flow("applications", "applications", "applications", .higherIsBetter,
             "applications received through all channels") { Double($0.ledger.applications) },
        flow("new_accounts", "new accounts", "accounts", .higherIsBetter, headline: true,
             "applications approved and cards issued") { Double($0.ledger.newAccounts) },
        // Better higher: more of the applications paid for become accounts; the risk side
        // shows in the delinquency KPIs.
        ratio("approval_rate", "approval rate", "fraction", .higherIsBetter, "new accounts / applications") { r, t in
            (Double(r[t].ledger.newAccounts), Double(r[t].ledger.applications))
        },
        ratio("acquisition_cost_per_account", "acquisition cost per new account", "yuan", .lowerIsBetter,
              "acquisition cost / new accounts") { r, t in (r[t].pnl.acquisition, Double(r[t].ledger.newAccounts)) },
        ratio("bank_share_new_accounts", "bank's share of new accounts", "fraction", .higherIsBetter,
              "the bank's new accounts / all cards issued in the region (bank and competitors)") { r, t in
            let l = r[t].ledger
            return (Double(l.newAccounts), Double(l.newAccounts + l.competitorNewAccounts.reduce(0, +)))
        },
        flow("attrition_to_competitors", "attrition to competitors", "accounts", .lowerIsBetter,
             "the bank's card holders who left for a competitor (switching or a balance transfer)") { Double($0.ledger.attritionToCompetitor.reduce(0, +)) },
        share("active_rate", "active-card rate", .higherIsBetter, headline: true,
              "cards used within the dormancy window (6 months) / cards in force") { r, t in
            (Double(r[t].ledger.activeCards), Double(r[t].ledger.cardsInForce))
        },
        share("dormant_share", "dormant share", .lowerIsBetter,
              "cards unused for the dormancy window or longer, or never activated after it / cards in force") { r, t in
            (Double(r[t].ledger.dormantCards), Double(r[t].ledger.cardsInForce))
        },
        share("long_dormant_share", "long-dormant share", .lowerIsBetter, headline: true,
              "cards with no customer-initiated transaction for 18 months or more and no balance / cards in force (regulatory definition; ceiling 0.20)") { r, t in
            (Double(r[t].ledger.longDormantCards), Double(r[t].ledger.cardsInForce))
        },
        flow("dormant_cleanup_closures", "long-dormant cards closed", "cards", nil,
             "long-dormant cards closed by the dormant-card clean-up") { Double($0.ledger.cleanupClosures) },
        ratio("issuance_stopped_share", "months with issuance stopped", "fraction", .lowerIsBetter,
              "months in which the long-dormant ceiling stopped new cards / months") { r, t in
            (Double(r[t].ledger.issuanceStopped), 1)
        },
        flow("spend", "card spend", "yuan", .higherIsBetter, "card spend (purchases)") { Double($0.ledger.spend) * 0.01 },
    ] + Category.allCases.map { c in
        flow("spend_\(c.name)", "\(c.name) spend", "yuan", .higherIsBetter,
             "card spend in the \(c.name) category") { $0.ledger.spendByCategory[c.rawValue] }
    } + [
        ratio("spend_per_active_card", "spend per active card", "yuan per month", .higherIsBetter,
              "card spend / active cards, per month (summed over months)") { r, t in
            (Double(r[t].ledger.spend) * 0.01, Double(r[t].ledger.activeCards))
        },
        ratio("swipes_per_active_card", "swipes per active card", "swipes per month", .higherIsBetter,
              "swipes / active cards, per month (summed over months)") { r, t in
            (Double(r[t].ledger.swipes), Double(r[t].ledger.activeCards))
        },
        share("light_user_active_rate", "active rate of light users", .higherIsBetter,
              "occasional users' cards used within the dormancy window / occasional users' cards in force") { r, t in
            (Double(r[t].ledger.lightUserActiveCards), Double(r[t].ledger.lightUserCards))
        },
        flow("installment_volume", "installment volume", "yuan", .higherIsBetter,
             "principal of bill and cash installments booked") { Double($0.ledger.installmentVolume) * 0.01 },
        // Last 12 months over first 12 months, less 1 (runs shorter than 24 months compare
        // overlapping windows of min(12, T) months).
        ratio("installment_volume_growth", "installment volume growth, last year over first", "fraction", .higherIsBetter,
              "installment volume of the run's last 12 months / its first 12 months, minus 1") { r, t in
            let window = min(12, r.count), v = Double(r[t].ledger.installmentVolume)
            let first = t < window ? v : 0, last = t >= r.count - window ? v : 0
            return (last - first, first)
        },
        ratio("target_segment_share", "share of new accounts in the target segments", "fraction", .higherIsBetter,
              "new accounts in market.target_segments / new accounts") { r, t in
            (Double(r[t].ledger.targetSegmentNewAccounts), Double(r[t].ledger.newAccounts))
        },
        ratio("complaint_rate", "complaint rate", "fraction per year", .lowerIsBetter,
              "expected complaints (market.complaints) / card-years in force") { r, t in
            (r[t].ledger.complaints, Double(r[t].ledger.cardsInForce) / 12)
        },
        flow("balance_transfers_out", "balance transfers out", "accounts", .lowerIsBetter,
             "revolvers who moved their balance to another issuer and closed the card") { Double($0.ledger.balanceTransfers) },
        flow("balance_transferred_out", "balances transferred out", "yuan", .lowerIsBetter,
             "balances those revolvers took to other issuers") { Double($0.ledger.balanceTransferred) * 0.01 },
        ratio("bank_share_card_spend", "bank's share of card spend", "fraction", .higherIsBetter,
              "spend on the bank's cards / all card spend in the region") { r, t in
            let bank = Double(r[t].ledger.spend) * 0.01
            return (bank, bank + r[t].ledger.competitorSpend)
        },
        stock("receivables", "receivables", "yuan", .higherIsBetter,
              "amount owed to the bank, end of month") { Double($0.ledger.receivablesClosing) * 0.01 },
        KPI(id: "receivables_per_card", unit: "yuan", summary: "receivables / cards in force, end of month",
            label: "receivables per card", direction: .higherIsBetter, kind: .ratio, headline: false, profitLine: nil,
            aggregation: .last, weighted: false, discounted: false,
            parts: { r, t in (Double(r[t].ledger.receivablesClosing) * 0.01, Double(r[t].ledger.cardsInForce)) }),
        ratio("spend_per_card", "spend per card", "yuan per month", .higherIsBetter,
              "card spend / cards in force, per month (summed over months)") { r, t in
            (Double(r[t].ledger.spend) * 0.01, Double(r[t].ledger.cardsInForce))
        },
        flow("interest_income", "interest income", "yuan", .higherIsBetter, line: ("interest", 1, \.interest),
             "revolving interest"),
        flow("installment_fee_income", "installment fee income", "yuan", .higherIsBetter, line: ("installment fees", 1, \.installmentFees),
             "bill and cash installment fees"),
        flow("annual_fee_income", "annual fee income", "yuan", .higherIsBetter, line: ("annual fees", 1, \.annualFees),
             "annual fees charged"),
        flow("late_fee_income", "late fee income", "yuan", .higherIsBetter, line: ("late fees", 1, \.lateFees),
             "late fees charged"),
        flow("cash_advance_fee_income", "cash advance fee income", "yuan", .higherIsBetter, line: ("cash-advance fees", 1, \.cashAdvanceFees),
             "one-off cash installment fees"),
        flow("interchange_income", "interchange income", "yuan", .higherIsBetter, line: ("interchange", 1, \.interchange),
             "interchange on spend"),
        flow("acquiring_share_income", "acquiring share income", "yuan", .higherIsBetter, line: ("acquiring share", 1, \.acquiringShare),
             "the bank's share of acquiring revenue on alliance spend"),
        flow("merchant_acquiring_income", "merchant acquiring income", "yuan", .higherIsBetter, line: ("merchant acquiring", 1, \.merchantAcquiring),
             "net acquiring revenue on alliance merchants' whole turnover"),
        flow("membership_income", "membership income", "yuan", .higherIsBetter, line: ("membership fees", 1, \.membershipFees),
             "membership subscription fees"),
        flow("loan_interest_income", "consumer-loan interest income", "yuan", .higherIsBetter, line: ("consumer-loan interest", 1, \.loanInterest),
             "interest on consumer loans cross-sold to cardholders"),
        flow("revenue", "revenue", "yuan", .higherIsBetter, "all revenue lines") { $0.pnl.revenue },
    ] + revenueMix + [
        flow("rewards_cost", "rewards cost", "yuan", .lowerIsBetter, line: ("rewards", -1, \.rewards),
             "cost of points and cashback (theme cards included)"),
        flow("alliance_cost", "alliance cost", "yuan", .lowerIsBetter, line: ("alliance cost", -1, \.allianceCost),
             "bank-funded alliance discounts and alliance fixed costs"),
        flow("campaign_cost", "campaign cost", "yuan", .lowerIsBetter, line: ("campaigns", -1, \.campaignCost),
             "reactivation contacts, first-swipe gifts, precision marketing"),
        flow("collections_cost", "collections cost", "yuan", .lowerIsBetter, line: ("collections", -1, \.collectionsCost),
             "collections on past-due accounts"),
        flow("funding_cost", "funding cost", "yuan", .lowerIsBetter, line: ("funding", -1, \.funding),
             "funding of receivables and of transactors' float"),
        flow("operating_cost", "operating cost", "yuan", .lowerIsBetter, line: ("operating cost", -1, \.operating),
             "servicing cost of cards in force"),
        flow("acquisition_cost", "acquisition cost", "yuan", .lowerIsBetter, line: ("acquisition cost", -1, \.acquisition),
             "cost of applications"),
        flow("membership_benefit_cost", "membership benefit cost", "yuan", .lowerIsBetter, line: ("membership benefits", -1, \.membershipBenefits),
             "benefits paid for members"),
        flow("loan_funding_cost", "consumer-loan funding cost", "yuan", .lowerIsBetter, line: ("consumer-loan funding", -1, \.loanFunding),
             "funding of the consumer-loan book"),
        flow("loan_losses", "consumer-loan credit losses", "yuan", .lowerIsBetter, line: ("consumer-loan losses", -1, \.loanLosses),
             "consumer-loan write-offs less recoveries"),
        stock("members", "membership subscribers", "customers", .higherIsBetter,
              "cardholders holding the membership, end of month") { Double($0.ledger.members) },
        stock("loan_balances", "consumer-loan balances", "yuan", .higherIsBetter,
              "consumer-loan principal outstanding, end of month") { Double($0.ledger.loanBalancesClosing) * 0.01 },
        flow("loans_booked", "consumer loans booked", "loans", .higherIsBetter,
             "consumer loans cross-sold to cardholders") { Double($0.ledger.loansBooked) },
        flow("credit_losses", "credit losses", "yuan", .lowerIsBetter, line: ("credit losses", -1, \.creditLosses),
             "charge-offs less recoveries"),
        share("overdue_rate", "overdue rate (30+ days)", .lowerIsBetter, headline: true,
              "receivables 30+ days past due / receivables") { r, t in
            (Double(r[t].ledger.receivables30Plus), Double(r[t].ledger.receivablesClosing))
        },
        share("npl_ratio", "non-performing ratio (90+ days)", .lowerIsBetter,
              "receivables 90+ days past due, not yet written off / receivables") { r, t in
            (Double(r[t].ledger.receivables90Plus), Double(r[t].ledger.receivablesClosing))
        },
        share("overdue_6m_ratio", "6-month overdue ratio (PBOC)", .lowerIsBetter, headline: true,
              "receivables more than 180 days past due, not yet written off / receivables (PBOC definition)") { r, t in
            (Double(r[t].ledger.receivablesPast180), Double(r[t].ledger.receivablesClosing))
        },
        share("charge_off_12m_ratio", "trailing 12-month charge-offs / receivables", .lowerIsBetter,
              "charge-offs of the last 12 months (spin-up months included) / receivables at month end") { r, t in
            (Double(r[t].ledger.chargeOffsTrailing12), Double(r[t].ledger.receivablesClosing))
        },
        share("utilization", "credit-line utilisation", nil,
              "receivables / credit lines of the cards in force, end of month") { r, t in
            (Double(r[t].ledger.receivablesClosing), Double(r[t].ledger.creditLines))
        },
        ratio("charge_off_rate", "charge-off rate", "fraction per year", .lowerIsBetter, headline: true,
              "charge-offs / average receivables, annualised") { r, t in
            (Double(r[t].ledger.chargeOffs) * 12, Double(r[t].ledger.receivablesOpening + r[t].ledger.receivablesClosing) * 0.5)
        },
        ratio("bad_debt_rate", "bad-debt rate", "fraction per year", .lowerIsBetter, headline: true,
              "charge-offs less recoveries / average receivables, annualised") { r, t in
            (Double(r[t].ledger.chargeOffs - r[t].ledger.recoveries) * 12,
             Double(r[t].ledger.receivablesOpening + r[t].ledger.receivablesClosing) * 0.5)
        },
        flow("net_income", "net income", "yuan", .higherIsBetter, headline: true,
             "revenue less all costs and credit losses") { $0.pnl.netIncome },
        flow("npv", "NPV", "yuan", .higherIsBetter, headline: true, discounted: true,
             "net income discounted monthly at the scenario's annual discount rate") { $0.pnl.netIncome },
    ]

    /// The headline KPIs, in catalogue order.
    public static let headline: [KPI] = all.filter(\.headline)
    /// The KPIs that total a line of the P&L, in catalogue order (revenue first).
    public static let profitLines: [KPI] = all.filter { $0.profitLine != nil }

    public static func named(_ id: String) -> KPI? { index[id].map { all[$0] } }
    private static let index: [String: Int] = Dictionary(uniqueKeysWithValues: all.enumerated().map { ($0.element.id, $0.offset) })

    /// A KPI's label; for ids the catalogue does not hold, the id with spaces.
    public static func label(_ id: String) -> String {
        named(id)?.label ?? id.replacingOccurrences(of: "_", with: " ")
    }

    /// The revenue mix: each income line's share of revenue over the run (acquiring: the
    /// alliance share and merchant acquiring together).
    private static let revenueMix: [KPI] = [
        ("interest", "interest", { (p: ProfitAndLoss) in p.interest }),
        ("installment_fees", "installment fees", { $0.installmentFees }),
        ("annual_fees", "annual fees", { $0.annualFees }),
        ("late_fees", "late fees", { $0.lateFees }),
        ("cash_advance_fees", "cash-advance fees", { $0.cashAdvanceFees }),
        ("interchange", "interchange", { $0.interchange }),
        ("acquiring", "acquiring", { $0.acquiringShare + $0.merchantAcquiring }),
        ("membership", "membership", { $0.membershipFees }),
        ("loan_interest", "consumer-loan interest", { $0.loanInterest }),
    ].map { id, label, line in
        ratio("revenue_share_\(id)", "\(label) share of revenue", "fraction", nil,
              "\(label) income / revenue") { r, t in (line(r[t].pnl), r[t].pnl.revenue) }
    }
}
