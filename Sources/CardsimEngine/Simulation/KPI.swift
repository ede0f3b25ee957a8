/// A key performance indicator: how to read it off one month of a path, and off a whole path.
///
/// Counts and money are scaled by the agent weight (adults per agent) so that they speak of the
/// whole region; shares and ratios are not. A path's value aggregates its months as
/// `aggregation` says.
public struct KPI: Sendable {
    public enum Aggregation: Sendable {
        /// Sum of the monthly values over the horizon (flows: spend, income, new accounts).
        case total
        /// Value in the last month (stocks and shares: cards in force, active rate).
        case last
        /// Ratio of the summed numerators to the summed denominators over the horizon
        /// (e.g. acquisition cost per new account).
        case ratioOfTotals
    }

    /// Identifier used in files (snake case).
    public let id: String
    /// Unit of the value.
    public let unit: String
    /// One line saying what it measures.
    public let summary: String
    public let aggregation: Aggregation
    /// Whether counts or money: multiplied by the agent weight.
    public let weighted: Bool
    /// Numerator and denominator in month index `t` of a path's records (denominator 1 for
    /// plain quantities).
    let parts: @Sendable (_ records: [MonthRecord], _ t: Int) -> (Double, Double)

    /// The KPI in month index `t` (0-based) of a path. `discount` multiplies flows (NPV only).
    public func monthly(_ records: [MonthRecord], _ t: Int, weight: Double, discount: Double) -> Double {
        let (n, d) = parts(records, t)
        let scale = (weighted ? weight : 1) * (id == "npv" ? discount : 1)
        if d == 1 { return n * scale }
        return d > 0 ? n / d * scale : 0
    }

    /// The KPI over a whole path (months 1...M), with monthly discount factors.
    public func path(_ records: [MonthRecord], weight: Double, discountFactors: [Double]) -> Double {
        switch aggregation {
        case .total:
            var s = 0.0
            for t in records.indices { s += monthly(records, t, weight: weight, discount: discountFactors[t]) }
            return s
        case .last:
            return records.isEmpty ? 0 : monthly(records, records.count - 1, weight: weight, discount: 1)
        case .ratioOfTotals:
            var n = 0.0, d = 0.0
            for t in records.indices { let (a, b) = parts(records, t); n += a; d += b }
            return d > 0 ? n / d * (weighted ? weight : 1) : 0
        }
    }

    /// Monthly discount factors (1 + r)^(-t/12) for t = 1...months.
    public static func discountFactors(rate: Double, months: Int) -> [Double] {
        (0..<months).map { t in _pow(1 + rate, -Double(t + 1) / 12) }
    }
}

extension KPI {
    private typealias Parts = @Sendable ([MonthRecord], Int) -> (Double, Double)

    private static func flow(_ id: String, _ unit: String, _ s: String,
                             _ f: @escaping @Sendable (MonthRecord) -> Double) -> KPI {
        KPI(id: id, unit: unit, summary: s, aggregation: .total, weighted: true, parts: { r, t in (f(r[t]), 1) })
    }
    private static func stock(_ id: String, _ unit: String, _ s: String,
                              _ f: @escaping @Sendable (MonthRecord) -> Double) -> KPI {
        KPI(id: id, unit: unit, summary: s, aggregation: .last, weighted: true, parts: { r, t in (f(r[t]), 1) })
    }
    private static func share(_ id: String, _ s: String, _ f: @escaping Parts) -> KPI {
        KPI(id: id, unit: "fraction", summary: s, aggregation: .last, weighted: false, parts: f)
    }
    private static func ratio(_ id: String, _ unit: String, weighted: Bool = false, _ s: String,
                              _ f: @escaping Parts) -> KPI {
        KPI(id: id, unit: unit, summary: s, aggregation: .ratioOfTotals, weighted: weighted, parts: f)
    }

