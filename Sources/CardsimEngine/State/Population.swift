/// Where an agent stands with the bank.
public enum Lifecycle: UInt8, Sendable {
    /// Holds no card of ours (may hold competitors'); may apply.
    case prospect = 0
    /// Approved and issued, not yet activated (no first swipe).
    case issued = 1
    /// Activated; active or dormant depending on months since the last spend.
    case open = 2
    /// Closed by the holder (attrition); may not re-apply within the horizon.
    case closed = 3
    /// Charged off at 180 days past due.
    case chargedOff = 4
}

/// Every adult of the region as columns (structure of arrays). Money is in fen (1/100 yuan)
/// as `Int64`, so the balance identity holds exactly; traits are `Double`.
///
/// The buffers are allocated once per worker and reused for every path and strategy.
public final class Population: @unchecked Sendable {
    public let count: Int

    // Traits, drawn once per path.
    /// Segment index into `Market.segments`.
    public let segment: UnsafeMutablePointer<UInt8>
    /// Monthly income, yuan.
    public let income: UnsafeMutablePointer<Double>
    /// Latent credit risk z-score (larger is riskier).
    public let risk: UnsafeMutablePointer<Double>
    /// Monthly probability of using the card while active.
    public let engagement: UnsafeMutablePointer<Double>
    /// Mean monthly spend when the card is used, yuan.
    public let spendScale: UnsafeMutablePointer<Double>
    /// Share of the statement paid each month; 1 for transactors.
    public let payFraction: UnsafeMutablePointer<Double>
    /// Price sensitivity (multiplies offer cost in the choice model).
    public let priceSensitivity: UnsafeMutablePointer<Double>
    /// Reward sensitivity (multiplies offer rewards in the choice model).
    public let rewardSensitivity: UnsafeMutablePointer<Double>
    /// Competitors' cards held: bit k set when the agent holds competitor k's card.
    public let holdings: UnsafeMutablePointer<UInt8>
    /// The agent's valuation class within its segment (`ChoiceClass`): revolver or transactor,
    /// regular or occasional user, low or high price and reward responder.
    public let choiceClass: UnsafeMutablePointer<UInt8>

    // Account state.
    /// `Lifecycle` raw value.
    public let state: UnsafeMutablePointer<UInt8>
    /// Delinquency bucket: 0 current, 1 = 1-29 days, ..., 6 = 150-179 days past due,
    /// 7 (`CreditDynamics.pastWriteOffBucket`) = 180 days or more, awaiting write-off.
    public let bucket: UnsafeMutablePointer<UInt8>
    /// Months since the account reached 180 days past due (bucket 7); written off when it
    /// reaches `CreditDynamics.monthsPast180BeforeWriteOff`.
    public let monthsPast180: UnsafeMutablePointer<UInt8>
    /// Months on book (0 in the month the account is opened).
    public let monthsOnBook: UnsafeMutablePointer<UInt16>
    /// Months since the last spend (for issued cards: months since issue).
    public let monthsSinceSpend: UnsafeMutablePointer<UInt16>
    /// Swipes since the last account anniversary (for the annual-fee waiver).
    public let swipesThisYear: UnsafeMutablePointer<UInt16>
    /// Months a rejected prospect must still wait before applying again.
    public let cooldown: UnsafeMutablePointer<UInt8>
    /// Approval score at application (standard-normal scale).
    public let score: UnsafeMutablePointer<Double>
    /// Credit limit, fen.
    public let limit: UnsafeMutablePointer<Int64>
    /// Revolving balance (last statement not yet paid, plus this month's postings), fen.
    public let revolving: UnsafeMutablePointer<Int64>
    /// Balance of the last statement, due for payment this month, fen.
    public let due: UnsafeMutablePointer<Int64>
    /// Outstanding bill-installment principal, fen; monthly principal and fee, fen.
    public let billBalance: UnsafeMutablePointer<Int64>
    public let billPrincipal: UnsafeMutablePointer<Int64>
    public let billFee: UnsafeMutablePointer<Int64>
    /// Outstanding cash-installment principal, fen; monthly principal and fee, fen.
    public let cashBalance: UnsafeMutablePointer<Int64>
    public let cashPrincipal: UnsafeMutablePointer<Int64>
    public let cashFee: UnsafeMutablePointer<Int64>
    /// Receivable when the account last became past due, fen (0 while current).
    public let overduePrincipal: UnsafeMutablePointer<Int64>
    /// Interest and fees charged since the account became past due, fen; with
    /// `overduePrincipal` it enforces the cap: charges on an overdue account never exceed its
    /// principal.
    public let overdueCharges: UnsafeMutablePointer<Int64>
    /// The account's draws of the current month (purpose `account`): four words per agent,
    /// drawn by the spend kernel for every issued or open account and read by later kernels.
    public let monthWords: UnsafeMutablePointer<UInt32>
    /// Per-month scratch flags set by one kernel and read by a later one (`MonthFlags`).
    public let flags: UnsafeMutablePointer<UInt8>
    /// The campaign arms the customer is in during this strategy's run (`CampaignArm.bit`):
    /// bit k treated by campaign k, bit 3 + k held out of it. Cleared at the start of every
    /// strategy's run; set the first month the campaign selects the customer.
    public let campaignArms: UnsafeMutablePointer<UInt8>
    /// Index into `Strategy.channels` of the channel the account was booked through
    /// (`Acquire`); 255 before the first booking.
    public let channel: UnsafeMutablePointer<UInt8>
    /// 1 while the customer holds the membership subscription (`Membership`).
    public let member: UnsafeMutablePointer<UInt8>
    /// Consumer loan (`ConsumerLoans`): outstanding principal and the monthly payment, fen.
    public let loanBalance: UnsafeMutablePointer<Int64>
    public let loanPayment: UnsafeMutablePointer<Int64>
    /// What the bank observes for scorecards (features drawn only in scenarios that use them)
    /// and every account's history (tracked in every run).
    public let observed: ObservedFeatures

