/// What happened in one month of one path under one strategy, summed over agents (not yet
/// scaled by the agent weight). Money is in fen and exact; counts are agents.
///
/// The balance identity, exact in integers, is
///
///     receivablesClosing = receivablesOpening + spend + cashDisbursed + interest
///                          + installmentFees + annualFees + lateFees + cashAdvanceFees
///                          - payments - chargeOffs
public struct MonthLedger: Sendable, Equatable {
    // Acquisition and lifecycle counts.
    public var applications: Int64 = 0
    public var newAccounts: Int64 = 0
    public var activations: Int64 = 0
    public var closures: Int64 = 0
    public var chargeOffAccounts: Int64 = 0
    /// Applications by channel, in the order of `Strategy.channels`.
    public var applicationsByChannel: [Int64]
    // End-of-month stocks.
    public var cardsInForce: Int64 = 0
    public var activeCards: Int64 = 0
    public var dormantCards: Int64 = 0
    public var longDormantCards: Int64 = 0
    /// Cards in force of occasional users (`Segment.occasionalShare`), and those of them active.
    public var lightUserCards: Int64 = 0
    public var lightUserActiveCards: Int64 = 0
    public var accountsByBucket: [Int64] = Array(repeating: 0, count: CreditDynamics.buckets)
    public var receivablesByBucket: [Int64] = Array(repeating: 0, count: CreditDynamics.buckets)
    /// Accounts 180 or more days past due, not yet written off (bucket 7), and their balances, fen.
    public var accountsPast180: Int64 = 0
    public var receivablesPast180: Int64 = 0
    /// Credit lines of the cards in force, end of month, fen.
    public var creditLines: Int64 = 0
    // Balance flows, fen.
    public var receivablesOpening: Int64 = 0
    public var spend: Int64 = 0
    public var cashDisbursed: Int64 = 0
    public var interest: Int64 = 0
    public var installmentFees: Int64 = 0
    public var annualFees: Int64 = 0
    public var lateFees: Int64 = 0
    public var cashAdvanceFees: Int64 = 0
    public var payments: Int64 = 0
    public var chargeOffs: Int64 = 0
    /// Charge-offs of this month and the 11 before it, fen (spin-up months included).
    public var chargeOffsTrailing12: Int64 = 0
    public var recoveries: Int64 = 0
    public var receivablesClosing: Int64 = 0
    /// Spend by category, yuan (fractional: categories split each purchase in fixed shares).
    public var spendByCategory: [Double] = Array(repeating: 0, count: Category.allCases.count)
    /// Spend on the cards of transactors (holders who pay in full), fen: the float the
    /// interest-free days give them is funded by the bank.
    public var transactorSpend: Int64 = 0
    /// Swipes on the bank's cards.
    public var swipes: Int64 = 0
    /// Bill and cash installments booked (their principal), fen.
    public var installmentVolume: Int64 = 0
    /// Revolvers who transferred their balance to another issuer and closed the card, and the
    /// balances they took, fen (counted in `closures` and `payments`).
    public var balanceTransfers: Int64 = 0
    public var balanceTransferred: Int64 = 0
    /// Spend at each alliance's partner merchants, yuan, in the order of `Strategy.alliances`.
    public var allianceSpend: [Double]
    /// Spend in each theme card's category by its target segments, yuan (`Strategy.themeCards`).
    public var themeSpend: [Double]
    // Lever activity counts.
    public var reactivationContacts: Int64 = 0
    public var firstSwipeGifts: Int64 = 0
    public var precisionTargets: Int64 = 0
    /// Swipes and spend (fen) of precision-marketing targets: the campaign's outcome measured on
    /// its targets (a control arm with no uplift counts the same cards).
    public var precisionSwipes: Int64 = 0
    public var precisionSpend: Int64 = 0
    public var lineIncreases: Int64 = 0
    public var lineDecreases: Int64 = 0
    /// Notices of the dormant-card clean-up (cards that became long-dormant this month).
    public var cleanupNotices: Int64 = 0
    /// Long-dormant cards the clean-up closed.
    public var cleanupClosures: Int64 = 0
    /// New accounts in the plan's target segments (`Market.targetSegments`).
    public var targetSegmentNewAccounts: Int64 = 0
    /// Annual fees charged to cards swiped at most `Complaints.barelyUsedSwipes` times in the
    /// card year, and customers contacted by more than one campaign this month.
    public var annualFeesOnBarelyUsedCards: Int64 = 0
    public var repeatMarketingContacts: Int64 = 0
    /// Expected complaints this month (`Complaints.expected`; not summed over blocks).
    public var complaints: Double = 0
    // Value beyond the card (`CrossSell`). Membership: members at month end, those who joined,
    // fees charged (fen). Consumer loans (fen): balances at the month's start and end, loans
    // booked, principal lent, interest, payments, written-off balances and their recoveries,
    // loans outstanding at month end. The loan book balances exactly:
    // loanBalancesClosing = loanBalancesOpening + loanDisbursed + loanInterest - loanPayments - loanWriteOffs.
    public var members: Int64 = 0
    public var memberJoins: Int64 = 0
    public var membershipFees: Int64 = 0
    public var loanBalancesOpening: Int64 = 0
    public var loansBooked: Int64 = 0
    public var loanDisbursed: Int64 = 0
    public var loanInterest: Int64 = 0
    public var loanPayments: Int64 = 0
    public var loanWriteOffs: Int64 = 0
    public var loanRecoveries: Int64 = 0
    public var loanAccounts: Int64 = 0
    public var loanBalancesClosing: Int64 = 0
    /// 1 in a month the regulation stopped issuance (long-dormant share over the ceiling), else 0.
    public var issuanceStopped: Int64 = 0
    // The competitive market, in the order of `Scenario.competitors`.
    /// Applications to each competitor.
    public var competitorApplications: [Int64]
    /// Cards each competitor issued.
    public var competitorNewAccounts: [Int64]
    /// The bank's card holders who left for each competitor.
    public var attritionToCompetitor: [Int64]
    /// Card spend in the region on competitors' cards, yuan: the other cards' share of the
    /// bank's holders' spend, plus the expected spend of adults holding only competitors' cards.
    public var competitorSpend: Double = 0
    /// Each competitor's terms in force this month, `OfferField.allCases` per competitor
    /// (set once per month, not summed over blocks).
    public var competitorTerms: [Double]
    /// Moves that fired this month: bit `MoveIndex.bit` (set once per month).
    public var movesFired: Int64 = 0
    /// The campaign arms' flows while the month runs, indexed by arm bit (`CampaignArm.bit`):
    /// 0-2 treated by campaign k, 3-5 held out of it. `PathSimulator` moves them into the
    /// path's `CampaignRecord`s at the month's end and leaves this empty in stored records.
    public var campaignFlows: [CampaignFlows] = []
    /// Per segment (`Market.segments` order) and per channel (`Strategy.channels` order) while
    /// the month runs; `PathSimulator` moves them into `PathResult.segments` and
    /// `PathResult.channels` and leaves them empty in stored records.
    public var segmentFlows: [SegmentFlows] = []
    public var channelFlows: [ChannelFlows] = []

