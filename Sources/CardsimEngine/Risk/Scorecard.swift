/// A logistic scorecard over observable features: the log-odds that an account goes bad,
///
///     L = intercept + sum_j coefficient_j x value_j,
///
/// each value in the units of its feature (`ScoreFeature`), as `cardsim fit scorecard` writes
/// it. The bank's score is -L (larger is safer), standardised per path (`RiskScoring`).
public struct Scorecard: Sendable, Equatable {
    public struct Term: Sendable, Equatable {
        public var feature: ScoreFeature
        /// Log-odds of going bad per unit of the feature's value.
        public var coefficient: Double
        public init(feature: ScoreFeature, coefficient: Double) {
            self.feature = feature; self.coefficient = coefficient
        }
    }

    public var name: String
    public var terms: [Term]
    public var intercept: Double
    /// Where the scorecard was read from, as the scenario wrote it (empty when built in code).
    public var source: String

    public init(name: String, terms: [Term], intercept: Double, source: String = "") {
        self.name = name; self.terms = terms; self.intercept = intercept; self.source = source
    }

    /// Whether every feature is known at application.
    public var usesApplicationFeaturesOnly: Bool { terms.allSatisfy { $0.feature.isApplication } }

    /// Names of the segments its segment features refer to.
    public var segmentNames: [String] {
        terms.compactMap { if case .segment(let s) = $0.feature { return s } else { return nil } }
    }
}

/// How the bank scores and decides with scorecards (the scorecard mode of a `RiskPolicy`).
///
/// With an application scorecard, the approval score of an applicant is its standardised
/// scorecard score s = (-L - m) / sd, m and sd the mean and standard deviation of -L over the
/// path's prospects at month 0 weighted by their month-1 application probability, so that s
/// sits on the same standard-normal scale as the synthetic score: `cutoff`,
/// `limitScoreSlope`, pricing tiers and line-review thresholds keep their meaning. With
/// `approvalRate`, the cut-off is instead the weighted quantile of s that approves that share
/// of the month-1 applicant pool. A behaviour scorecard, standardised over the month-0 book's
/// open accounts, replaces the approval score in credit-line reviews.
public struct ScorecardPolicy: Sendable, Equatable {
    public var application: Scorecard?
    public var behaviour: Scorecard?
    /// Share of month-1 applicants to approve; nil = approve at `RiskPolicy.cutoff`.
    public var approvalRate: Double?

    public init(application: Scorecard? = nil, behaviour: Scorecard? = nil, approvalRate: Double? = nil) {
        self.application = application; self.behaviour = behaviour; self.approvalRate = approvalRate
    }

    public var isEmpty: Bool { application == nil && behaviour == nil }
}

extension Scenario {
    /// Whether any strategy (or its fallback) scores with a scorecard; only then are the
    /// observable features drawn and account outcomes tracked.
    public var usesScorecards: Bool {
        strategies.contains { !$0.risk.scorecards.isEmpty || !($0.fallback?.risk.scorecards.isEmpty ?? true) }
    }
}
