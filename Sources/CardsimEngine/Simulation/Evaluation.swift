/// KPI values computed from path results: what the output files hold.
public enum Evaluation {
    /// Path-level values: `values[s][k][p]` is KPI k (in `KPI.all` order) of strategy s on the
    /// p-th result, with results in the order given.
    public static func pathValues(_ results: [PathResult], scenario: Scenario) -> [[[Double]]] {
        let w = scenario.agentWeight
        return scenario.strategies.indices.map { s in
            let df = KPI.discountFactors(rate: scenario.strategies[s].economics.discountRate, months: scenario.run.months)
            return KPI.all.map { kpi in
                results.map { kpi.path($0.months[s], weight: w, discountFactors: df) }
            }
        }
    }

    /// Monthly values: `values[s][k][t][p]`.
    public static func monthlyValues(_ results: [PathResult], scenario: Scenario) -> [[[[Double]]]] {
        let w = scenario.agentWeight
        let months = scenario.run.months
        return scenario.strategies.indices.map { s in
            let df = KPI.discountFactors(rate: scenario.strategies[s].economics.discountRate, months: months)
            return KPI.all.map { kpi in
                (0..<months).map { t in
                    results.map { kpi.monthly($0.months[s], t, weight: w, discount: df[t]) }
                }
            }
        }
    }
}
