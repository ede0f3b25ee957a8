/// An acquisition channel: where applications come from and what each one costs.
///
/// A prospect of segment s applies through channel c in a month with probability
/// `applyPropensity_s * intensity_c * affinity_{s,c} * share_s` (share_s: the bank's share of
/// applications under the choice model; the sum over channels is capped at 1), and the bank
/// pays `costPerApplication` for each application.
public struct Channel: Sendable, Equatable {
    public var name: String
    /// Monthly reach intensity (dimensionless; 1 = the segment's base propensity).
    public var intensity: Double
    /// Cost per application received through the channel, yuan.
    public var costPerApplication: Double

    public init(name: String, intensity: Double, costPerApplication: Double) {
        self.name = name; self.intensity = intensity; self.costPerApplication = costPerApplication
    }

    /// The four channels of a regional bank with default reach and cost.
    public static let defaults: [Channel] = [
        Channel(name: "branch", intensity: 0.8, costPerApplication: 70),
        Channel(name: "online", intensity: 1.0, costPerApplication: 55),
        Channel(name: "field", intensity: 0.6, costPerApplication: 60),
        Channel(name: "payroll", intensity: 0.5, costPerApplication: 35),
    ]
}

/// How the bank decides whom to approve and for how much.
///
/// The approval score is a noisy view of latent risk with correlation `modelQuality`:
/// `score = -modelQuality * z + sqrt(1 - modelQuality^2) * e`, e standard normal, and an
/// application is approved when `score >= cutoff`. The initial limit is
/// `income * limitIncomeMultiple * exp(limitScoreSlope * score)` or, with `limitBands`,
/// `income * incomeMultiple` of the highest band whose `minimumScore` the score reaches (the
/// minimum limit below every band); rounded down to 1,000 yuan and kept within [minimumLimit,
/// maximumLimit] (themselves rounded inwards to 1,000 yuan).
public struct RiskPolicy: Sendable, Equatable {
    /// Correlation of the approval score with (minus) latent risk, in [0, 1).
    public var modelQuality: Double = 0.55
    /// Approval cut-off on the score (a standard normal): -0.2 approves about 58%.
    public var cutoff: Double = -0.2
    /// Initial limit as a multiple of monthly income at score 0.
    public var limitIncomeMultiple: Double = 2.66
    /// Log-change of the initial limit per unit of score.
    public var limitScoreSlope: Double = 0.25
    /// Smallest initial limit, yuan.
    public var minimumLimit: Double = 3_000
    /// Largest initial limit, yuan.
    public var maximumLimit: Double = 100_000
    /// Initial limit by score band; when not empty it replaces `limitIncomeMultiple` and
    /// `limitScoreSlope`.
    public var limitBands: [LimitBand] = []
    /// Scorecards that replace the synthetic score (none by default; see `ScorecardPolicy`).
    public var scorecards = ScorecardPolicy()

    public init() {}

    /// `limitBands` by descending minimum score, as the limit rule reads them.
    var descendingLimitBands: [LimitBand] { limitBands.sorted { $0.minimumScore > $1.minimumScore } }
}

/// A band of the initial-limit table: an applicant whose approval score is at least
/// `minimumScore` (and below the next band's) gets `incomeMultiple` months of income as its
/// initial limit.
public struct LimitBand: Sendable, Equatable {
    /// Lowest standard-normal approval score of the band.
    public var minimumScore: Double
    /// Initial limit as a multiple of monthly income.
    public var incomeMultiple: Double

    public init(minimumScore: Double, incomeMultiple: Double) {
        self.minimumScore = minimumScore; self.incomeMultiple = incomeMultiple
    }

    /// The multiple for `score` from bands sorted by descending `minimumScore`; nil below
    /// every band.
    @inline(__always)
    static func multiple(_ descending: [LimitBand], score: Double) -> Double? {
        for band in descending where score >= band.minimumScore { return band.incomeMultiple }
        return nil
    }
}
