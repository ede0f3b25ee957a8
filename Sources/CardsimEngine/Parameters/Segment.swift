/// Spending categories. Each segment splits its card spend across them in fixed shares.
public enum Category: Int, CaseIterable, Sendable {
    case groceries, dining, fuel, travel, online, education, other

    public var name: String {
        switch self {
        case .groceries: "groceries"
        case .dining: "dining"
        case .fuel: "fuel"
        case .travel: "travel"
        case .online: "online"
        case .education: "education"
        case .other: "other"
        }
    }
}

/// A group of adults in the region with its own distributions of income, risk and behaviour.
///
/// Every agent draws its traits from its segment at the start of a path:
/// - income (yuan per month) is lognormal: `incomeMedian * exp(incomeSigma * z)`;
/// - latent credit risk is a z-score `riskMean + riskSigma * z`; larger is riskier;
/// - engagement (the monthly probability of using the card while active) is
///   `logistic(engagementLogit + engagementSigma * z)`;
/// - revolvers are a share `revolverShare` of the segment; a revolver pays a fraction of its
///   statement drawn uniformly in `[payFractionLow, payFractionHigh]`;
/// - occasional users (share `occasionalShare`) have engagement
///   `logistic(logit(occasionalUsage) + 0.5 z)`, with the same z;
/// - price and reward sensitivities are the segment's times the agent's responder multiplier
///   (`ChoiceSettings.sensitivitySpread`: a low or a high responder, halves of the segment).
public struct Segment: Sendable, Equatable {
    public var name: String
    /// Share of the region's adults in this segment (fraction; all segments sum to 1).
    public var share: Double
    /// Median monthly income, yuan.
    public var incomeMedian: Double
    /// Standard deviation of log income.
    public var incomeSigma: Double
    /// Mean of the latent risk z-score (0 = average; +1 = one standard deviation riskier).
    public var riskMean: Double
    /// Standard deviation of latent risk within the segment.
    public var riskSigma: Double
    /// Mean monthly card spend when the card is used, as a fraction of monthly income.
    public var spendShareOfIncome: Double
    /// Standard deviation of log monthly spend (lognormal with the mean above).
    public var spendSigma: Double
    /// Log-odds of using the card in a month while active, at the segment mean.
    public var engagementLogit: Double
    /// Standard deviation of engagement log-odds between agents.
    public var engagementSigma: Double
    /// Share of agents who revolve (pay part of the statement) rather than pay in full.
    public var revolverShare: Double
    /// A revolver's payment fraction is uniform on [low, high] (of the statement balance).
    public var payFractionLow: Double
    public var payFractionHigh: Double
    /// Sensitivity to price (APR, fees): multiplies the offer's cost in the choice model.
    public var priceSensitivity: Double
    /// Sensitivity to rewards: multiplies the offer's reward value in the choice model.
    public var rewardSensitivity: Double
    /// Monthly probability that a prospect of this segment applies for a card through a channel
    /// of intensity 1, before the bank's share under the choice model (about 20% against the
    /// baseline's three competitors; 1 with none).
    public var applyPropensity: Double
    /// Reach of each acquisition channel in this segment, by channel name (missing = 1).
    public var channelAffinity: [String: Double]
    /// Share of spend in each category, indexed by `Category.rawValue`; sums to 1.
    public var categoryMix: [Double]
    /// Share of this segment that already holds the bank's card at month 0.
    public var initialPenetration: Double
    /// Monthly probability of taking a cash installment when eligible.
    public var cashInstallmentPropensity: Double
    /// Monthly probability that a revolver converts a large statement into a bill installment.
    public var billInstallmentPropensity: Double
    /// Share of agents who are occasional users: their monthly usage probability is
    /// `logistic(logit(occasionalUsage) + 0.5 z)` instead of the engagement distribution above.
    /// Occasional users (a card kept for travel, big purchases or a promotion) spend months
    /// unused without losing the card, so they fill the dormant window between the active and
    /// the long-dormant cards.
    public var occasionalShare: Double = 0
    /// Median monthly usage probability of an occasional user.
    public var occasionalUsage: Double = 0.1

    public init(
        name: String, share: Double, incomeMedian: Double, incomeSigma: Double = 0.5,
        riskMean: Double = 0, riskSigma: Double = 1, spendShareOfIncome: Double = 0.3,
        spendSigma: Double = 0.6, engagementLogit: Double = -0.9,
        engagementSigma: Double = 2.0, revolverShare: Double = 0.35, payFractionLow: Double = 0.1,
        payFractionHigh: Double = 0.6, priceSensitivity: Double = 1, rewardSensitivity: Double = 1,
        applyPropensity: Double = 0.004, channelAffinity: [String: Double] = [:],
        categoryMix: [Double] = [0.25, 0.15, 0.08, 0.08, 0.25, 0.05, 0.14],
        initialPenetration: Double = 0.1, cashInstallmentPropensity: Double = 0.004,
        billInstallmentPropensity: Double = 0.05
    ) {
        self.name = name; self.share = share; self.incomeMedian = incomeMedian
        self.incomeSigma = incomeSigma; self.riskMean = riskMean; self.riskSigma = riskSigma
        self.spendShareOfIncome = spendShareOfIncome; self.spendSigma = spendSigma
        self.engagementLogit = engagementLogit
        self.engagementSigma = engagementSigma; self.revolverShare = revolverShare
        self.payFractionLow = payFractionLow; self.payFractionHigh = payFractionHigh
        self.priceSensitivity = priceSensitivity; self.rewardSensitivity = rewardSensitivity
        self.applyPropensity = applyPropensity; self.channelAffinity = channelAffinity
        self.categoryMix = categoryMix; self.initialPenetration = initialPenetration
        self.cashInstallmentPropensity = cashInstallmentPropensity
        self.billInstallmentPropensity = billInstallmentPropensity
    }
}