    /// Every KPI cardsim reports, in output order.
    public static let all: [KPI] = [
        stock("cards_in_force", "cards", "cards issued and not closed or charged off, end of month") { Double($0.ledger.cardsInForce) },
        flow("applications", "applications", "applications received through all channels") { Double($0.ledger.applications) },
        flow("new_accounts", "accounts", "applications approved and cards issued") { Double($0.ledger.newAccounts) },
        ratio("approval_rate", "fraction", "new accounts / applications") { r, t in (Double(r[t].ledger.newAccounts), Double(r[t].ledger.applications)) },
        ratio("acquisition_cost_per_account", "yuan", "acquisition cost / new accounts") { r, t in (r[t].pnl.acquisition, Double(r[t].ledger.newAccounts)) },
        ratio("bank_share_new_accounts", "fraction", "the bank's new accounts / all cards issued in the region (bank and competitors)") { r, t in
            let l = r[t].ledger
            return (Double(l.newAccounts), Double(l.newAccounts + l.competitorNewAccounts.reduce(0, +)))
        },
        flow("attrition_to_competitors", "accounts", "the bank's card holders who left for a competitor") { Double($0.ledger.attritionToCompetitor.reduce(0, +)) },
        share("active_rate", "cards used within the dormancy window (6 months) / cards in force") { r, t in (Double(r[t].ledger.activeCards), Double(r[t].ledger.cardsInForce)) },
        share("dormant_share", "cards unused for the dormancy window or longer, or never activated after it / cards in force") { r, t in (Double(r[t].ledger.dormantCards), Double(r[t].ledger.cardsInForce)) },
        share("long_dormant_share", "cards unused (or never activated) for 18 months or more / cards in force; target at most 0.20") { r, t in (Double(r[t].ledger.longDormantCards), Double(r[t].ledger.cardsInForce)) },
        flow("spend", "yuan", "card spend (purchases)") { Double($0.ledger.spend) * 0.01 },
        ratio("bank_share_card_spend", "fraction", "spend on the bank's cards / all card spend in the region") { r, t in
            let bank = Double(r[t].ledger.spend) * 0.01
            return (bank, bank + r[t].ledger.competitorSpend)
        },
        stock("receivables", "yuan", "amount owed to the bank, end of month") { Double($0.ledger.receivablesClosing) * 0.01 },
        flow("interest_income", "yuan", "revolving interest") { $0.pnl.interest },
        flow("installment_fee_income", "yuan", "bill and cash installment fees") { $0.pnl.installmentFees },
        flow("annual_fee_income", "yuan", "annual fees charged") { $0.pnl.annualFees },
        flow("late_fee_income", "yuan", "late fees charged") { $0.pnl.lateFees },
        flow("cash_advance_fee_income", "yuan", "one-off cash installment fees") { $0.pnl.cashAdvanceFees },
        flow("interchange_income", "yuan", "interchange on spend") { $0.pnl.interchange },
        flow("acquiring_share_income", "yuan", "the bank's share of acquiring revenue on alliance spend") { $0.pnl.acquiringShare },
        flow("revenue", "yuan", "all revenue lines") { $0.pnl.revenue },
        flow("rewards_cost", "yuan", "cost of points and cashback (theme cards included)") { $0.pnl.rewards },
        flow("alliance_cost", "yuan", "bank-funded alliance discounts and alliance fixed costs") { $0.pnl.allianceCost },
        flow("campaign_cost", "yuan", "reactivation contacts, first-swipe gifts, precision marketing") { $0.pnl.campaignCost },
        flow("collections_cost", "yuan", "collections on past-due accounts") { $0.pnl.collectionsCost },
        flow("funding_cost", "yuan", "funding of receivables") { $0.pnl.funding },
        flow("operating_cost", "yuan", "servicing cost of cards in force") { $0.pnl.operating },
        flow("acquisition_cost", "yuan", "cost of applications") { $0.pnl.acquisition },
        flow("credit_losses", "yuan", "charge-offs less recoveries") { $0.pnl.creditLosses },
        share("overdue_rate", "receivables 30+ days past due / receivables") { r, t in (Double(r[t].ledger.receivables30Plus), Double(r[t].ledger.receivablesClosing)) },
        share("overdue_6m_ratio", "balances that reached 180 days past due in the last 12 months / receivables") { r, t in
            var co: Int64 = 0
            for s in max(0, t - 11)...t { co += r[s].ledger.chargeOffs }
            return (Double(co), Double(r[t].ledger.receivablesClosing))
        },
        ratio("charge_off_rate", "fraction per year", "charge-offs / average receivables, annualised") { r, t in
            (Double(r[t].ledger.chargeOffs) * 12, Double(r[t].ledger.receivablesOpening + r[t].ledger.receivablesClosing) * 0.5)
        },
        ratio("bad_debt_rate", "fraction per year", "charge-offs less recoveries / average receivables, annualised") { r, t in
            (Double(r[t].ledger.chargeOffs - r[t].ledger.recoveries) * 12,
             Double(r[t].ledger.receivablesOpening + r[t].ledger.receivablesClosing) * 0.5)
        },
        flow("net_income", "yuan", "revenue less all costs and credit losses") { $0.pnl.netIncome },
        flow("npv", "yuan", "net income discounted monthly at the scenario's annual discount rate") { $0.pnl.netIncome },
    ]

    public static func named(_ id: String) -> KPI? { all.first { $0.id == id } }
}
