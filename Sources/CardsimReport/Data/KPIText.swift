import CardsimEngine

/// How KPIs are named and scaled on charts and in tables.
public enum KPIText {
    /// The headline KPIs: the default selection of fan and comparison charts (the rows of the
    /// terminal results table).
    public static let headline = [
        "cards_in_force", "new_accounts", "active_rate", "overdue_rate", "overdue_6m_ratio",
        "charge_off_rate", "net_income", "npv",
    ]

    static let labels: [String: String] = [
        "cards_in_force": "cards in force", "applications": "applications", "new_accounts": "new accounts",
        "approval_rate": "approval rate", "acquisition_cost_per_account": "acquisition cost per new account",
        "active_rate": "active-card rate", "dormant_share": "dormant share", "long_dormant_share": "long-dormant share",
        "spend": "card spend", "receivables": "receivables", "revenue": "revenue",
        "overdue_rate": "overdue rate (30+ days)", "overdue_6m_ratio": "6-month overdue ratio",
        "charge_off_rate": "charge-off rate", "bad_debt_rate": "bad-debt rate", "net_income": "net income", "npv": "NPV",
    ]

    static let lineLabels: [String: String] = [
        "interest_income": "interest", "installment_fee_income": "installment fees", "annual_fee_income": "annual fees",
        "late_fee_income": "late fees", "cash_advance_fee_income": "cash-advance fees", "interchange_income": "interchange",
        "acquiring_share_income": "acquiring share", "rewards_cost": "rewards", "alliance_cost": "alliance cost",
        "campaign_cost": "campaigns", "collections_cost": "collections", "funding_cost": "funding",
        "operating_cost": "operating cost", "acquisition_cost": "acquisition cost", "credit_losses": "credit losses",
    ]

    /// A KPI's name for people: `net income`, `active-card rate`.
    public static func label(_ id: String) -> String {
        labels[id] ?? id.replacingOccurrences(of: "_", with: " ")
    }

    /// A P&L line's short name on a waterfall: `interest`, `credit losses`.
    public static func lineLabel(_ id: String) -> String {
        if let l = lineLabels[id] { return l }
        var s = id
        for suffix in ["_income", "_cost"] where s.hasSuffix(suffix) { s.removeLast(suffix.count) }
        return s.replacingOccurrences(of: "_", with: " ")
    }

    /// The P&L lines among `ids` with their sign in net income: KPIs that total a revenue line
    /// (`…_income`, +1) or a cost line (`…_cost`, `…_losses`, -1), in the order given. Totals
    /// (`revenue`, `net_income`, `npv`) and ratios are not lines.
    public static func profitLines(_ ids: [String], units: [String: String]) -> [(id: String, sign: Double)] {
        ids.compactMap { id in
            guard units[id] == "yuan", let kpi = KPI.named(id), kpi.aggregation == .total else { return nil }
            if id.hasSuffix("_income") && id != "net_income" { return (id, 1) }
            if id.hasSuffix("_cost") || id.hasSuffix("_losses") { return (id, -1) }
            return nil
        }
    }
}

/// A unit for display: values are multiplied by `factor` and labelled `unit`.
public struct DisplayScale: Sendable, Equatable {
    public var factor: Double
    public var unit: String

    /// The scale for values of a KPI `unit` whose largest magnitude is `largest`: percentages
    /// for fractions; thousands, millions or billions for counts and money.
    public static func of(unit: String, largest: Double) -> DisplayScale {
        switch unit {
        case "fraction": return DisplayScale(factor: 100, unit: "%")
        case "fraction per year": return DisplayScale(factor: 100, unit: "% a year")
        default:
            let m = abs(largest)
            if m >= 1e9 { return DisplayScale(factor: 1e-9, unit: "billion \(unit)") }
            if m >= 1e6 { return DisplayScale(factor: 1e-6, unit: "million \(unit)") }
            if m >= 1e4 { return DisplayScale(factor: 1e-3, unit: "thousand \(unit)") }
            return DisplayScale(factor: 1, unit: unit)
        }
    }
}
