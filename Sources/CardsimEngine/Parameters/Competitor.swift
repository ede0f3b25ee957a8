/// What a card issuer offers a customer. The bank's own product is compared with competitors'
/// offers through this common description.
public struct Offer: Sendable, Equatable {
    /// Revolving APR, fraction per year.
    public var apr: Double
    /// Annual fee, yuan.
    public var annualFee: Double
    /// Rewards, yuan of value per yuan spent.
    public var rewardsRate: Double
    /// Interest-free days on purchases.
    public var interestFreeDays: Double

    public init(apr: Double, annualFee: Double, rewardsRate: Double, interestFreeDays: Double) {
        self.apr = apr; self.annualFee = annualFee
        self.rewardsRate = rewardsRate; self.interestFreeDays = interestFreeDays
    }

    /// One of the four offer fields; nil for `reach` and `strictness`, which an offer lacks.
    public subscript(field: OfferField) -> Double? {
        switch field {
        case .apr: return apr
        case .annualFee: return annualFee
        case .rewardsRate: return rewardsRate
        case .interestFreeDays: return interestFreeDays
        case .reach, .strictness: return nil
        }
    }
}

/// Another issuer in the region: its card offer, how far its marketing reaches, how strictly it
/// approves, how many adults hold its card at month 0, and the moves it makes during the run.
public struct Competitor: Sendable, Equatable {
    public enum Kind: String, Sendable { case nationalBank = "national_bank", regionalBank = "regional_bank", internetPlatform = "internet_platform" }
    public var name: String
    public var kind: Kind
    public var offer: Offer
    /// Marketing reach: multiplies the competitor's weight in a prospect's choice, on the scale
    /// of the bank's channel reach (sum of channel intensity x affinity). 1 = reaches like one
    /// fully used channel.
    public var reach: Double = 1
    /// Share of its applicants the competitor rejects, the riskiest first by its own score
    /// `-0.6 z + 0.8 e` (z latent risk, e standard normal): approval when the score is at least
    /// the standard-normal quantile of `strictness`.
    public var strictness: Double = 0.4
    /// Share of the region's adults holding the competitor's card at month 0.
    public var initialHolders: Double = 0
    /// Value of the issuer's brand and ecosystem to a customer, yuan a year (added to the
    /// money value of its offer, `OfferValuation`).
    public var brandValue: Double = 0
    /// Scripted and reactive changes of the offer, in the order they are checked each month.
    public var moves: [CompetitorMove] = []

    public init(name: String, kind: Kind, offer: Offer) {
        self.name = name; self.kind = kind; self.offer = offer
    }

    /// Correlation of a competitor's approval score with creditworthiness (`-z`).
    public static let scoreQuality = 0.6
    /// Most competitors a scenario may declare (holdings are a bit mask of 8 bits).
    public static let maximumCount = 8
}

/// The parts of a competitor's terms a move can change.
public enum OfferField: String, Sendable, CaseIterable {
    case apr, annualFee = "annual_fee", rewardsRate = "rewards_rate", interestFreeDays = "interest_free_days"
    case reach, strictness

    /// Whether more of it is better for the customer (rewards, interest-free days, reach) or
    /// worse (APR, fee, strictness): decides whether a match cap is a ceiling or a floor.
    public var higherIsBetter: Bool {
        switch self {
        case .rewardsRate, .interestFreeDays, .reach: return true
        case .apr, .annualFee, .strictness: return false
        }
    }
}

/// A competitor's terms in force in a month: its offer plus reach and strictness.
public struct CompetitorTerms: Sendable, Equatable {
    public var offer: Offer
    public var reach: Double
    public var strictness: Double
    /// Brand and ecosystem value, yuan a year (not changed by moves).
    public var brandValue: Double

    public init(_ c: Competitor) { offer = c.offer; reach = c.reach; strictness = c.strictness; brandValue = c.brandValue }

    public subscript(field: OfferField) -> Double {
        get {
            switch field {
            case .reach: return reach
            case .strictness: return strictness
            default: return offer[field]!
            }
        }
        set {
            switch field {
            case .apr: offer.apr = newValue
            case .annualFee: offer.annualFee = newValue
            case .rewardsRate: offer.rewardsRate = newValue
            case .interestFreeDays: offer.interestFreeDays = newValue
            case .reach: reach = newValue
            case .strictness: strictness = newValue
            }
        }
    }
}

/// A change of a competitor's terms.
///
/// A **scripted** move takes effect at the start of `month`. A **reactive** move watches the
/// bank: once the bank's share of the region's new accounts has exceeded `shareAbove` in
/// `forMonths` consecutive months (the last of them month t), it takes effect at the start of
/// month t + `lag`. Each move fires at most once. When it fires it sets the fields of `set`, then,
/// if `match` is given, sets that field to the bank's value in force that month, bounded by
/// `cap` (a ceiling for fields where more is better for the customer, a floor otherwise) and
/// never worse for the customer than the competitor's current value.
public struct CompetitorMove: Sendable, Equatable {
    public enum Kind: String, Sendable { case scripted, reactive }
    /// Name of the move, used in `moves.csv` and in --set paths.
    public var name: String = ""
    public var kind: Kind = .scripted
    /// Scripted: first month of the new terms.
    public var month: Int? = nil
    /// Reactive: the bank's share of new accounts that triggers the move, fraction.
    public var shareAbove: Double = 0.5
    /// Reactive: consecutive months above `shareAbove` needed.
    public var forMonths: Int = 1
    /// Reactive: months from the condition being met to the new terms (at least 1).
    public var lag: Int = 1
    /// Reactive or scripted: field set to the bank's value.
    public var match: OfferField? = nil
    /// Bound on the matched value.
    public var cap: Double? = nil
    /// Fields set to fixed values (nil: unchanged), indexed by `OfferField.allCases`.
    public var set: [Double?] = Array(repeating: nil, count: OfferField.allCases.count)

    public init() {}

    /// The terms after this move, given the bank's offer in force.
    public func apply(to terms: CompetitorTerms, bank: Offer) -> CompetitorTerms {
        var t = terms
        for (k, field) in OfferField.allCases.enumerated() {
            if let v = set[k] { t[field] = v }
        }
        if let field = match, var v = bank[field] {
            if let c = cap { v = field.higherIsBetter ? min(v, c) : max(v, c) }
            t[field] = field.higherIsBetter ? max(t[field], v) : min(t[field], v)
        }
        return t
    }
}