    public init(channels: Int, alliances: Int = 0, themeCards: Int = 0, competitors: Int = 0) {
        competitorApplications = Array(repeating: 0, count: competitors)
        competitorNewAccounts = Array(repeating: 0, count: competitors)
        attritionToCompetitor = Array(repeating: 0, count: competitors)
        competitorTerms = Array(repeating: 0, count: competitors * OfferField.allCases.count)
        applicationsByChannel = Array(repeating: 0, count: channels)
        allianceSpend = Array(repeating: 0, count: alliances)
        themeSpend = Array(repeating: 0, count: themeCards)
    }

    /// Adds to the flows of every campaign arm in `arms` (`Population.campaignArms`).
    @inline(__always)
    mutating func addArms(_ arms: UInt8, _ body: (inout CampaignFlows) -> Void) {
        var a = arms
        while a != 0 {
            let b = a.trailingZeroBitCount
            body(&campaignFlows[b])
            a &= a &- 1
        }
    }

    /// Opening balance plus flows minus the closing balance: zero when the books balance.
    public var balanceResidual: Int64 {
        receivablesOpening + spend + cashDisbursed + interest + installmentFees + annualFees
            + lateFees + cashAdvanceFees - payments - chargeOffs - receivablesClosing
    }

    /// Receivables 30 or more days past due (buckets 2 to 6 and past 180 days), fen.
    public var receivables30Plus: Int64 { receivablesByBucket[2...].reduce(0, +) + receivablesPast180 }
    /// Receivables 90 or more days past due (buckets 4 to 6 and past 180 days), fen: the
    /// non-performing balances.
    public var receivables90Plus: Int64 { receivablesByBucket[4...].reduce(0, +) + receivablesPast180 }


