import CardsimEngine

/// The market used when a scenario omits `market.segments`: the six segments the product brief
/// names for a regional bank's region. Incomes are yuan per month; shares of adults sum to 1.
/// Values the brief does not give are assumptions, to be calibrated with the engine.
public enum DefaultMarket {
    /// Engagement log-odds are offsets from, and apply propensities multiples of, the engine's
    /// calibrated segment defaults, so the default market follows the engine's calibration.
    public static let segments: [Segment] = [
        Segment(name: "young_professionals", share: 0.18, incomeMedian: 7_500, incomeSigma: 0.45,
                riskMean: 0.2, riskSigma: 1.0, spendShareOfIncome: 2.275, spendSigma: 0.6,
                engagementLogit: base.engagementLogit + heavyUse + 0.4, engagementSigma: 1.8, revolverShare: 0.9, payFractionLow: 0.1,
                payFractionHigh: 0.5, priceSensitivity: 1.2, rewardSensitivity: 1.3, applyPropensity: base.applyPropensity * 1.6,
                channelAffinity: ["branch": 0.5, "online": 1.6, "field": 0.8, "payroll": 1.2],
                categoryMix: mix(groceries: 0.15, dining: 0.25, fuel: 0.05, travel: 0.10, online: 0.35, education: 0.02, other: 0.08),
                initialPenetration: 0.08, cashInstallmentPropensity: 0.048, billInstallmentPropensity: 0.48),
        Segment(name: "families", share: 0.26, incomeMedian: 12_000, incomeSigma: 0.45,
                riskMean: -0.2, riskSigma: 0.9, spendShareOfIncome: 2.6, spendSigma: 0.5,
                engagementLogit: base.engagementLogit + heavyUse + 0.2, engagementSigma: 1.8, revolverShare: 0.6, payFractionLow: 0.15,
                payFractionHigh: 0.6, priceSensitivity: 1.0, rewardSensitivity: 1.2, applyPropensity: base.applyPropensity,
                channelAffinity: ["branch": 1.0, "online": 1.1, "field": 1.0, "payroll": 1.3],
                categoryMix: mix(groceries: 0.32, dining: 0.12, fuel: 0.10, travel: 0.06, online: 0.18, education: 0.12, other: 0.10),
                initialPenetration: 0.12, cashInstallmentPropensity: 0.032, billInstallmentPropensity: 0.42),
        Segment(name: "high_net_worth", share: 0.03, incomeMedian: 55_000, incomeSigma: 0.4,
                riskMean: -0.8, riskSigma: 0.8, spendShareOfIncome: 1.625, spendSigma: 0.6,
                engagementLogit: base.engagementLogit + heavyUse + 0.7, engagementSigma: 1.6, revolverShare: 0.2, payFractionLow: 0.3,
                payFractionHigh: 0.9, priceSensitivity: 0.5, rewardSensitivity: 1.4, applyPropensity: base.applyPropensity * 0.6,
                channelAffinity: ["branch": 1.8, "online": 0.8, "field": 0.4, "payroll": 0.6],
                categoryMix: mix(groceries: 0.12, dining: 0.20, fuel: 0.08, travel: 0.30, online: 0.15, education: 0.05, other: 0.10),
                initialPenetration: 0.10, cashInstallmentPropensity: 0.008, billInstallmentPropensity: 0.12),
        Segment(name: "new_urban_residents", share: 0.14, incomeMedian: 5_500, incomeSigma: 0.5,
                riskMean: 0.4, riskSigma: 1.1, spendShareOfIncome: 1.95, spendSigma: 0.6,
                engagementLogit: base.engagementLogit + heavyUse, engagementSigma: 2.0, revolverShare: 0.9, payFractionLow: 0.1,
                payFractionHigh: 0.5, priceSensitivity: 1.4, rewardSensitivity: 1.0, applyPropensity: base.applyPropensity * 1.3,
                channelAffinity: ["branch": 0.6, "online": 1.3, "field": 1.4, "payroll": 1.0],
                categoryMix: mix(groceries: 0.28, dining: 0.18, fuel: 0.04, travel: 0.05, online: 0.30, education: 0.03, other: 0.12),
                initialPenetration: 0.05, cashInstallmentPropensity: 0.048, billInstallmentPropensity: 0.36),
        Segment(name: "county_rural", share: 0.25, incomeMedian: 3_800, incomeSigma: 0.55,
                riskMean: 0.3, riskSigma: 1.0, spendShareOfIncome: 1.43, spendSigma: 0.6,
                engagementLogit: base.engagementLogit + heavyUse - 0.4, engagementSigma: 2.0, revolverShare: 0.7, payFractionLow: 0.1,
                payFractionHigh: 0.6, priceSensitivity: 1.3, rewardSensitivity: 0.8, applyPropensity: base.applyPropensity * 0.6,
                channelAffinity: ["branch": 1.4, "online": 0.6, "field": 1.3, "payroll": 0.5],
                categoryMix: mix(groceries: 0.35, dining: 0.10, fuel: 0.12, travel: 0.03, online: 0.15, education: 0.08, other: 0.17),
                initialPenetration: 0.06, cashInstallmentPropensity: 0.04, billInstallmentPropensity: 0.3),
        Segment(name: "seniors", share: 0.14, incomeMedian: 4_200, incomeSigma: 0.5,
                riskMean: -0.4, riskSigma: 0.9, spendShareOfIncome: 1.3, spendSigma: 0.5,
                engagementLogit: base.engagementLogit + heavyUse - 0.6, engagementSigma: 1.8, revolverShare: 0.24, payFractionLow: 0.2,
                payFractionHigh: 0.8, priceSensitivity: 1.1, rewardSensitivity: 0.9, applyPropensity: base.applyPropensity * 0.4,
                channelAffinity: ["branch": 1.6, "online": 0.4, "field": 0.7, "payroll": 0.2],
                categoryMix: mix(groceries: 0.40, dining: 0.10, fuel: 0.04, travel: 0.08, online: 0.10, education: 0.03, other: 0.25),
                initialPenetration: 0.08, cashInstallmentPropensity: 0.016, billInstallmentPropensity: 0.18),
    ].map(withOccasionalUsers)

