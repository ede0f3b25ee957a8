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

/// A recession imposed on every path: from `startMonth` for `lengthMonths` months,
/// unemployment is `unemploymentRise` points higher, consumption growth `consumptionDrop`
/// lower and the funding rate `fundingRateChange` different, on top of the random path.
public struct Recession: Sendable, Equatable {
    public var startMonth: Int
    public var lengthMonths: Int
    /// Percentage points added to unemployment.
    public var unemploymentRise: Double
    /// Fraction subtracted from consumption growth.
    public var consumptionDrop: Double
    /// Fraction added to the funding rate (negative when policy rates are cut).
    public var fundingRateChange: Double

    public init(startMonth: Int, lengthMonths: Int, unemploymentRise: Double,
                consumptionDrop: Double, fundingRateChange: Double = 0) {
        self.startMonth = startMonth; self.lengthMonths = lengthMonths
        self.unemploymentRise = unemploymentRise; self.consumptionDrop = consumptionDrop
        self.fundingRateChange = fundingRateChange
    }

    func active(_ month: Int) -> Bool { month >= startMonth && month < startMonth + lengthMonths }
}

/// The macro process: unemployment, consumption growth and the funding rate follow an AR(1)
/// system around their long-run means with correlated shocks,
///
///     x_t = A x_{t-1} + L e_t,   x_0 = 0,   e_t ~ N(0, I),
///
/// where x is the deviation from the means (unemployment in points, growth and funding rate
/// as fractions), A = diag(persistence) and L is the Cholesky factor (LAPACK dpotrf on
/// OpenBLAS) of the shock covariance S = diag(volatility) R diag(volatility) with correlation
/// matrix R. Then Cov(x_t)[i][j] = S[i][j] (1 - (a_i a_j)^t) / (1 - a_i a_j), tending to
/// S[i][j] / (1 - a_i a_j). A recession, if any, is added on top.
public struct MacroParameters: Sendable, Equatable {
    /// Long-run mean of the unemployment rate, percent.
    public var unemploymentMean: Double = 5.2
    /// Long-run mean of consumption growth, fraction per year.
    public var consumptionGrowthMean: Double = 0.05
    /// Long-run mean of the funding rate, fraction per year.
    public var fundingRateMean: Double = 0.022
    /// Monthly AR(1) persistence of (unemployment, consumption growth, funding rate).
    public var persistence: [Double] = [0.95, 0.90, 0.97]
    /// Monthly shock standard deviations of (unemployment [points], consumption growth,
    /// funding rate). All zero holds the economy at its means.
    public var volatility: [Double] = [0.08, 0.004, 0.0008]
    /// Correlations of the shocks, row-major 3 x 3 (unemployment, growth, funding).
    public var correlation: [Double] = [1, -0.6, -0.3,
                                        -0.6, 1, 0.3,
                                        -0.3, 0.3, 1]
    /// Elasticity of card spend to consumption growth above its mean
    /// (spend multiplier = 1 + elasticity x (g - g0)).
    public var spendElasticity: Double = 1.0
    /// An imposed recession, or none.
    public var recession: Recession? = nil

    public init() {}

    public var longRun: MacroState {
        MacroState(unemployment: unemploymentMean, consumptionGrowth: consumptionGrowthMean,
                   fundingRate: fundingRateMean)
    }

    /// Shock covariance S = diag(volatility) R diag(volatility), row-major 3 x 3.
    public var shockCovariance: Matrix {
        var m = Matrix(rows: 3, columns: 3, elements: correlation)
        for i in 0..<3 { for j in 0..<3 { m[i, j] *= volatility[i] * volatility[j] } }
        return m
    }
}
