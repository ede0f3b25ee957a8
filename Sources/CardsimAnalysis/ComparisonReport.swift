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
    /// Months each path runs: the horizon of the totals (net income, NPV).
    public var months: Int
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
        months = scenario.run.months
        self.confidence = confidence
        strategies = scenario.strategies.indices.map { s in
            var comparison: Comparison?
            if s > 0 {
                let identical = values[s] == values[0]
                let differences = KPI.all.indices.map { k in
                    PairedDifference(kpi: KPI.all[k].id, champion: values[0][k], challenger: values[s][k],
                                     direction: KPIDirection.of(KPI.all[k].id), confidence: confidence,
                                     strategiesIdentical: identical)
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
                targets: known.map { rule, k in
                    rule.period == .run ? TargetResult(rule: rule, values: values[s][k])
                        : Self.periodic(rule, kpi: KPI.all[k], results: results, scenario: scenario, strategy: s)
                },
                comparison: comparison)
        }
    }

    /// The interval that a precision-targeted run watches for KPI `kpi`: with one strategy,
    /// that of the KPI's level; with challengers, the widest over challengers of the paired
    /// difference from the champion, unreliable when any challenger's is
    /// (`IntervalReliability`). Nil for an unknown KPI.
    public static func precisionMeasure(kpi id: String, results: [PathResult], scenario: Scenario,
                                        confidence: Double = Estimate.defaultConfidence) -> PrecisionSearch.Measure? {
        guard let k = KPI.all.firstIndex(where: { $0.id == id }) else { return nil }
        let values = Evaluation.pathValues(results, scenario: scenario)
        if values.count == 1 {
            let level = Estimate(values[0][k], confidence: confidence)
            return PrecisionSearch.Measure(halfWidth: level.halfWidth,
                                           unreliable: level.halfWidth == nil ? "fewer than 2 paths: no interval" : nil)
        }
        var widest: Double? = 0
        var unreliable: String?
        for s in 1..<values.count {
            let d = PairedDifference(kpi: id, champion: values[0][k], challenger: values[s][k], direction: nil,
                                     confidence: confidence, strategiesIdentical: values[s] == values[0])
            if let w = d.difference.halfWidth, let before = widest { widest = max(before, w) } else { widest = nil }
            if unreliable == nil, let reason = d.reliability.reason { unreliable = "\(scenario.strategies[s].name): \(reason)" }
        }
        return PrecisionSearch.Measure(halfWidth: widest, unreliable: unreliable)
    }
}

extension ComparisonReport {
    /// A target checked in every month or plan year: the KPI on each period's months of every
    /// path (discounted KPIs with the run's discount factors of those months).
    static func periodic(_ rule: TargetRule, kpi: KPI, results: [PathResult], scenario: Scenario, strategy s: Int) -> TargetResult {
        let months = scenario.run.months
        let length = rule.period == .everyMonth ? 1 : 12
        let windows = stride(from: 0, to: months, by: length).map { $0..<min($0 + length, months) }
        let factors = KPI.discountFactors(rate: scenario.strategies[s].economics.discountRate, months: months)
        let values = windows.map { w in
            results.map { r in
                kpi.path(Array(r.months[s][w]), weight: scenario.agentWeight, discountFactors: Array(factors[w]))
            }
        }
        return TargetResult(rule: rule, periodValues: values, lastMonths: windows.map(\.upperBound))
    }
}
