/// Which way a KPI is better, so that "the challenger is better" has a meaning.
///
/// Growth, activity and income are better higher; costs, losses, delinquency, dormancy and the
/// acquisition cost per account are better lower. The approval rate counts as better higher
/// (more of the applications paid for become accounts); its risk side shows in the
/// delinquency KPIs.
public enum KPIDirection: String, Sendable, Equatable {
    case higherIsBetter = "higher"
    case lowerIsBetter = "lower"

    /// +1 when higher is better, -1 when lower is: `sign · difference > 0` favours the challenger.
    public var sign: Double { self == .higherIsBetter ? 1 : -1 }

    /// Every KPI id of `KPI.all` with its direction (a test keeps the two in step).
    public static let table: [String: KPIDirection] = [
        "cards_in_force": .higherIsBetter,
        "applications": .higherIsBetter,
        "new_accounts": .higherIsBetter,
        "approval_rate": .higherIsBetter,
        "acquisition_cost_per_account": .lowerIsBetter,
        "active_rate": .higherIsBetter,
        "dormant_share": .lowerIsBetter,
        "long_dormant_share": .lowerIsBetter,
        "spend": .higherIsBetter,
        "receivables": .higherIsBetter,
        "interest_income": .higherIsBetter,
        "installment_fee_income": .higherIsBetter,
        "annual_fee_income": .higherIsBetter,
        "late_fee_income": .higherIsBetter,
        "cash_advance_fee_income": .higherIsBetter,
        "interchange_income": .higherIsBetter,
        "acquiring_share_income": .higherIsBetter,
        "revenue": .higherIsBetter,
        "rewards_cost": .lowerIsBetter,
        "alliance_cost": .lowerIsBetter,
        "campaign_cost": .lowerIsBetter,
        "collections_cost": .lowerIsBetter,
        "funding_cost": .lowerIsBetter,
        "operating_cost": .lowerIsBetter,
        "acquisition_cost": .lowerIsBetter,
        "credit_losses": .lowerIsBetter,
        "bank_share_new_accounts": .higherIsBetter,
        "attrition_to_competitors": .lowerIsBetter,
        "bank_share_card_spend": .higherIsBetter,
        "overdue_rate": .lowerIsBetter,
        "overdue_6m_ratio": .lowerIsBetter,
        "charge_off_rate": .lowerIsBetter,
        "bad_debt_rate": .lowerIsBetter,
        "net_income": .higherIsBetter,
        "npv": .higherIsBetter,
    ]

    /// The direction of KPI `id`: from `table`, else guessed from the name (`…_income` higher;
    /// `…_cost`, `…_losses` lower); nil when neither says.
    public static func of(_ id: String) -> KPIDirection? {
        if let direction = table[id] { return direction }
        if id.hasSuffix("_income") { return .higherIsBetter }
        if id.hasSuffix("_cost") || id.hasSuffix("_losses") { return .lowerIsBetter }
        return nil
    }
}
