/// Rules the regulator sets for every issuer in the region.
///
/// The 2022 credit-card notice (CBIRC and PBOC, 关于进一步促进信用卡业务规范健康发展的通知,
/// July 2022) caps long-dormant cards: an issuer whose long-dormant cards exceed 20% of its cards
/// in force may not issue new cards until the share is back under the ceiling. A card is
/// long-dormant after 18 months with no customer-initiated transaction and no balance
/// (`Behaviour.longDormancyMonths`; the count is in `Account`).
public struct Regulation: Sendable, Equatable {
    /// Ceiling on long-dormant cards, a fraction of cards in force (0.20 in the notice).
    public var longDormantCeiling: Double = 0.20
    /// Whether the bank stops issuing while over the ceiling: in a month whose opening share
    /// (the previous month-end's, month 0's for month 1) exceeds `longDormantCeiling`, the
    /// bank's channels take no applications (no new cards, no acquisition cost).
    public var issuanceStop: Bool = false
    /// Highest APR an issuer may charge, fraction per year. Chinese rules draw two lines: the
    /// regulators' guidance that a lender's comprehensive annual cost stay within 24%, and the
    /// courts' private-lending rule that interest above 36% a year is void. The default is the
    /// 24% line; a scenario may raise it to at most 36%.
    public var aprCeiling: Double = 0.24
    /// Cap on the issuer's service fee (interchange) on credit-card spend, fraction of the
    /// amount (0.45%: the 2016 bank-card fee reform, NDRC and PBOC).
    public var interchangeCap: Double = 0.0045
    /// The largest APR ceiling a scenario may set (the 36% line).
    public static let aprCeilingLimit = 0.36

    public init() {}

    /// Whether a book with `longDormant` of `inForce` cards is barred from issuing.
    public func stopsIssuance(longDormant: Int64, inForce: Int64) -> Bool {
        issuanceStop && inForce > 0 && Double(longDormant) > longDormantCeiling * Double(inForce)
    }
}
