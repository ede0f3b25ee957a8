/// The economy of one path in one month.
public struct MacroState: Sendable, Equatable {
    /// Unemployment rate, percent (e.g. 5.2).
    public var unemployment: Double
    /// Year-on-year consumption growth, fraction (e.g. 0.05).
    public var consumptionGrowth: Double
    /// Bank's annual funding rate, fraction (e.g. 0.022).
    public var fundingRate: Double

    public init(unemployment: Double, consumptionGrowth: Double, fundingRate: Double) {
        self.unemployment = unemployment
        self.consumptionGrowth = consumptionGrowth
        self.fundingRate = fundingRate
    }
}

/// Macro parameters. This version holds the economy at its long-run means on every path; the
/// state is already an input of every kernel that it drives.
public struct MacroParameters: Sendable, Equatable {
    /// Long-run mean of the unemployment rate, percent.
    public var unemploymentMean: Double = 5.2
    /// Long-run mean of consumption growth, fraction per year.
    public var consumptionGrowthMean: Double = 0.05
    /// Long-run mean of the funding rate, fraction per year.
    public var fundingRateMean: Double = 0.022
    /// Elasticity of card spend to consumption growth above its mean
    /// (spend multiplier = 1 + elasticity * (g - g0)).
    public var spendElasticity: Double = 1.0

    public init() {}

    public var longRun: MacroState {
        MacroState(unemployment: unemploymentMean, consumptionGrowth: consumptionGrowthMean,
                   fundingRate: fundingRateMean)
    }

    /// The macro path of one run: months 1...months, all at the long-run means.
    public func path(months: Int) -> [MacroState] {
        Array(repeating: longRun, count: months + 1)
    }
}
