/// How customers come to complain (KPI `complaint_rate`): expected complaints per event, from
/// three mechanisms the regulator's complaint statistics single out for cards (fees, collection
/// calls, marketing calls). Every rate is an assumption; `docs/parameters.md` gives the range
/// tried.
public struct Complaints: Sendable, Equatable {
    /// Expected complaints per annual fee charged to a card swiped at most `barelyUsedSwipes`
    /// times in the card year just ended (a fee on a dormant or barely used card).
    public var perFeeOnBarelyUsedCard: Double = 0.03
    /// Swipes in a card year at or below which a charged annual fee counts as on a barely used card.
    public var barelyUsedSwipes: Int = 2
    /// Expected complaints per account-month in collections (1+ days past due, not yet written off).
    public var perCollectionsContact: Double = 0.002
    /// Expected complaints per customer contacted by more than one campaign in a month (a
    /// reactivation call to a precision-marketing target).
    public var perRepeatMarketingContact: Double = 0.02

    public init() {}

    /// Expected complaints of a month's ledger.
    func expected(_ l: MonthLedger) -> Double {
        let inCollections = l.accountsByBucket[1...].reduce(0, +) + l.accountsPast180
        return Double(l.annualFeesOnBarelyUsedCards) * perFeeOnBarelyUsedCard
            + Double(inCollections) * perCollectionsContact
            + Double(l.repeatMarketingContacts) * perRepeatMarketingContact
    }
}
