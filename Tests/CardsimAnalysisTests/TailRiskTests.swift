import CardsimEngine
import CardsimAnalysis
import Testing

@Suite struct TailRiskAndTargetTests {
    @Test func fortyPathsAverageTheTwoWorst() {
        let values = (1...40).map(Double.init).reversed().map { $0 }
        let r = TailRisk(values)
        // Type 7: h = 39 x 0.05 = 1.95, between the 2nd and 3rd smallest: 2 + 0.95 = 2.95.
        #expect(abs(r.quantile - 2.95) < 1e-12)
        // n alpha = 2: the mean of 1 and 2.
        #expect(r.expectedShortfall == 1.5)
    }

    @Test func fewPathsUseTheWorstPathWithItsFractionalWeight() {
        #expect(TailRisk([5, 1, 3]).expectedShortfall == 1)            // n alpha = 0.15 < 1: the worst path
        // n alpha = 1.5 with alpha = 0.5 and 3 paths: (1 + 0.5 x 3) / 1.5.
        #expect(abs(TailRisk([5, 1, 3], alpha: 0.5).expectedShortfall - 2.5 / 1.5) < 1e-15)
        #expect(TailRisk([7]).quantile == 7)
        #expect(TailRisk([]).expectedShortfall == 0)
    }

    @Test func targetsCheckTheMeanAndEveryPath() {
        let values = [0.68, 0.71, 0.72, 0.69]
        let atLeast = TargetResult(rule: TargetRule(kpi: "active_rate", relation: .atLeast, threshold: 0.70), values: values)
        #expect(abs(atLeast.mean - 0.7) < 1e-15)
        #expect(atLeast.shareOfPathsMeeting == 0.5)
        let below = TargetResult(rule: TargetRule(kpi: "charge_off_rate", relation: .below, threshold: 0.72), values: values)
        #expect(below.meanMeets)
        #expect(below.shareOfPathsMeeting == 0.75)
        #expect(TargetRule.Relation.above.holds(1, 1) == false)
        #expect(TargetRule.Relation.atMost.holds(1, 1))
        #expect(TargetRule.Relation.allCases.map(\.rawValue) == ["at_least", "above", "at_most", "below"])
    }
}

@Suite struct RankingTests {
    /// P(best) is the share of paths on which a strategy's value is the highest (ties shared):
    /// worked out by hand from the paths' NPVs of a small engine run.
    @Test func probabilityBestSumsToOneAndFollowsThePaths() throws {
        var run = RunSettings(); run.paths = 6; run.months = 6; run.agents = 1500; run.seed = 5; run.spinUpMonths = 12
        var cheap = Strategy(name: "cheap"); cheap.product.apr = 0.12
        let scenario = Scenario(name: "rank", market: Market(adults: 1_500_000, segments: [Segment(name: "all", share: 1, incomeMedian: 8000)]),
                                run: run, strategies: [Strategy(name: "champion"), cheap])
        let results = MonteCarlo.run(scenario, paths: 0..<6, threads: 2)
        let ranking = try #require(Ranking(results: results, scenario: scenario, objective: "npv"))
        #expect(abs(ranking.entries.reduce(0) { $0 + $1.probabilityBest } - 1) < 1e-12)
        let npv = Evaluation.pathValues(results, scenario: scenario).map { $0[KPI.all.firstIndex { $0.id == "npv" }!] }
        let championWins = Double(zip(npv[0], npv[1]).filter { $0 > $1 }.count) / 6
        let entry = try #require(ranking.entries.first { $0.strategy == "champion" })
        #expect(entry.probabilityBest == championWins)
        #expect(ranking.entries[0].mean >= ranking.entries[1].mean)
        #expect(Ranking(results: results, scenario: scenario, objective: "nonsense") == nil)
    }
}
