import CardsimEngine
import CardsimScenario
import Testing

/// The macro section: named AR(1) parameters, pairwise shock correlations and a recession.
@Suite struct MacroTests {
    @Test func processAndRecessionLoad() throws {
        let yaml = minimalScenario + """
            macro:
              persistence: {unemployment: 0.9}
              volatility: {unemployment: 0, consumption_growth: 0, funding_rate: 0}
              shock_correlations: {unemployment_funding_rate: 0.1}
              recession: {start_month: 13, length_months: 12, unemployment_rise: 2, consumption_drop: 0.04}
            """
        let macro = try ScenarioLoader.load(yaml: yaml, file: "s.yaml").macro
        let defaults = MacroParameters()
        #expect(macro.persistence == [0.9, defaults.persistence[1], defaults.persistence[2]])
        #expect(macro.volatility == [0, 0, 0])
        var correlation = defaults.correlation
        correlation[2] = 0.1
        correlation[6] = 0.1
        #expect(macro.correlation == correlation)
        #expect(macro.recession == Recession(startMonth: 13, lengthMonths: 12, unemploymentRise: 2, consumptionDrop: 0.04))
    }

    @Test func recessionByOverrideAndRemovedByNull() throws {
        let withRecession = try ScenarioLoader.load(yaml: minimalScenario, file: "s.yaml", overrides: [
            "macro.recession={start_month: 6, length_months: 9, unemployment_rise: 1.5, consumption_drop: 0.03}",
            "macro.recession.funding_rate_change=-0.005",
        ])
        #expect(withRecession.macro.recession
            == Recession(startMonth: 6, lengthMonths: 9, unemploymentRise: 1.5, consumptionDrop: 0.03, fundingRateChange: -0.005))
        let yaml = minimalScenario + "macro:\n  recession: {start_month: 6, length_months: 9, unemployment_rise: 1.5, consumption_drop: 0.03}\n"
        let without = try ScenarioLoader.load(yaml: yaml, file: "s.yaml", overrides: ["macro.recession=null"])
        #expect(without.macro.recession == nil)
    }
}
