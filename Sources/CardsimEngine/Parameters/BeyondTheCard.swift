/// A membership subscription sold to cardholders: a monthly fee for extra benefits (kernel
/// `CrossSell`). Off while `monthlyFee` is 0.
public struct Membership: Sendable, Equatable {
    /// Fee a member pays each month, yuan; 0 = no membership offered.
    public var monthlyFee: Double = 0
    /// Monthly probability that an active card (used within the dormancy window) not yet a
    /// member subscribes.
    public var takeUp: Double = 0.01
    /// Monthly probability that a member cancels.
    public var churn: Double = 0.06
    /// Growth of a member's spend in a month of use (the benefits bring more of the wallet).
    public var spendUplift: Double = 0.05
    /// What the bank pays for a member's benefits each month, yuan.
    public var benefitCost: Double = 5
    public var window: LeverWindow = .always
    public init() {}
}

/// Consumer loans cross-sold to cardholders (kernel `CrossSell`): an instalment loan with its
/// own balance, interest, funding and credit losses, beside the card. Off while `takeUp` is 0.
///
/// A loan lives with its card: it is repaid in full when the card is closed and written off
/// with it when the card is charged off (cross-default).
public struct ConsumerLoans: Sendable, Equatable {
    /// Monthly probability that an eligible cardholder takes a loan; 0 = no cross-sell.
    public var takeUp: Double = 0
    /// Eligible: an open, current card at least this many months on book ...
    public var minimumMonthsOnBook: Int = 6
    /// ... whose approval score is at least this (standard-normal scale, higher is safer).
    public var minimumScore: Double = 0
    /// Principal = min(income multiple x monthly income, maximum), whole thousands of yuan.
    public var incomeMultiple: Double = 3
    public var maximumAmount: Double = 200_000
    /// Term, months: the loan amortises in equal monthly payments at `apr`.
    public var termMonths: Int = 24
    public var apr: Double = 0.08
    /// Monthly default probability at latent risk z = 0, multiplied by exp(riskSlope x z) (at most 1).
    public var monthlyDefault: Double = 0.0015
    public var riskSlope: Double = 0.8
    /// Share of a defaulted balance recovered.
    public var recoveryRate: Double = 0.2
    public var window: LeverWindow = .always
    public init() {}

    /// The equal monthly payment of `principal` over `termMonths` at `apr` / 12, fen.
    func payment(principal: Int64) -> Int64 {
        let r = apr / 12, n = Double(max(termMonths, 1))
        let p = Double(principal)
        return r > 0 ? Int64((p * r / (1 - _pow(1 + r, -n))).rounded(.up)) : Int64((p / n).rounded(.up))
    }
}
