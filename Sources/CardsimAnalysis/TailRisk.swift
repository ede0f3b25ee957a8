import CardsimEngine

/// The lower tail of a distribution over paths: its α-quantile and expected shortfall.
///
/// With the path values sorted, x_(1) <= ... <= x_(n):
///
///     quantile           = type-7 quantile at α (as `Summary.p5` for α = 0.05): linear between
///                          x_(⌊h⌋+1) and x_(⌊h⌋+2), h = (n - 1) α
///     expected shortfall = mean of the worst α share of the paths, the boundary path counted
///                          with its fractional weight: with k = ⌊n α⌋,
///                          ES = (Σ_{i<=k} x_(i) + (n α - k) x_(k+1)) / (n α)
///
/// For NPV, low values are the bad ones, so both say how bad a bad case is: with 40 paths,
/// ES at 5% is the mean of the 2 worst paths; with fewer than 20 paths it is the worst path.
public struct TailRisk: Sendable, Equatable {
    public var alpha: Double
    public var quantile: Double
    public var expectedShortfall: Double

    public init(_ values: [Double], alpha: Double = 0.05) {
        precondition(alpha > 0 && alpha <= 1, "alpha must be in (0, 1]")
        self.alpha = alpha
        guard !values.isEmpty else { quantile = 0; expectedShortfall = 0; return }
        let sorted = values.sorted()
        let n = sorted.count
        quantile = Summary.quantile(sorted, alpha)
        let mass = Double(n) * alpha
        let k = min(Int(mass), n)
        var s = 0.0
        for i in 0..<k { s += sorted[i] }
        if k < n { s += (mass - Double(k)) * sorted[k] }
        expectedShortfall = s / mass
    }
}
