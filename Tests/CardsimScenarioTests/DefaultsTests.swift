import CardsimEngine
@testable import CardsimScenario
import Testing

/// Defaults are valid, and the field tables read back what they write.
@Suite struct DefaultsTests {
    @Test func defaultSegmentsAreConsistent() {
        let segments = DefaultMarket.segments
        #expect(segments.map(\.name) == ["young_professionals", "families", "high_net_worth", "new_urban_residents",
                                         "county_rural", "seniors"])
        #expect(abs(segments.reduce(0) { $0 + $1.share } - 1) <= 1e-9)
        let channels = Set(Channel.defaults.map(\.name))
        for segment in segments {
            #expect(segment.categoryMix.count == Category.allCases.count, "\(segment.name)")
            #expect(abs(segment.categoryMix.reduce(0, +) - 1) <= 1e-9, "\(segment.name)")
            #expect(Set(segment.channelAffinity.keys) == channels, "\(segment.name)")
            #expect(segment.payFractionLow <= segment.payFractionHigh, "\(segment.name)")
        }
        // High net worth: income over 500,000 yuan a year (product brief).
        #expect(segments[2].incomeMedian * 12 > 500_000)
        #expect(DefaultMarket.notes.map(\.segment) == segments.map(\.name))
    }

    /// Every default written out as a full file (JSON is YAML) loads back to the same scenario.
    @Test func defaultsRoundTrip() throws {
        var draft = ScenarioDraft()
        draft.name = "defaults"
        draft.market.adults = 3_000_000
        let text = Tables.scenario.encode(draft).rendered()
        let scenario = try ScenarioLoader.load(yaml: text, file: "defaults.json")
        let expected = Scenario(name: "defaults", market: Market(adults: 3_000_000, segments: DefaultMarket.segments),
                                strategies: [Strategy(name: "champion")])
        #expect(scenario == expected)
    }

    @Test func minimalScenarioUsesEngineDefaults() throws {
        let scenario = try ScenarioLoader.load(yaml: minimalScenario, file: "s.yaml")
        #expect(scenario.run == RunSettings())
        #expect(scenario.macro == MacroParameters())
        #expect(scenario.market.behaviour == Behaviour())
        #expect(scenario.market.credit == CreditDynamics())
        #expect(scenario.strategies == [Strategy(name: "champion")])
        #expect(scenario.competitors.isEmpty)
    }
}
