/// One campaign arm's flows in one month while the kernels run, summed over the arm's
/// customers (agents; money in fen unless stated).
public struct CampaignFlows: Sendable, Equatable {
    /// Customers who joined the arm this month (selected for the first time).
    public var assigned: Int64 = 0
    /// Units the campaign paid for: contacts, gifts, targeted card-months (treated arm only).
    public var contacts: Int64 = 0
    /// First swipes of new cards.
    public var activations: Int64 = 0
    /// Cards used this month.
    public var activeCards: Int64 = 0
    /// Cards closed (attrition, balance transfers and clean-up closures included; not charge-offs).
    public var closures: Int64 = 0
    public var chargeOffAccounts: Int64 = 0
    public var spend: Int64 = 0
    /// Interchange and rewards cost on that spend, yuan.
    public var interchange: Double = 0
    public var rewards: Double = 0
    /// Interest and fees charged (annual, installment, late, cash-advance), fen.
    public var charges: Int64 = 0
    public var chargeOffs: Int64 = 0
    public var recoveries: Int64 = 0
    /// End-of-month stocks: cards in force and their receivables.
    public var cardsInForce: Int64 = 0
    public var receivablesClosing: Int64 = 0

    public init() {}
}

/// One campaign arm in one month, in agents and yuan (not yet scaled by the agent weight):
/// the arm's customers' own P&L,
///
///     revenue    = interest and fees + interchange
///     netIncome  = revenue - rewards - creditLosses - funding - operating - cost
///
/// with funding on the average of the arm's opening and closing receivables at the month's
/// funding rate plus the strategy's spread, operating = cards in force x operating cost per
/// account, and cost = units x the campaign's unit cost. Lines that belong to the whole book
/// (acquisition, alliances, collections, transactors' float) are not split to arms.
public struct CampaignTally: Sendable, Equatable {
    public var assigned = 0.0
    public var contacts = 0.0
    public var activations = 0.0
    public var activeCards = 0.0
    public var closures = 0.0
    public var chargeOffAccounts = 0.0
    public var cardsInForce = 0.0
    /// Yuan.
    public var spend = 0.0
    public var revenue = 0.0
    public var creditLosses = 0.0
    public var cost = 0.0
    public var netIncome = 0.0

    public init() {}

    /// The tally of `flows`, with the previous month's closing receivables (fen) for funding.
    init(_ f: CampaignFlows, openingReceivables: Int64, unitCost: Double, fundingRate: Double,
         operatingCostPerAccount: Double) {
        let yuan = 0.01
        assigned = Double(f.assigned); contacts = Double(f.contacts); activations = Double(f.activations)
        activeCards = Double(f.activeCards); closures = Double(f.closures)
        chargeOffAccounts = Double(f.chargeOffAccounts); cardsInForce = Double(f.cardsInForce)
        spend = Double(f.spend) * yuan
        revenue = Double(f.charges) * yuan + f.interchange
        creditLosses = Double(f.chargeOffs - f.recoveries) * yuan
        cost = contacts * unitCost
        let funding = Double(openingReceivables + f.receivablesClosing) * 0.5 * yuan * fundingRate / 12
        netIncome = revenue - f.rewards - creditLosses - funding - cardsInForce * operatingCostPerAccount - cost
    }

    /// The KPIs a campaign is judged on, in output order: (id, unit, value).
    public static let kpis: [(id: String, unit: String, value: @Sendable (CampaignTally) -> Double)] = [
        ("activations", "cards", { $0.activations }),
        ("active_card_months", "card-months", { $0.activeCards }),
        ("spend", "yuan", { $0.spend }),
        ("revenue", "yuan", { $0.revenue }),
        ("credit_losses", "yuan", { $0.creditLosses }),
        ("attrition", "cards", { $0.closures + $0.chargeOffAccounts }),
        ("net_income", "yuan", { $0.netIncome }),
    ]

    /// The sum of two tallies (months of a run).
    public static func + (a: CampaignTally, b: CampaignTally) -> CampaignTally {
        var t = CampaignTally()
        t.assigned = a.assigned + b.assigned; t.contacts = a.contacts + b.contacts
        t.activations = a.activations + b.activations; t.activeCards = a.activeCards + b.activeCards
        t.closures = a.closures + b.closures; t.chargeOffAccounts = a.chargeOffAccounts + b.chargeOffAccounts
        t.cardsInForce = a.cardsInForce + b.cardsInForce; t.spend = a.spend + b.spend
        t.revenue = a.revenue + b.revenue; t.creditLosses = a.creditLosses + b.creditLosses
        t.cost = a.cost + b.cost; t.netIncome = a.netIncome + b.netIncome
        return t
    }
}

/// One campaign of one strategy on one path: each arm's months (`CampaignArm` order, month
/// t + 1 at index t). The arms `treatedWithout` and `holdoutWithout` come from the run of the
/// same strategy without the campaign (`Campaigns.muted`): the same customers, the same draws.
public struct CampaignRecord: Sendable, Equatable {
    public var kind: CampaignKind
    /// `arms[a][t]`: arm a (`CampaignArm.rawValue`) in month t + 1.
    public var arms: [[CampaignTally]]

    public init(kind: CampaignKind, arms: [[CampaignTally]]) {
        self.kind = kind; self.arms = arms
    }

    /// Arm `arm` summed over the run's months.
    public func total(_ arm: CampaignArm) -> CampaignTally {
        arms[arm.rawValue].reduce(CampaignTally(), +)
    }
}
