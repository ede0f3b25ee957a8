import CardsimEngine

/// Everything a strategy team asks of a run: each strategy's KPI levels with confidence
/// intervals, its NPV tail risk and its KPI targets; and for each challenger, the paired
/// difference from the champion on every KPI, the profit attribution of the NPV and net-income
/// differences, and the tail risk of the NPV difference.
///
/// Every figure is a function of the path results in path order, so the same results give the
/// same report, bit for bit, however they were computed (threads, shards, batches).
public struct ComparisonReport: Sendable, Equatable {
    /// Paths the report is computed over.
    public var paths: Int
    /// Confidence level of every interval (0.95).
    public var confidence: Double
    /// One entry per strategy, champion first.
    public var strategies: [StrategyReport]

    public struct StrategyReport: Sendable, Equatable {
        public var name: String
        /// Every KPI's level over paths, in `KPI.all` order.
        public var levels: [Estimate]
        /// NPV: 5% quantile and expected shortfall over paths.
        public var risk: TailRisk
        /// The scenario's targets, in the order given.
        public var targets: [TargetResult]
        /// The paired comparison with the champion; nil for the champion.
        public var comparison: Comparison?
    }

    public struct Comparison: Sendable, Equatable {
        /// The champion's name.
        public var against: String
        /// Every KPI's paired difference, in `KPI.all` order.
        public var differences: [PairedDifference]
        public var npvAttribution: Attribution
        public var netIncomeAttribution: Attribution
        /// NPV difference (challenger - champion): 5% quantile and expected shortfall.
        public var risk: TailRisk
    }

    /// The report of `results` (sorted by path index) of `scenario`, with `targets` checked
    /// for every strategy. Targets naming a KPI cardsim does not report are left out.
    public init(results: [PathResult], scenario: Scenario, targets: [TargetRule] = [],
                confidence: Double = Estimate.defaultConfidence) {
        let values = Evaluation.pathValues(results, scenario: scenario)
        let npv = KPI.all.firstIndex { $0.id == "npv" }!
        let known = targets.compactMap { rule in KPI.all.firstIndex { $0.id == rule.kpi }.map { (rule, $0) } }
        paths = results.count
        self.confidence = confidence
        strategies = scenario.strategies.indices.map { s in
            var comparison: Comparison?
            if s > 0 {
                let differences = KPI.all.indices.map { k in
                    PairedDifference(kpi: KPI.all[k].id, champion: values[0][k], challenger: values[s][k],
                                     direction: KPIDirection.of(KPI.all[k].id), confidence: confidence)
                }
                comparison = Comparison(
                    against: scenario.strategies[0].name,
                    differences: differences,
                    npvAttribution: Attribution(kpi: "npv", results: results, scenario: scenario, champion: 0,
                                                challenger: s, confidence: confidence),
                    netIncomeAttribution: Attribution(kpi: "net_income", results: results, scenario: scenario,
                                                      champion: 0, challenger: s, confidence: confidence),
                    risk: TailRisk(zip(values[s][npv], values[0][npv]).map { $0 - $1 }))
            }
            return StrategyReport(
                name: scenario.strategies[s].name,
                levels: values[s].map { Estimate($0, confidence: confidence) },
                risk: TailRisk(values[s][npv]),
                targets: known.map { rule, k in TargetResult(rule: rule, values: values[s][k]) },
                comparison: comparison)
        }
    }

    /// The half-width that a precision-targeted run watches for KPI `kpi`: with one strategy,
    /// that of the KPI's level; with challengers, the largest over challengers of that of the
    /// paired difference from the champion. Nil with fewer than two paths or for an unknown KPI.
    public static func precisionHalfWidth(kpi id: String, results: [PathResult], scenario: Scenario,
                                          confidence: Double = Estimate.defaultConfidence) -> Double? {
        guard let kpi = KPI.named(id), results.count > 1 else { return nil }
        let w = scenario.agentWeight
        let values = scenario.strategies.indices.map { s in
            let factors = KPI.discountFactors(rate: scenario.strategies[s].economics.discountRate, months: scenario.run.months)
            return results.map { kpi.path($0.months[s], weight: w, discountFactors: factors) }
        }
        if values.count == 1 { return Estimate(values[0], confidence: confidence).halfWidth }
        var widest = 0.0
        for s in 1..<values.count {
            let d = zip(values[s], values[0]).map { $0 - $1 }
            widest = max(widest, Estimate(d, confidence: confidence).halfWidth ?? .infinity)
        }
        return widest
    }
}
