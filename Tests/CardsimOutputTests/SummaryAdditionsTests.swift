import CardsimEngine
import CardsimOutput
import CardsimTestSupport
import Foundation
import Testing

/// Members other modules add to summary.json (the strategy comparison) go beside the KPI
/// statistics, sorted, and never replace them.
@Suite("summary.json additions")
struct SummaryAdditionsTests {
    let scenario = SampleRuns.scenario(paths: 3, months: 2)
    var info: RunInfo { RunInfo(scenario: scenario, scenarioHash: "0123456789abcdef") }

    @Test("additions appear at the top level and in each strategy, sorted with the rest")
    func placed() throws {
        let additions = SummaryAdditions(
            root: ["intervals": .object(["confidence": .double(0.95)]), "paths": .integer(99)],
            strategies: [["risk": .object(["npv": .null])],
                         ["comparison": .object(["against": .string("champion")]), "name": .string("replaced?")]])
        let results = SampleRuns.results(scenario)
        let text = SummaryFile.text(info: info, scenario: scenario, results: results, additions: additions)
        #expect(text.contains("""
              "intervals": {
                "confidence": 0.95
              },
              "months": 2,
              "paths": 3,
            """))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let strategies = try #require(json["strategies"] as? [[String: Any]])
        #expect(strategies.map { $0["name"] as? String } == ["champion", "fee, \"cut\""])
        #expect(Set(strategies[0].keys) == ["kpis", "name", "risk"])
        #expect(Set(strategies[1].keys) == ["comparison", "kpis", "name"])
        // Without additions the file is what it was.
        let plain = SummaryFile.text(info: info, scenario: scenario, results: results)
        #expect(!plain.contains("intervals"))
        #expect(plain == SummaryFile.text(info: info, scenario: scenario, results: results, additions: SummaryAdditions()))
    }

    @Test("JSONText writes null for missing and non-finite numbers")
    func nulls() {
        #expect(JSONText.array([.double(.nan), .null, .double(1.5)]).document == "[null, null, 1.5]\n")
    }
}
