/// When a lever is in force: months `startMonth` through `endMonth` (inclusive; nil = to the
/// end of the run). Outside its window a challenger's product (with pricing tiers), risk policy
/// and channels fall back to the champion's; alliances, theme cards, campaigns and line reviews
/// are off, and collections run at intensity 1.
public struct LeverWindow: Sendable, Equatable {
    public var startMonth: Int
    public var endMonth: Int?

    public init(startMonth: Int = 1, endMonth: Int? = nil) {
        self.startMonth = startMonth; self.endMonth = endMonth
    }

    public static let always = LeverWindow()

    public func contains(_ month: Int) -> Bool {
        month >= startMonth && (endMonth.map { month <= $0 } ?? true)
    }
}

/// A merchant alliance: partner merchants of one category give covered customers a discount,
/// partly funded by the bank, and the bank shares the acquiring revenue.
///
/// For a segment whose spend share in the category is m, a share `coverage` of that category's
/// spend happens at partners and grows by `spendUplift`, so the segment's card spend is
/// multiplied by 1 + m x coverage x spendUplift. On covered spend S_cov (after uplift) the bank
/// pays `discountRate x bankFundedShare x S_cov` and earns `acquiringRevenueRate x S_cov`;
/// it also pays `fixedMonthlyCost` yuan a month while the alliance runs. (With a theme card or a
/// second alliance on the same category, the uplifts add in the category's factor, and the
/// partners' covered share is computed against the combined factor.)
public struct Alliance: Sendable, Equatable {
    public var name: String
    public var category: Category
    /// Share of the category's spend made at partner merchants, fraction.
    public var coverage: Double
    /// Discount to the customer on covered spend, fraction.
    public var discountRate: Double
    /// Share of the discount the bank pays (the merchants pay the rest), fraction.
    public var bankFundedShare: Double
    /// Growth of covered spend thanks to the discount, fraction (0.15 = +15%).
    public var spendUplift: Double
    /// Acquiring revenue to the bank, yuan per yuan of covered spend (merchant discount rate
    /// times the bank's share of it).
    public var acquiringRevenueRate: Double
    /// Fixed cost of running the alliance, yuan per month.
    public var fixedMonthlyCost: Double
    /// Partner merchants' whole turnover acquired by the bank (all cards and QR payments, not
    /// only the bank's cards), yuan per month in the region.
    public var acquiredTurnover: Double = 0
    /// The bank's net acquiring revenue per yuan of that turnover (merchant discount less the
    /// issuers' service fee and network fees).
    public var acquiringMargin: Double = 0
    /// Segments whose customers get the discounts (names of `Market.segments`); empty = every
    /// segment. Others neither see them in the offer nor spend more at the partners.
    public var segments: [String] = []
    /// Whether customers of segment `name` get the alliance.
    public func reaches(_ name: String) -> Bool { segments.isEmpty || segments.contains(name) }
    public var window: LeverWindow

    public init(name: String, category: Category, coverage: Double, discountRate: Double,
                bankFundedShare: Double, spendUplift: Double, acquiringRevenueRate: Double,
                fixedMonthlyCost: Double, window: LeverWindow = .always) {
        self.name = name; self.category = category; self.coverage = coverage
        self.discountRate = discountRate; self.bankFundedShare = bankFundedShare
        self.spendUplift = spendUplift; self.acquiringRevenueRate = acquiringRevenueRate
        self.fixedMonthlyCost = fixedMonthlyCost; self.window = window
    }
}

