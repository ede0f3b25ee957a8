/// What a bank can see of an adult beyond the core traits of `Population`: the application
/// features a credit bureau and local data providers report, and the account history a
/// behaviour scorecard reads. Columns, one entry per agent, allocated once per worker.
///
/// The application features are drawn once per path (`ObservedFeatures.draw`) as noisy
/// functions of the latent risk z, so that each carries real but partial information about z
/// (see `FeatureCatalogue` for the equations). The account columns are reset for every
/// strategy and kept up to date by `TrackOutcome`.
public final class ObservedFeatures: @unchecked Sendable {
    public let count: Int
    /// Age, years (18-75).
    public let age: UnsafeMutablePointer<Double>
    /// Credit cards held with other issuers at month 0, count (0-18); filled by `otherCardsCount`.
    public let otherCards: UnsafeMutablePointer<UInt8>
    /// Credit applications in the last 12 months as the bureau reports them, count (0-20).
    public let recentApplications: UnsafeMutablePointer<UInt8>
    /// Months with social-security contributions in the last 24 (local data), 0-24.
    public let socialSecurityMonths: UnsafeMutablePointer<UInt8>
    /// Share of utility bills paid on time in the last 12 months (local data), in (0, 1).
    public let utilityRegularity: UnsafeMutablePointer<Double>
    /// Past-due history: bit k is set when the account was past due at the end of the month
    /// k months ago (bit 0 = this month).
    public let pastDueHistory: UnsafeMutablePointer<UInt16>
    /// Worst delinquency bucket the account has reached since it was booked.
    public let worstBucket: UnsafeMutablePointer<UInt8>
    /// Month in which the account was booked during the run; 0 for the month-0 book and for
    /// agents without an account.
    public let bookedMonth: UnsafeMutablePointer<UInt16>
    /// Month in which the account first reached 90+ days past due (bucket 4); 0 if never.
    public let badMonth: UnsafeMutablePointer<UInt16>
    /// Standardised application score of the strategy's own scorecard, and of the champion's
    /// (in force outside a challenger's risk window); scratch columns of `StrategyScoring`.
    let applicationScore: UnsafeMutablePointer<Double>
    let fallbackApplicationScore: UnsafeMutablePointer<Double>

    public init(count: Int) {
        self.count = count
        func make<T>(_ zero: T) -> UnsafeMutablePointer<T> { Self.column(zero, count: count) }
        age = make(0); otherCards = make(0); recentApplications = make(0); socialSecurityMonths = make(0)
        utilityRegularity = make(0); pastDueHistory = make(0); worstBucket = make(0); bookedMonth = make(0); badMonth = make(0)
        applicationScore = make(0); fallbackApplicationScore = make(0)
    }

    /// A column of `count` (at least 1) entries set to `zero`.
    static func column<T>(_ zero: T, count: Int) -> UnsafeMutablePointer<T> {
        let p = UnsafeMutablePointer<T>.allocate(capacity: Swift.max(count, 1))
        p.initialize(repeating: zero, count: Swift.max(count, 1))
        return p
    }

    deinit {
        age.deallocate(); otherCards.deallocate(); recentApplications.deallocate()
        socialSecurityMonths.deallocate(); utilityRegularity.deallocate(); pastDueHistory.deallocate()
        worstBucket.deallocate(); bookedMonth.deallocate(); badMonth.deallocate()
        applicationScore.deallocate(); fallbackApplicationScore.deallocate()
    }

    /// Clears the account history of every agent (before each strategy's months). The month-0
    /// book starts with the bucket it was drawn in as its worst and as this month's history.
    /// Clears agent i's account history when it becomes a prospect again.
    func forget(_ i: Int) {
        worstBucket[i] = 0; pastDueHistory[i] = 0; bookedMonth[i] = 0; badMonth[i] = 0
    }

    func resetAccounts(_ pop: Population) {
        for i in 0..<count {
            let bucket = pop.bucket[i]
            worstBucket[i] = bucket
            pastDueHistory[i] = bucket > 0 ? 1 : 0
            bookedMonth[i] = 0
            badMonth[i] = 0
        }
    }

    /// Bytes held per agent.
    public static let bytesPerAgent: Int = 8 * 4 + 2 * 3 + 1 * 4

    /// Draws the application features of every agent of a path (after its competitor
    /// holdings, which `other_cards` counts).
    /// Draws: purposes `features` (age, other cards, recent applications, social security)
    /// and `features2` (utility regularity), month counter 0.
    static func draw(_ pop: Population, rng: PathRandom) {
        let obs = pop.observed
        for i in 0..<pop.count {
            let z = pop.risk[i]
            let a = rng.words(agent: i, month: 0, .features)
            let b = rng.words(agent: i, month: 0, .features2)
            obs.age[i] = FeatureCatalogue.age(z: z, normal: Draw.normal(a.0))
            obs.otherCards[i] = FeatureCatalogue.otherCardsCount(z: z, income: pop.income[i], normal: Draw.normal(a.1),
                                                                 competitorCards: pop.holdings[i])
            obs.recentApplications[i] = FeatureCatalogue.recentApplications(z: z, uniform: Draw.unit(a.2))
            obs.socialSecurityMonths[i] = FeatureCatalogue.socialSecurityMonths(z: z, normal: Draw.normal(a.3))
            obs.utilityRegularity[i] = FeatureCatalogue.utilityRegularity(z: z, normal: Draw.normal(b.0))
        }
    }
}
