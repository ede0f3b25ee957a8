import CardsimAnalysis
import CardsimEngine
import Testing

/// Profit attribution when the strategies discount at different rates.
@Suite struct AttributionTests {
    /// A challenger that only discounts at another rate: net income is identical on every
    /// path, so every P&L line's difference is exactly 0 and the whole NPV difference is the
    /// discounting line's.
    @Test func aDiscountRateOnlyChallengerIsAttributedToDiscounting() throws {
        var scenario = AnalysisFixtures.smallScenario(paths: 3, months: 12)
        var dearer = scenario.strategies[0]
        dearer.name = "dearer money"
        dearer.economics.discountRate = scenario.strategies[0].economics.discountRate + 0.07
        scenario.strategies = [scenario.strategies[0], dearer]
        let report = ComparisonReport(results: MonteCarlo.run(scenario, paths: 0..<3, threads: 2), scenario: scenario)
        let c = try #require(report.strategies[1].comparison)
        let income = try #require(c.differences.first { $0.kpi == "net_income" })
        #expect(income.difference.mean == 0 && income.difference.standardError == 0, "net income should not move")

        let npv = c.npvAttribution
        for line in npv.lines { #expect(line.difference.mean == 0 && line.difference.standardError == 0, "\(line.id)") }
        let discounting = try #require(npv.discounting, "no discounting line")
        #expect(npv.total.mean != 0)
        #expect(abs(discounting.mean - npv.total.mean) <= 1e-9 * abs(npv.total.mean),
                "discounting \(discounting.mean) vs NPV difference \(npv.total.mean)")
        #expect(abs(npv.sumOfLines - npv.total.mean) <= 1e-9 * abs(npv.total.mean))
        // Net income is not discounted: no discounting line there.
        #expect(c.netIncomeAttribution.discounting == nil)
    }

    /// With the champion's discount rate there is no discounting line.
    @Test func equalRatesHaveNoDiscountingLine() throws {
        let scenario = AnalysisFixtures.smallScenario(paths: 2, months: 6)
        let report = ComparisonReport(results: MonteCarlo.run(scenario, paths: 0..<2, threads: 2), scenario: scenario)
        for s in report.strategies.dropFirst() {
            #expect(try #require(s.comparison).npvAttribution.discounting == nil, "\(s.name)")
        }
    }
}
