/// A variable a scorecard may read: an application feature (known when a prospect applies) or
/// a behaviour feature (read off the account's state).
///
/// Names are those of the columns of `cardsim run --export-features` and of the model files
/// `cardsim fit scorecard` writes.
public enum ScoreFeature: Sendable, Hashable {
    /// ln(monthly income in yuan).
    case logIncome
    /// Age, years: `FeatureCatalogue.age`.
    case age
    /// Cards held with other issuers, count: `FeatureCatalogue.otherCardsCount`.
    case otherCards
    /// Credit applications in the last 12 months, count: `FeatureCatalogue.recentApplications`.
    case recentApplications
    /// Social-security contribution months in the last 24 (local data):
    /// `FeatureCatalogue.socialSecurityMonths`.
    case socialSecurityMonths
    /// Share of utility bills paid on time in the last 12 months (local data):
    /// `FeatureCatalogue.utilityRegularity`.
    case utilityRegularity
    /// Receivable / limit at the end of the previous month, fraction (0 without a limit).
    case utilization
    /// Months on book.
    case monthsOnBook
    /// Month-ends past due in the last 12 months, count 0-12.
    case recentDelinquency
    /// Share of each statement the customer pays (1 for transactors), fraction.
    case paymentRatio
    /// 1 when the agent belongs to the named segment, else 0.
    case segment(String)

    /// Every feature without a segment, in catalogue order.
    public static let fixed: [ScoreFeature] = [
        .logIncome, .age, .otherCards, .recentApplications, .socialSecurityMonths, .utilityRegularity,
        .utilization, .monthsOnBook, .recentDelinquency, .paymentRatio,
    ]

    /// The column name: `log_income`, ..., `segment_<name>`.
    public var name: String {
        switch self {
        case .logIncome: return "log_income"
        case .age: return "age"
        case .otherCards: return "other_cards"
        case .recentApplications: return "recent_applications"
        case .socialSecurityMonths: return "social_security_months"
        case .utilityRegularity: return "utility_regularity"
        case .utilization: return "utilization"
        case .monthsOnBook: return "months_on_book"
        case .recentDelinquency: return "recent_delinquency"
        case .paymentRatio: return "payment_ratio"
        case .segment(let s): return "segment_" + s
        }
    }

    /// The feature called `name`, if any (segment names are not checked here).
    public init?(name: String) {
        if let f = ScoreFeature.fixed.first(where: { $0.name == name }) { self = f; return }
        guard name.hasPrefix("segment_"), name.count > "segment_".count else { return nil }
        self = .segment(String(name.dropFirst("segment_".count)))
    }

    /// Whether the feature is known at application (before the account exists).
    public var isApplication: Bool {
        switch self {
        case .utilization, .monthsOnBook, .recentDelinquency, .paymentRatio: return false
        default: return true
        }
    }
}

/// The equations of the observable application features: each a noisy function of the latent
/// risk z (larger is riskier) and of a standard normal e or uniform u of its own, so that it
/// tells the bank something, but not everything, about z.
public enum FeatureCatalogue {
    /// Age = 42 - 4 z + 11 e years, kept within [18, 75]: older applicants are a little safer.
    @inline(__always)
    public static func age(z: Double, normal e: Double) -> Double {
        min(max(42 - 4 * z + 11 * e, 18), 75)
    }

    /// Cards with other issuers = the competitors' cards the adult holds at month 0 (the
    /// modelled market's, `Population.holdings`) plus cards of issuers outside it,
    /// round(0.4 + 0.35 ln(income / 5,000) + 0.6 z + 0.9 e) within [0, 10]: richer adults hold
    /// more cards, and so do riskier ones (credit hunger). At most 18.
    @inline(__always)
    public static func otherCardsCount(z: Double, income: Double, normal e: Double, competitorCards: UInt8) -> UInt8 {
        let v: Double = (0.4 + 0.35 * _log(max(income, 1) / 5_000) + 0.6 * z + 0.9 * e).rounded()
        let outside = UInt8(min(max(v, 0), 10))
        return outside + UInt8(truncatingIfNeeded: competitorCards.nonzeroBitCount)
    }

    /// Credit applications in the last 12 months: Poisson with mean exp(0.1 + 0.5 z), drawn by
    /// inverting its distribution function at u, capped at 20.
    @inline(__always)
    public static func recentApplications(z: Double, uniform u: Double) -> UInt8 {
        let lambda = _exp(0.1 + 0.5 * z)
        var k = 0, p = _exp(-lambda), cumulative = p
        while u > cumulative && k < 20 {
            k += 1
            p *= lambda / Double(k)
            cumulative += p
        }
        return UInt8(k)
    }

    /// Social-security contribution months in the last 24 = round(24 logistic(1.6 - 1.9 z + 0.7 e)):
    /// steady formal employment goes with lower risk.
    @inline(__always)
    public static func socialSecurityMonths(z: Double, normal e: Double) -> UInt8 {
        UInt8((24 * logistic(1.6 - 1.9 * z + 0.7 * e)).rounded())
    }

    /// Share of utility bills paid on time = logistic(2.2 - 1.5 z + 0.5 e).
    @inline(__always)
    public static func utilityRegularity(z: Double, normal e: Double) -> Double {
        logistic(2.2 - 1.5 * z + 0.5 * e)
    }

    /// The value of `feature` for agent i (`segment` is the segment index a `.segment` feature
    /// resolved to, -1 for other features).
    @inline(__always)
    static func value(_ feature: ResolvedFeature, _ pop: Population, _ i: Int) -> Double {
        let obs = pop.observed
        switch feature {
        case .logIncome: return _log(max(pop.income[i], 1))
        case .age: return obs.age[i]
        case .otherCards: return Double(obs.otherCards[i])
        case .recentApplications: return Double(obs.recentApplications[i])
        case .socialSecurityMonths: return Double(obs.socialSecurityMonths[i])
        case .utilityRegularity: return obs.utilityRegularity[i]
        case .utilization:
            let limit = pop.limit[i]
            return limit > 0 ? Double(pop.receivable(i)) / Double(limit) : 0
        case .monthsOnBook: return Double(pop.monthsOnBook[i])
        case .recentDelinquency: return Double((obs.pastDueHistory[i] & 0x0FFF).nonzeroBitCount)
        case .paymentRatio: return pop.payFraction[i]
        case .segment(let s): return Int(pop.segment[i]) == s ? 1 : 0
        }
    }
}

/// A feature with its segment resolved to an index of `Market.segments`.
enum ResolvedFeature: Sendable, Equatable {
    case logIncome, age, otherCards, recentApplications, socialSecurityMonths, utilityRegularity
    case utilization, monthsOnBook, recentDelinquency, paymentRatio
    case segment(Int)

    /// nil when a segment feature names no segment of the market.
    init?(_ f: ScoreFeature, segments: [String]) {
        switch f {
        case .logIncome: self = .logIncome
        case .age: self = .age
        case .otherCards: self = .otherCards
        case .recentApplications: self = .recentApplications
        case .socialSecurityMonths: self = .socialSecurityMonths
        case .utilityRegularity: self = .utilityRegularity
        case .utilization: self = .utilization
        case .monthsOnBook: self = .monthsOnBook
        case .recentDelinquency: self = .recentDelinquency
        case .paymentRatio: self = .paymentRatio
        case .segment(let name):
            guard let k = segments.firstIndex(of: name) else { return nil }
            self = .segment(k)
        }
    }
}
