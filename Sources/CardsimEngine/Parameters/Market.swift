/// The region: its adults, how they behave with a card, and how their credit evolves.
public struct Market: Sendable, Equatable {
    /// Adults in the region. Each simulated agent stands for `adults / agents` of them.
    public var adults: Int
    public var segments: [Segment]
    public var behaviour: Behaviour
    public var credit: CreditDynamics
    public var regulation = Regulation()
    /// How existing cardholders answer prices and rewards.
    public var responses = Responses()
    /// How prospects and holders value offers.
    public var choice = ChoiceSettings()
    /// The bank plan's target segments (names of `segments`): KPI `target_segment_share`.
    public var targetSegments: [String] = []
    /// How complaints arise: KPI `complaint_rate`.
    public var complaints = Complaints()

    public init(adults: Int, segments: [Segment], behaviour: Behaviour = Behaviour(),
                credit: CreditDynamics = CreditDynamics()) {
        self.adults = adults; self.segments = segments
        self.behaviour = behaviour; self.credit = credit
    }
}

/// Card-usage behaviour shared by all segments.
public struct Behaviour: Sendable, Equatable {
    /// Share of the month-0 book that has been activated (the rest were issued and never used).
    public var initialActivatedShare: Double = 0.85
    /// Monthly probability that a new, not yet activated account makes its first swipe, in its
    /// first month on book; it decays by `activationDecay` each further month.
    public var activationProbability: Double = 0.146
    /// Multiplicative monthly decay of the activation probability.
    public var activationDecay: Double = 0.75
    /// Months without spend after which an activated card counts as dormant.
    public var dormancyMonths: Int = 6
    /// Months without customer-initiated spend after which a card with no balance counts as
    /// long-dormant (the regulatory definition; see `Regulation`).
    public var longDormancyMonths: Int = 18
    /// Factor on the monthly usage probability once a card is dormant (habit loss).
    public var dormantUsageFactor: Double = 0.5
    /// Monthly probability that a current issued or open card with no balance is closed.
    public var baseAttrition: Double = 0.003
    /// Monthly probability that a current holder with a balance pays it off and closes the card.
    public var balanceAttrition: Double = 0.002
    /// Monthly probability that a holder with nothing owed reconsiders its card and compares
    /// it with the competitors' offers (see `MarketChoice`); 0 without competitors.
    public var switchingRate: Double = 0.004
    /// Extra monthly closing probability for a dormant or never-activated card.
    public var dormantAttrition: Double = 0.029
    /// Added to the closing probability in the month an annual fee is charged (not waived).
    public var feeAttrition: Double = 0.12
    /// Months a rejected applicant waits before it can apply again.
    public var reapplyCooldownMonths: Int = 6
    /// Months after closing a card before the former holder is a prospect again (may apply).
    public var returnAfterClosingMonths: Int = 12
    /// Months a charge-off stays on the credit record, after which the former holder is a
    /// prospect again (the credit-reporting rules keep negative records for five years).
    public var creditRecordMonths: Int = 60
    /// Statement balance (yuan) at or above which a revolver may convert to a bill installment.
    public var billInstallmentThreshold: Double = 2000
    /// Share of the statement converted into a bill installment.
    public var billInstallmentShare: Double = 0.6

    public init() {}
}

/// Delinquency dynamics: a bucket chain current, 1-29, 30-59, 60-89, 90-119, 120-149, 150-179
/// days past due, and charge-off at 180 days.
///
/// From bucket k the account rolls to k+1 (misses the payment), stays (pays the current minimum
/// only), or cures to current (pays the arrears). For an agent with latent risk z, utilization
/// U and unemployment u the roll probability is
///
///     roll_k = logistic(logit(baseRoll[k]) + riskSlope * z
///                       + utilizationSlope * (U - 0.3) + unemploymentSlope * (u - u0)),
///
/// the last two terms only when `behaviourFeedback` is on (U counts what is carried: a current
/// transactor's statement, paid in full, does not raise it; its installments do), and the cure
/// probability keeps its
/// base ratio to "stay": cure_k = baseCure[k] * (1 - roll_k) / (1 - baseRoll[k]).
public struct CreditDynamics: Sendable, Equatable {
    /// Base monthly roll probability from bucket k to k+1 (k = 0 is current), 7 entries.
    public var baseRoll: [Double] = [0.0026, 0.22, 0.45, 0.55, 0.62, 0.68, 0.75]
    /// Base monthly cure probability from bucket k back to current (entry 0 unused), 7 entries.
    public var baseCure: [Double] = [0, 0.70, 0.30, 0.20, 0.15, 0.12, 0.10]
    /// Log-odds of rolling per unit of latent risk z.
    public var riskSlope: Double = 1.5
    /// Log-odds of rolling per unit of utilization above 30% (behaviour feedback).
    public var utilizationSlope: Double = 0.55
    /// Log-odds of rolling per percentage point of unemployment above its long-run mean.
    public var unemploymentSlope: Double = 0.25
    /// When false, roll rates depend only on the bucket and latent risk (a fixed Markov chain
    /// per agent): used by the closed-form test.
    public var behaviourFeedback: Bool = true
    /// Share of a charged-off balance recovered (booked in the month of charge-off).
    public var recoveryRate: Double = 0.15
    /// Days past due at which a balance is written off (charged off): 180, or later in steps of
    /// 30 days. Past 180 days an account sits in bucket 7: no payment, no charges (non-accrual),
    /// no cure, until written off.
    public var writeOffDays: Int = 180
    /// Log-odds added to every roll probability of an account at the peak of its seasoning
    /// curve (vintage risk): lift x h(m), h(m) = (m / peak) exp(1 - m / peak) for months on book
    /// m, 0 at booking, 1 at `seasoningPeakMonths`, falling back to 0 for mature accounts.
    public var seasoningLift: Double = 1.0
    /// Months on book at which the seasoning lift peaks.
    public var seasoningPeakMonths: Double = 12

    public init() {}

    /// Number of delinquency buckets before 180 days past due (0 current ... 6 = 150-179 days).
    public static let buckets = 7
    /// The bucket of accounts 180+ days past due awaiting write-off.
    public static let pastWriteOffBucket: UInt8 = 7
    /// Months an account spends past 180 days before it is written off.
    public var monthsPast180BeforeWriteOff: Int { max(0, (writeOffDays - 180) / 30) }

    /// The seasoning curve h(m) in [0, 1] (see `seasoningLift`).
    public func seasoning(monthsOnBook m: Double) -> Double {
        guard seasoningPeakMonths > 0 else { return 0 }
        let x = m / seasoningPeakMonths
        return x * _exp(1 - x)
    }
}