    /// Records the competitors' terms in force and the moves fired this month.
    public mutating func record(terms: [CompetitorTerms], movesFired mask: Int64) {
        competitorTerms = terms.flatMap { t in OfferField.allCases.map { t[$0] } }
        movesFired = mask
    }
}

/// The bank's P&L lines of one month, yuan, not yet scaled by the agent weight.
///
/// Revenue lines are positive, cost lines are positive amounts subtracted:
/// `netIncome = interest + installmentFees + annualFees + lateFees + cashAdvanceFees
///  + interchange + acquiringShare + merchantAcquiring + membershipFees + loanInterest - rewards - allianceCost
///  - campaignCost - collectionsCost - funding - operating - acquisition - creditLosses - membershipBenefits
///  - loanFunding - loanLosses`, with
/// `creditLosses = chargeOffs - recoveries`; theme-card cashback is part of `rewards`.
public struct ProfitAndLoss: Sendable, Equatable {
    public var interest = 0.0
    public var installmentFees = 0.0
    public var annualFees = 0.0
    public var lateFees = 0.0
    public var cashAdvanceFees = 0.0
    public var interchange = 0.0
    /// The bank's share of merchant acquiring revenue on alliance spend.
    public var acquiringShare = 0.0
    /// Merchant acquiring: the bank's net revenue on the alliance merchants' whole turnover.
    public var merchantAcquiring = 0.0
    public var rewards = 0.0
    /// Discounts the bank funds at alliance merchants plus the alliances' fixed costs.
    public var allianceCost = 0.0
    /// Reactivation contacts, first-swipe gifts and precision-marketing costs.
    public var campaignCost = 0.0
    /// Collections on past-due accounts.
    public var collectionsCost = 0.0
    /// Value beyond the card: membership fees (revenue) and the members' benefits (cost);
    /// consumer-loan interest (revenue), the loan book's funding and its credit losses.
    public var membershipFees = 0.0
    public var membershipBenefits = 0.0
    public var loanInterest = 0.0
    public var loanFunding = 0.0
    public var loanLosses = 0.0
    public var funding = 0.0
    public var operating = 0.0
    public var acquisition = 0.0
    public var creditLosses = 0.0

    public init() {}

    public var revenue: Double {
        interest + installmentFees + annualFees + lateFees + cashAdvanceFees + interchange + acquiringShare
            + merchantAcquiring + membershipFees + loanInterest
    }

    public var netIncome: Double {
        revenue - rewards - allianceCost - campaignCost - collectionsCost - funding - operating
            - acquisition - creditLosses - membershipBenefits - loanFunding - loanLosses
    }

    /// Days of a transactor's float that the balance average does not fund: a purchase on a
    /// uniform day of the cycle is paid on its due date, on average `interestFreeDays - 15`
    /// days later, while the average of opening and closing receivables already carries each
    /// month's purchases for one month (365 / 12 days). Negative when the interest-free period
    /// is shorter than about 45 days.
    static func floatDaysBeyondMonth(_ interestFreeDays: Double) -> Double {
        max(0, interestFreeDays - 15) - 365.0 / 12
    }