/// Marketing campaigns. Each runs in its own window; a rate of 0 switches it off.
public struct Campaigns: Sendable, Equatable {
    /// Dormant reactivation: each month a share `reach` of dormant activated cards (unused for
    /// the dormancy window, or the long-dormancy window if `longDormantOnly`; not 30+ days past
    /// due) is contacted at
    /// `costPerContact` yuan; a contacted card is used that month with extra probability
    /// `response x decay^(months since the campaign started)`.
    public struct Reactivation: Sendable, Equatable {
        public var reach: Double = 0
        public var costPerContact: Double = 15
        public var response: Double = 0.08
        public var decay: Double = 0.95
        public var longDormantOnly: Bool = false
        /// Who is contacted (`CampaignAudience`), besides the rule above.
        public var audience = CampaignAudience()
        /// Largest number of customers contacted a month (0 = no limit): when more are
        /// eligible, each is contacted with probability reach x min(1, capacity / (reach x eligible)),
        /// eligible counted at the month's start (customers, not agents).
        public var monthlyCapacity: Double = 0
        /// Share of the selected customers kept as a control group: never contacted, the same
        /// customers in every strategy (stable draw `holdout`, keyed by agent).
        public var holdout: Double = 0
        public var window: LeverWindow = .always
        public init() {}
    }

    /// First-swipe incentive: a new card's monthly activation probability is multiplied by
    /// 1 + `activationUplift` (capped at 1); each card activated under it costs `giftCost` yuan.
    public struct FirstSwipe: Sendable, Equatable {
        public var activationUplift: Double = 0
        public var giftCost: Double = 30
        /// Which new cards get the incentive (`CampaignAudience`); the others activate as usual.
        public var audience = CampaignAudience()
        /// Share of the eligible new cards kept as a control group without the incentive (stable
        /// draw `holdout`, keyed by agent).
        public var holdout: Double = 0
        public var window: LeverWindow = .always
        public init() {}
    }

    /// Precision marketing: a fixed share `targetShare` of open cards (the same cards every
    /// month) is targeted; in a month of use they swipe 1 + `frequencyUplift` times as often (spend
    /// frequency) and spend 1 + `spendUplift` times as much, at `costPerTarget` yuan per targeted
    /// card per month.
    public struct Precision: Sendable, Equatable {
        public var targetShare: Double = 0
        public var frequencyUplift: Double = 0.20
        public var spendUplift: Double = 0.15
        public var costPerTarget: Double = 2
        /// Which open cards may be targeted (`CampaignAudience`); `targetShare` is a share of them.
        public var audience = CampaignAudience()
        /// Largest number of cards targeted a month (0 = no limit): the target share is cut to
        /// capacity / eligible when needed, eligible counted at the month's start (customers).
        public var monthlyCapacity: Double = 0
        /// Share of the selected cards kept as a control group: no uplift, no cost (stable draw
        /// `holdout`, keyed by agent).
        public var holdout: Double = 0
        public var window: LeverWindow = .always
        public init() {}
    }

    public var reactivation = Reactivation()
    public var firstSwipe = FirstSwipe()
    public var precision = Precision()
    /// The campaign whose effect and cost are switched off while its customers are still
    /// selected and split into arms: the run beside the strategy's own that gives the
    /// campaign's true effect (`PathSimulator`). Never set by a scenario.
    public var muted: CampaignKind? = nil

    public init() {}

    /// Whether campaign `kind` does anything in some month of a `months`-month run.
    public func isActive(_ kind: CampaignKind, months: Int) -> Bool {
        switch kind {
        case .reactivation: return reactivation.reach > 0 && reactivation.window.startMonth <= months
        case .firstSwipe: return firstSwipe.activationUplift > 0 && firstSwipe.window.startMonth <= months
        case .precision: return precision.targetShare > 0 && precision.window.startMonth <= months
        }
    }

    /// The campaigns active in a `months`-month run, in `CampaignKind` order.
    public func active(months: Int) -> [CampaignKind] {
        CampaignKind.allCases.filter { isActive($0, months: months) }
    }

    /// Cost of one unit of campaign `kind`, yuan: a contact, a gift, a targeted card-month.
    public func unitCost(_ kind: CampaignKind) -> Double {
        switch kind {
        case .reactivation: return reactivation.costPerContact
        case .firstSwipe: return firstSwipe.giftCost
        case .precision: return precision.costPerTarget
        }
    }

    /// Holdout share of campaign `kind`.
    public func holdout(_ kind: CampaignKind) -> Double {
        switch kind {
        case .reactivation: return reactivation.holdout
        case .firstSwipe: return firstSwipe.holdout
        case .precision: return precision.holdout
        }
    }
}

