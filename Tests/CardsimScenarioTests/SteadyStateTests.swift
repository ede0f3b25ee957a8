import CardsimEngine
import CardsimScenario
import Foundation
import Testing

/// The spin-up puts the month-0 book in the model's own steady state: in a stationary market
/// (no consumption growth, no macro shocks) the champion's ratio KPIs of months 1-12 are within
/// 10% (relative) of months 49-60.
@Suite struct SteadyStateTests {
    /// Per path, the mean of a KPI's monthly values over months 1-12 (a) and 49-60 (b); the
    /// relative gap is mean(a - b) / mean(b), its standard error sd(a - b) / sqrt(P) / mean(b).
    /// The bound is 10% plus 2.58 standard errors (a 99% one-sided allowance for the Monte Carlo
    /// error of each gap, stated so that a wrong model fails and a right one passes by chance
    /// with probability under 1% per KPI).
    @Test func ratioKPIsOfYearOneMatchYearFive() throws {
        let stationary = ["macro.consumption_growth_mean=0", "macro.volatility.unemployment=0",
                          "macro.volatility.consumption_growth=0", "macro.volatility.funding_rate=0",
                          "strategies.challengers=[]", "run.paths=8", "run.agents=20000", "run.months=60"]
        let scenario = try ScenarioLoader.load(path: BaselineScenarioTests.path, overrides: stationary)
        #expect(scenario.run.spinUpMonths == 60)
        let results = MonteCarlo.run(scenario, paths: 0..<scenario.run.paths, threads: 2)
        for id in ["active_rate", "overdue_rate", "npl_ratio", "charge_off_rate", "utilization", "receivables_per_card"] {
            let kpi = try #require(KPI.named(id))
            var a: [Double] = [], b: [Double] = []
            for r in results {
                let records = r.months[0]
                func mean(_ months: ClosedRange<Int>) -> Double {
                    months.map { kpi.monthly(records, $0 - 1, weight: scenario.agentWeight, discount: 1) }.reduce(0, +) / Double(months.count)
                }
                a.append(mean(1...12)); b.append(mean(49...60))
            }
            let p = Double(a.count)
            let d = zip(a, b).map { $0 - $1 }
            let meanD = d.reduce(0, +) / p, meanB = b.reduce(0, +) / p
            let sd = (d.map { ($0 - meanD) * ($0 - meanD) }.reduce(0, +) / (p - 1)).squareRoot()
            let gap = meanD / meanB, se = sd / p.squareRoot() / meanB
            #expect(abs(gap) <= 0.10 + 2.58 * se, "\(id): months 1-12 differ from months 49-60 by \(gap * 100)% ± \(se * 100)%")
        }
    }
}
