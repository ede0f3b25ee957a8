/// One segment's side of one month (agents; money in fen), summed over the segment's
/// customers: the rows of `segments.csv`. Summed over segments, every field equals the month's
/// `MonthLedger` value exactly (`applications`, `newAccounts`, `activations`, `closures`,
/// `chargeOffAccounts`, `spend`, interest plus fees, `chargeOffs`, `cardsInForce`,
/// `activeCards`, `receivablesClosing`).
public struct SegmentFlows: Sendable, Equatable {
    public var applications: Int64 = 0
    public var newAccounts: Int64 = 0
    public var activations: Int64 = 0
    public var closures: Int64 = 0
    public var chargeOffAccounts: Int64 = 0
    public var spend: Int64 = 0
    /// Interest and fees charged (annual, installment, late, cash-advance).
    public var charges: Int64 = 0
    public var chargeOffs: Int64 = 0
    public var cardsInForce: Int64 = 0
    public var activeCards: Int64 = 0
    public var receivables: Int64 = 0

    public init() {}

    /// The fields in `segments.csv` order, with their names and whether they are fen.
    public static let fields: [(name: String, fen: Bool, path: WritableKeyPath<SegmentFlows, Int64>)] = [
        ("applications", false, \.applications), ("new_accounts", false, \.newAccounts),
        ("activations", false, \.activations), ("closures", false, \.closures),
        ("charge_off_accounts", false, \.chargeOffAccounts), ("cards_in_force", false, \.cardsInForce),
        ("active_cards", false, \.activeCards), ("spend", true, \.spend), ("interest_and_fees", true, \.charges),
        ("charge_offs", true, \.chargeOffs), ("receivables", true, \.receivables),
    ]
}

/// One acquisition channel's accounts in one month (agents): booked, and the early outcomes
/// counted when they happen (`Activate`, `TrackOutcome`).
public struct ChannelFlows: Sendable, Equatable {
    public var newAccounts: Int64 = 0
    /// First swipes within 3 months of booking (months on book 0-2) of accounts booked at least
    /// 2 months before the run's end (so that all three months are observed).
    public var activatedWithin3: Int64 = 0
    /// First 90+ days past due within 12 months of booking of accounts booked at least 11 months
    /// before the run's end.
    public var badWithin12: Int64 = 0

    public init() {}
}

/// One acquisition channel over a strategy's run on one path: the rows of `channels.csv`.
///
///     cost per account      = cost / newAccounts
///     activation within 3m  = activatedWithin3 / bookedFor3        (accounts booked in months 1 ... T - 2)
///     ever 90+ within 12m   = badWithin12 / bookedFor12           (accounts booked in months 1 ... T - 11)
public struct ChannelTally: Sendable, Equatable {
    public var applications: Int64 = 0
    public var newAccounts: Int64 = 0
    /// Applications times the channel's cost per application, yuan (agent units).
    public var cost: Double = 0
    public var bookedFor3: Int64 = 0
    public var activatedWithin3: Int64 = 0
    public var bookedFor12: Int64 = 0
    public var badWithin12: Int64 = 0

    public init() {}

    public init(applications: Int64, newAccounts: Int64, cost: Double, bookedFor3: Int64, activatedWithin3: Int64,
                bookedFor12: Int64, badWithin12: Int64) {
        self.applications = applications; self.newAccounts = newAccounts; self.cost = cost
        self.bookedFor3 = bookedFor3; self.activatedWithin3 = activatedWithin3
        self.bookedFor12 = bookedFor12; self.badWithin12 = badWithin12
    }

    public var costPerAccount: Double { newAccounts > 0 ? cost / Double(newAccounts) : .nan }
    public var activationWithin3Share: Double { bookedFor3 > 0 ? Double(activatedWithin3) / Double(bookedFor3) : .nan }
    public var badWithin12Share: Double { bookedFor12 > 0 ? Double(badWithin12) / Double(bookedFor12) : .nan }

    /// Adds month `month` (of a `months`-month run) of the ledger's channel `c`.
    mutating func add(_ l: MonthLedger, channel c: Int, month: Int, months: Int, costPerApplication: Double) {
        let apps = c < l.applicationsByChannel.count ? l.applicationsByChannel[c] : 0
        applications += apps
        cost += Double(apps) * costPerApplication
        guard c < l.channelFlows.count else { return }
        let f = l.channelFlows[c]
        newAccounts += f.newAccounts
        if month <= months - 2 { bookedFor3 += f.newAccounts }
        if month <= months - 11 { bookedFor12 += f.newAccounts }
        activatedWithin3 += f.activatedWithin3
        badWithin12 += f.badWithin12
    }
}