/// A theme card aimed at some segments (a car-owner card, a youth card): while it runs, the
/// bank's offer to those segments carries `cashbackRate` extra rewards in `category` (the
/// choice model sees the extra value, so applications rise), their spend in the category grows
/// by `spendUplift` (more of the wallet comes to the card), and the bank pays the cashback.
public struct ThemeCard: Sendable, Equatable {
    public var name: String
    /// Names of the segments it is offered to.
    public var segments: [String]
    public var category: Category
    /// Extra rewards in the category, yuan per yuan of spend (0.03 = 3% cashback).
    public var cashbackRate: Double
    /// Growth of the targeted segments' spend in the category, fraction.
    public var spendUplift: Double
    public var window: LeverWindow

    public init(name: String, segments: [String], category: Category, cashbackRate: Double,
                spendUplift: Double, window: LeverWindow = .always) {
        self.name = name; self.segments = segments; self.category = category
        self.cashbackRate = cashbackRate; self.spendUplift = spendUplift; self.window = window
    }
}

/// Risk-based pricing: an account whose approval score is at least `minimumScore` pays this
/// tier's APR and installment fee rate. Tiers are checked from the highest minimum down; an
/// account below every tier pays the product's rates.
public struct PricingTier: Sendable, Equatable {
    public var minimumScore: Double
    public var apr: Double
    public var installmentFeeRate: Double

    public init(minimumScore: Double, apr: Double, installmentFeeRate: Double) {
        self.minimumScore = minimumScore; self.apr = apr; self.installmentFeeRate = installmentFeeRate
    }
}

/// Periodic credit-line management (see `ManageLines`).
///
/// At months on book that are multiples of `reviewMonths` (from 6 on), a current account whose
/// approval score is at least `increaseScore` and whose utilization is at least
/// `increaseUtilization` gets its limit raised by `increase`; an account 1+ buckets past due,
/// or with a score below `decreaseScore`, gets it cut by `decrease` (never below what it owes).
/// Changes are bounded to +-30% a review (`LineManagement.bound`).
public struct LineManagement: Sendable, Equatable {
    public var reviewMonths: Int = 0
    public var increase: Double = 0.2
    public var increaseScore: Double = 0.5
    public var increaseUtilization: Double = 0.5
    public var decrease: Double = 0.2
    public var decreaseScore: Double = -0.8
    public var window: LeverWindow = .always

    public init() {}

    /// Largest change of a limit at one review, either way.
    public static let bound = 0.30
}

/// Collections: `intensity` multiplies the cure probability of past-due accounts (capped so
/// roll + cure <= 1) at `costPerAccount x intensity` yuan per past-due account per month.
public struct Collections: Sendable, Equatable {
    /// Multiplier of the cure probability of past-due accounts (1 = the market's base).
    public var intensity: Double = 1
    /// Cost per past-due account per month at intensity 1, yuan.
    public var costPerAccount: Double = 10
    public var window: LeverWindow = .always

    public init() {}
}

/// Dormant-card clean-up: the bank gives notice to a card the month it becomes long-dormant
/// (no customer-initiated transaction for `Behaviour.longDormancyMonths` and no balance) and
/// closes it once it has stayed unused and balance-free for `afterMonths` months in all. A
/// notice wakes a holder who wants to keep the card: in the notice month the card is used with
/// probability 1 - (1 - p)(1 - `noticeResponse`) (p its usual usage probability), and one
/// swipe ends the notice. Closed cards leave cards in force, so they pay no annual fee and no
/// operating cost.
public struct DormantCleanup: Sendable, Equatable {
    /// Months without spend after which a long-dormant card is closed; 0 = no clean-up.
    /// At least `Behaviour.longDormancyMonths` (the scenario reader checks it).
    public var afterMonths: Int = 0
    /// Chance that a notice makes the holder use the card in the notice month.
    public var noticeResponse: Double = 0.05
    /// Cost of a notice (message and letter), yuan.
    public var costPerNotice: Double = 2
    public var window: LeverWindow = .always

    public init() {}
}
