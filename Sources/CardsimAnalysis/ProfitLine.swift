import CardsimEngine

/// One line of the bank's P&L and its sign in net income: revenue lines add (+1), cost lines
/// subtract (-1), so that for every month
///
///     netIncome = Σ over lines of sign · value
///
/// to floating-point rounding. `all` lists every stored line of `ProfitAndLoss`; a test
/// compares it with the struct's properties, so a line the engine adds must be added here.
public struct ProfitLine: Sendable {
    /// Identifier in files: the id of the KPI that totals the line.
    public let id: String
    /// Short name for tables.
    public let label: String
    public let value: WritableKeyPath<ProfitAndLoss, Double> & Sendable
    public let sign: Double

    /// The line's contribution to net income in one month: `sign · value`.
    @inline(__always)
    public func contribution(_ pnl: ProfitAndLoss) -> Double { sign * pnl[keyPath: value] }

    /// Every P&L line, revenue first, in the order of `ProfitAndLoss`.
    public static let all: [ProfitLine] = [
        ProfitLine(id: "interest_income", label: "interest", value: \.interest, sign: 1),
        ProfitLine(id: "installment_fee_income", label: "installment fees", value: \.installmentFees, sign: 1),
        ProfitLine(id: "annual_fee_income", label: "annual fees", value: \.annualFees, sign: 1),
        ProfitLine(id: "late_fee_income", label: "late fees", value: \.lateFees, sign: 1),
        ProfitLine(id: "cash_advance_fee_income", label: "cash-advance fees", value: \.cashAdvanceFees, sign: 1),
        ProfitLine(id: "interchange_income", label: "interchange", value: \.interchange, sign: 1),
        ProfitLine(id: "acquiring_share_income", label: "acquiring share", value: \.acquiringShare, sign: 1),
        ProfitLine(id: "rewards_cost", label: "rewards", value: \.rewards, sign: -1),
        ProfitLine(id: "alliance_cost", label: "alliance cost", value: \.allianceCost, sign: -1),
        ProfitLine(id: "campaign_cost", label: "campaigns", value: \.campaignCost, sign: -1),
        ProfitLine(id: "collections_cost", label: "collections", value: \.collectionsCost, sign: -1),
        ProfitLine(id: "funding_cost", label: "funding", value: \.funding, sign: -1),
        ProfitLine(id: "operating_cost", label: "operating cost", value: \.operating, sign: -1),
        ProfitLine(id: "acquisition_cost", label: "acquisition cost", value: \.acquisition, sign: -1),
        ProfitLine(id: "credit_losses", label: "credit losses", value: \.creditLosses, sign: -1),
    ]
}