    /// Log-odds added to every segment's engagement: the regular users of a card use it in most
    /// months (calibrated with `occasionalShare` to the active-card and long-dormant bands,
    /// docs/parameters.md).
    private static let heavyUse = 2.0
    /// Share of each segment that uses the card only occasionally, and their monthly usage.
    static let occasionalShare = 0.38, occasionalUsage = 0.1

    private static func withOccasionalUsers(_ segment: Segment) -> Segment {
        var s = segment
        s.occasionalShare = occasionalShare
        s.occasionalUsage = occasionalUsage
        return s
    }

    /// Where each default segment comes from, for the parameter guide.
    static let notes: [(segment: String, note: String)] = [
        ("young_professionals", "Ages 22-30; card design, small interest-free installments and social rewards (product brief). Online and payroll reach, dining and online spend, more revolvers: assumption."),
        ("families", "Ages 30-45; household spend of 10,000-20,000 yuan a month, groceries, education installments and points (product brief). Income is the card holder's, not the household's: assumption."),
        ("high_net_worth", "Income over 500,000 yuan a year, i.e. over about 41,700 yuan a month; premium benefits and service (product brief). Lower risk follows the brief's high-rated, high-spend customers who default about 30% less; travel-heavy spend and branch reach: assumption."),
        ("new_urban_residents", "Named in the product brief. Field-marketing and payroll-partner reach, higher risk and price sensitivity: assumption."),
        ("county_rural", "County and rural customers (product brief). Lower incomes, branch and field reach, groceries and fuel spend: assumption."),
        ("seniors", "Named in the product brief. Pension-level incomes, branch-centred, few revolvers: assumption."),
    ]

    /// The engine's defaults for a segment, the base of the behavioural values above.
    private static let base = Segment(name: "base", share: 1, incomeMedian: 1)

    private static func mix(groceries: Double, dining: Double, fuel: Double, travel: Double, online: Double,
                            education: Double, other: Double) -> [Double] {
        [groceries, dining, fuel, travel, online, education, other]
    }
}
