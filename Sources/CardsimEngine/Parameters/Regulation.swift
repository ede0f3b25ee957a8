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

    public init() {}

    /// Whether a book with `longDormant` of `inForce` cards is barred from issuing.
    public func stopsIssuance(longDormant: Int64, inForce: Int64) -> Bool {
        issuanceStop && inForce > 0 && Double(longDormant) > longDormantCeiling * Double(inForce)
    }
}