    public init(count: Int) {
        self.count = count
        func make<T>(_ zero: T) -> UnsafeMutablePointer<T> {
            let p = UnsafeMutablePointer<T>.allocate(capacity: Swift.max(count, 1))
            p.initialize(repeating: zero, count: Swift.max(count, 1))
            return p
        }
        segment = make(0); income = make(0); risk = make(0); engagement = make(0)
        spendScale = make(0); payFraction = make(1); priceSensitivity = make(1); rewardSensitivity = make(1)
        holdings = make(0); choiceClass = make(0)
        state = make(0); bucket = make(0); monthsPast180 = make(0); monthsOnBook = make(0); monthsSinceSpend = make(0)
        swipesThisYear = make(0); cooldown = make(0); score = make(0); limit = make(0)
        revolving = make(0); due = make(0); billBalance = make(0); billPrincipal = make(0); billFee = make(0)
        cashBalance = make(0); cashPrincipal = make(0); cashFee = make(0); flags = make(0); campaignArms = make(0); channel = make(255)
        member = make(0); loanBalance = make(0); loanPayment = make(0)
        overduePrincipal = make(0); overdueCharges = make(0)
        monthWords = UnsafeMutablePointer<UInt32>.allocate(capacity: 4 * Swift.max(count, 1))
        monthWords.initialize(repeating: 0, count: 4 * Swift.max(count, 1))
        observed = ObservedFeatures(count: count)
    }

    deinit {
        segment.deallocate(); income.deallocate(); risk.deallocate(); engagement.deallocate()
        spendScale.deallocate(); payFraction.deallocate(); priceSensitivity.deallocate()
        rewardSensitivity.deallocate(); holdings.deallocate(); choiceClass.deallocate(); state.deallocate(); bucket.deallocate(); monthsPast180.deallocate()
        monthsOnBook.deallocate(); monthsSinceSpend.deallocate(); swipesThisYear.deallocate()
        cooldown.deallocate(); score.deallocate(); limit.deallocate(); revolving.deallocate(); due.deallocate()
        billBalance.deallocate(); billPrincipal.deallocate(); billFee.deallocate()
        cashBalance.deallocate(); cashPrincipal.deallocate(); cashFee.deallocate(); flags.deallocate(); campaignArms.deallocate(); channel.deallocate()
        member.deallocate(); loanBalance.deallocate(); loanPayment.deallocate()
        overduePrincipal.deallocate(); overdueCharges.deallocate()
        monthWords.deallocate()
    }

