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