    /// Builds the month's P&L from the ledger, the strategy in force in `month`, and the macro
    /// state. Funding cost is charged on the average of opening and closing receivables, plus
    /// transactors' float beyond it (`floatDaysBeyondMonth`). Costs
    /// that belong to the whole region (alliances' fixed costs) are divided by `agentWeight`,
    /// since every line here is later multiplied by it.
    public init(ledger l: MonthLedger, strategy: Strategy, month: Int, macro: MacroState, agentWeight: Double = 1) {
        let yuan = 0.01
        interest = Double(l.interest) * yuan
        installmentFees = Double(l.installmentFees) * yuan
        annualFees = Double(l.annualFees) * yuan
        lateFees = Double(l.lateFees) * yuan
        cashAdvanceFees = Double(l.cashAdvanceFees) * yuan
        let e = strategy.economics, p = strategy.product
        for c in 0..<l.spendByCategory.count {
            interchange += l.spendByCategory[c] * e.interchangeRates[c]
            rewards += l.spendByCategory[c] * p.rewardsRate * p.categoryRewardMultipliers[c] * e.rewardsCostPerYuan
        }
        let averageReceivables = Double(l.receivablesOpening + l.receivablesClosing) * 0.5 * yuan
        let fundingRate = macro.fundingRate + e.fundingSpread
        funding = averageReceivables * fundingRate / 12
            + Double(l.transactorSpend) * yuan * fundingRate * Self.floatDaysBeyondMonth(p.interestFreeDays) / 365
        operating = Double(l.cardsInForce) * e.operatingCostPerAccount
        for (c, channel) in strategy.channels.enumerated() {
            acquisition += Double(l.applicationsByChannel[c]) * channel.costPerApplication
        }
        creditLosses = Double(l.chargeOffs - l.recoveries) * yuan
        for (k, a) in strategy.alliances.prefix(l.allianceSpend.count).enumerated() where a.window.contains(month) {
            let covered = l.allianceSpend[k]
            acquiringShare += covered * a.acquiringRevenueRate
            allianceCost += covered * a.discountRate * a.bankFundedShare + a.fixedMonthlyCost / agentWeight
            merchantAcquiring += a.acquiredTurnover * a.acquiringMargin / agentWeight
        }
        for (k, t) in strategy.themeCards.prefix(l.themeSpend.count).enumerated() where t.window.contains(month) {
            rewards += l.themeSpend[k] * t.cashbackRate
        }
        let c = strategy.campaigns
        campaignCost = Double(l.reactivationContacts) * c.reactivation.costPerContact
            + Double(l.firstSwipeGifts) * c.firstSwipe.giftCost
            + Double(l.precisionTargets) * c.precision.costPerTarget
            + Double(l.cleanupNotices) * strategy.dormantCleanup.costPerNotice
        let pastDue = l.accountsByBucket[1...].reduce(0, +)
        let intensity = strategy.collections.window.contains(month) ? strategy.collections.intensity : 1
        collectionsCost = Double(pastDue) * strategy.collections.costPerAccount * intensity
        membershipFees = Double(l.membershipFees) * yuan
        membershipBenefits = Double(l.members) * strategy.membership.benefitCost
        loanInterest = Double(l.loanInterest) * yuan
        loanFunding = Double(l.loanBalancesOpening + l.loanBalancesClosing) * 0.5 * yuan * fundingRate / 12
        loanLosses = Double(l.loanWriteOffs - l.loanRecoveries) * yuan
    }
}

/// One month of one path under one strategy: the ledger and the P&L.
public struct MonthRecord: Sendable, Equatable {
    public var ledger: MonthLedger
    public var pnl: ProfitAndLoss

    public init(ledger: MonthLedger, pnl: ProfitAndLoss) {
        self.ledger = ledger; self.pnl = pnl
    }
}