    /// Copies every agent column of `other` (same count) into this population: traits, account
    /// state, scratch words and flags; not the observed features (`ObservedFeatures`), which
    /// are drawn and reset per strategy. Used to start every strategy from the same spun-up book.
    public func copy(from other: Population) {
        precondition(other.count == count)
        let n = Swift.max(count, 1)
        func c<T>(_ a: UnsafeMutablePointer<T>, _ b: UnsafeMutablePointer<T>) { a.update(from: b, count: n) }
        c(segment, other.segment); c(income, other.income); c(risk, other.risk); c(engagement, other.engagement)
        c(spendScale, other.spendScale); c(payFraction, other.payFraction); c(priceSensitivity, other.priceSensitivity)
        c(rewardSensitivity, other.rewardSensitivity); c(holdings, other.holdings); c(choiceClass, other.choiceClass)
        c(state, other.state)
        c(bucket, other.bucket); c(monthsPast180, other.monthsPast180); c(monthsOnBook, other.monthsOnBook)
        c(monthsSinceSpend, other.monthsSinceSpend); c(swipesThisYear, other.swipesThisYear); c(cooldown, other.cooldown)
        c(score, other.score); c(limit, other.limit); c(revolving, other.revolving); c(due, other.due)
        c(billBalance, other.billBalance); c(billPrincipal, other.billPrincipal); c(billFee, other.billFee)
        c(cashBalance, other.cashBalance); c(cashPrincipal, other.cashPrincipal); c(cashFee, other.cashFee)
        c(overduePrincipal, other.overduePrincipal); c(overdueCharges, other.overdueCharges); c(flags, other.flags)
        c(campaignArms, other.campaignArms); c(channel, other.channel)
        c(member, other.member); c(loanBalance, other.loanBalance); c(loanPayment, other.loanPayment)
        monthWords.update(from: other.monthWords, count: 4 * n)
    }

    /// Total amount owed by agent `i`, fen: revolving plus both installment balances.
    @inline(__always)
    public func receivable(_ i: Int) -> Int64 {
        revolving[i] &+ billBalance[i] &+ cashBalance[i]
    }

    /// Whether agent i's card is long-dormant by the regulatory definition: no customer-initiated
    /// transaction for `months` (the long-dormancy window) and no balance.
    @inline(__always)
    func isLongDormant(_ i: Int, months: Int) -> Bool {
        Int(monthsSinceSpend[i]) >= months && receivable(i) == 0
    }

    /// Takes agent i's card off the book, closed or charged off: balances to 0, the month's
    /// flags cleared, and `wait` months before the agent is a prospect again (`Acquire`).
    @inline(__always)
    func leaveBook(_ i: Int, as state: Lifecycle, wait: UInt8) {
        revolving[i] = 0; due[i] = 0; billBalance[i] = 0; cashBalance[i] = 0
        self.state[i] = state.rawValue
        flags[i] = 0
        cooldown[i] = wait
    }

    /// Bytes held per agent (for the memory estimate printed by the benchmark), the observed
    /// features' columns included.
    public static let bytesPerAgent: Int = coreBytesPerAgent + ObservedFeatures.bytesPerAgent
    private static let coreBytesPerAgent: Int = 1 + 8 * 7 + 1 + 1 + 1 + 1 + 1 + 2 * 3 + 1 + 8 + 11 * 8 + 1 + 16 + 2 + 1 + 16
}

/// Bits of `Population.flags`, valid within one month.
public enum MonthFlags {
    /// The card made its first swipe this month (set by activation, read by spend).
    public static let firstSwipe: UInt8 = 1
    /// An annual fee was charged this month (set by statement, read by attrition).
    public static let annualFeeCharged: UInt8 = 2
    /// Payment outcome (bits 2-3): set by statement, read by delinquency.
    public static let outcomeShift: UInt8 = 2
    public static let outcomeMask: UInt8 = 0b1100
}

/// What an account did with its statement this month.
public enum PaymentOutcome: UInt8, Sendable {
    /// No statement due, or paid as usual while current.
    case normal = 0
    /// Missed the minimum payment: rolls one bucket (or charges off from 150-179 days).
    case roll = 1
    /// Paid the current minimum only: stays in its bucket.
    case stay = 2
    /// Paid the arrears: back to current.
    case cure = 3
}
