import CardsimEngine

/// A challenger against the champion on one KPI, paired path by path.
///
/// Both strategies run on the same paths with the same random draws (common random numbers),
/// so path p gives the paired difference `d_p = challenger_p - champion_p`. Then:
///
///     difference        = Estimate(d_1 ... d_n)          mean, s_D, se = s_D / sqrt(n), t interval
///     unpaired se       = sqrt((s_A² + s_B²) / n)         the standard error of the difference of
///                                                          means had the strategies run on
///                                                          independent paths
///     variance reduction = (s_A² + s_B²) / s_D²           Var(unpaired) / Var(paired); nil if s_D = 0
///
/// "Better" follows the KPI's direction (`KPIDirection`), with sign σ = +1 (higher is better) or
/// -1 (lower is better):
///
///     share of paths better = (#{σ d_p > 0} + #{d_p = 0} / 2) / n     ties count half
///     probability better    = F_{t, n-1}(σ · mean / se)
///
/// The probability is the t (flat-prior) approximation of P(σ · true mean difference > 0); with
/// se = 0 it is 1, 0 or 1/2 as σ · mean is positive, negative or zero; nil with one path. Both
/// are nil for a KPI without a direction.
///
/// `reliability` says whether the t interval of the difference can be trusted
/// (`IntervalReliability`).
public struct PairedDifference: Sendable, Equatable {
    public var kpi: String
    public var direction: KPIDirection?
    /// Champion and challenger levels over the same paths.
    public var champion: Estimate
    public var challenger: Estimate
    /// The paired difference challenger - champion.
    public var difference: Estimate
    public var unpairedStandardError: Double
    public var varianceReduction: Double?
    public var shareOfPathsBetter: Double?
    public var probabilityBetter: Double?
    /// Whether the difference's t interval can be trusted.
    public var reliability: IntervalReliability

    /// Pairs `challenger[p]` with `champion[p]`; both in path order, of equal length.
    /// `strategiesIdentical`: whether the two strategies agree on every path for every KPI;
    /// when nil, whether they agree on this one.
    public init(kpi: String, champion a: [Double], challenger b: [Double],
                direction: KPIDirection?, confidence: Double = Estimate.defaultConfidence,
                strategiesIdentical: Bool? = nil) {
        precondition(a.count == b.count, "paired values need the same paths")
        let n = a.count
        var d = [Double](repeating: 0, count: n)
        for p in 0..<n { d[p] = b[p] - a[p] }
        self.kpi = kpi
        self.direction = direction
        champion = Estimate(a, confidence: confidence)
        challenger = Estimate(b, confidence: confidence)
        difference = Estimate(d, confidence: confidence)
        let sumOfVariances = champion.standardDeviation * champion.standardDeviation
            + challenger.standardDeviation * challenger.standardDeviation
        unpairedStandardError = n > 1 ? (sumOfVariances / Double(n)).squareRoot() : 0
        let pairedVariance = difference.standardDeviation * difference.standardDeviation
        varianceReduction = n > 1 && pairedVariance > 0 ? sumOfVariances / pairedVariance : nil
        reliability = IntervalReliability(differences: d, strategiesIdentical: strategiesIdentical ?? (a == b))

        guard let direction, n > 0 else { shareOfPathsBetter = nil; probabilityBetter = nil; return }
        let sigma = direction.sign
        var better = 0.0
        for x in d { if sigma * x > 0 { better += 1 } else if x == 0 { better += 0.5 } }
        shareOfPathsBetter = better / Double(n)
        if n < 2 {
            probabilityBetter = nil
        } else if difference.standardError > 0 {
            probabilityBetter = StudentT.cdf(sigma * difference.mean / difference.standardError,
                                             degreesOfFreedom: Double(n - 1))
        } else {
            let z = sigma * difference.mean
            probabilityBetter = z > 0 ? 1 : z < 0 ? 0 : 0.5
        }
    }
}
