/// The three marketing campaigns of a strategy (`Campaigns`), in a fixed order: the index is
/// the campaign's arm bits in `Population.campaignArms` and its lane of the `holdout` draw.
public enum CampaignKind: Int, Sendable, CaseIterable, Equatable {
    case reactivation = 0
    case firstSwipe = 1
    case precision = 2

    /// The name in scenarios, outputs and `--set` paths (`bank.campaigns.<name>`).
    public var name: String {
        switch self {
        case .reactivation: return "reactivation"
        case .firstSwipe: return "first_swipe"
        case .precision: return "precision"
        }
    }
}

/// A campaign's arms: the customers it treats and its control group (holdout), each measured
/// in the strategy's run and again in the run of the same strategy without the campaign.
public enum CampaignArm: Int, Sendable, CaseIterable, Equatable {
    /// Selected and treated (contacted, given the gift, targeted).
    case treated = 0
    /// Selected in the same way but held out: never contacted, no cost.
    case holdout = 1
    /// The treated customers in the run without the campaign (common random numbers).
    case treatedWithout = 2
    /// The holdout customers in the run without the campaign.
    case holdoutWithout = 3

    public var name: String {
        switch self {
        case .treated: return "treated"
        case .holdout: return "holdout"
        case .treatedWithout: return "treated_without"
        case .holdoutWithout: return "holdout_without"
        }
    }

    /// Bit of `Population.campaignArms` for campaign `kind` (treated or holdout membership).
    @inline(__always)
    public static func bit(_ kind: Int, heldOut: Bool) -> UInt8 { UInt8(1) << UInt8(heldOut ? 3 + kind : kind) }
}

/// Who a campaign reaches: every condition must hold (an unset bound admits everyone). The
/// campaign's own rule (dormant cards, new cards, open cards) applies first; the audience
/// narrows it. All bounds are inclusive.
public struct CampaignAudience: Sendable, Equatable {
    /// Holders of competitors' cards (`Population.holdings`).
    public enum Holders: Sendable, Equatable {
        case any, holders, nonHolders
    }

    /// Segment names (`Market.segments`); empty = every segment.
    public var segments: [String] = []
    /// Approval score band (standard-normal scale, higher is safer).
    public var minimumScore: Double? = nil
    public var maximumScore: Double? = nil
    /// Months since the card was last used (dormancy length).
    public var minimumMonthsIdle: Int? = nil
    public var maximumMonthsIdle: Int? = nil
    /// Months on book.
    public var minimumMonthsOnBook: Int? = nil
    public var maximumMonthsOnBook: Int? = nil
    /// Spend tier: the customer's mean monthly spend in a month of use, yuan
    /// (`Population.spendScale`).
    public var minimumSpend: Double? = nil
    public var maximumSpend: Double? = nil
    /// Holders of a competitor's card only, non-holders only, or either.
    public var holders: Holders = .any
    /// Acquisition channels the account was booked through (names of `Strategy.channels`);
    /// empty = every channel. Accounts booked during the spin-up count as booked through the
    /// channel of the same position in the champion's list; accounts of the book drawn before
    /// the spin-up have no channel and are left out when channels are named.
    public var channels: [String] = []

    public init() {}

    /// Whether the audience admits everyone.
    public var isEveryone: Bool { self == CampaignAudience() }
}

/// An audience resolved against the market for the kernels: a segment mask and integer bounds.
struct AudienceRule: Sendable {
    let segmentMask: UInt64
    let scoreLow: Double, scoreHigh: Double
    let idleLow: UInt16, idleHigh: UInt16
    let bookLow: UInt16, bookHigh: UInt16
    let spendLow: Double, spendHigh: Double
    /// 0 any, 1 holders, 2 non-holders.
    let holders: UInt8
    /// Bit c set for admitted channel c; all bits when every channel is admitted.
    let channelMask: UInt64
    let everyone: Bool

    static let everyone = AudienceRule(CampaignAudience(), segments: [], channels: [])

    init(_ a: CampaignAudience, segments: [Segment], channels: [Channel]) {
        var channelBits: UInt64 = a.channels.isEmpty ? ~0 : 0
        for (k, c) in channels.enumerated() where k < 64 && a.channels.contains(c.name) { channelBits |= UInt64(1) << UInt64(k) }
        channelMask = channelBits
        var mask: UInt64 = a.segments.isEmpty ? ~0 : 0
        for (k, seg) in segments.enumerated() where k < 64 && a.segments.contains(seg.name) { mask |= UInt64(1) << UInt64(k) }
        segmentMask = mask
        scoreLow = a.minimumScore ?? -.infinity; scoreHigh = a.maximumScore ?? .infinity
        func clamp(_ v: Int?, _ fallback: UInt16) -> UInt16 { v.map { UInt16(clamping: $0) } ?? fallback }
        idleLow = clamp(a.minimumMonthsIdle, 0); idleHigh = clamp(a.maximumMonthsIdle, .max)
        bookLow = clamp(a.minimumMonthsOnBook, 0); bookHigh = clamp(a.maximumMonthsOnBook, .max)
        spendLow = a.minimumSpend ?? -.infinity; spendHigh = a.maximumSpend ?? .infinity
        switch a.holders {
        case .any: holders = 0
        case .holders: holders = 1
        case .nonHolders: holders = 2
        }
        everyone = a.isEveryone
    }

    /// Whether agent `i` is in the audience now.
    @inline(__always)
    func admits(_ pop: Population, _ i: Int) -> Bool {
        if everyone { return true }
        let s = UInt64(pop.segment[i])
        guard s < 64, segmentMask & (UInt64(1) << s) != 0 else { return false }
        let score = pop.score[i]
        guard score >= scoreLow && score <= scoreHigh else { return false }
        let idle = pop.monthsSinceSpend[i], book = pop.monthsOnBook[i]
        guard idle >= idleLow && idle <= idleHigh && book >= bookLow && book <= bookHigh else { return false }
        let spend = pop.spendScale[i]
        guard spend >= spendLow && spend <= spendHigh else { return false }
        if channelMask != ~0 {
            let c = UInt64(pop.channel[i])
            guard c < 64, channelMask & (UInt64(1) << c) != 0 else { return false }
        }
        switch holders {
        case 1: return pop.holdings[i] != 0
        case 2: return pop.holdings[i] == 0
        default: return true
        }
    }
}
