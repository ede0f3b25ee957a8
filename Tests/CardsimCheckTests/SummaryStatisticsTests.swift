@testable import CardsimCheck
import CardsimEngine
import CardsimOutput
import Foundation
import Testing

/// Statistical mode reads only the KPI statistics of a summary.json, exactly, and ignores
/// everything else.
@Suite("reading KPI statistics")
struct SummaryStatisticsTests {
    @Test("every strategy and KPI of a written summary is read back with the same bits")
    func roundTrip() throws {
        let awkward: [Double] = [0.1 + 0.2, 1e-300, -0.0, .leastNonzeroMagnitude, 1.7976931348623157e308, 1 / 3,
                                 -2.5e-17, 123456789.123456789, .pi, 1e16, 0.000001]
        var k = 0
        func next() -> Double { defer { k += 1 }; return awkward[k % awkward.count] }
        let names = ["champion", "fee, \"cut\"", "ünïcode \\ name"]
        let summaries = names.map { _ in KPI.all.map { _ in Summary(mean: next(), standardError: next(), p5: 0, p50: 0, p95: 0) } }
        let info = RunInfo(scenarioName: "s", scenarioHash: CheckFixtures.hash, seed: 1, paths: 3, months: 2, agents: 10, agentWeight: 1)
        let text = SummaryFile.text(info: info, strategyNames: names, summaries: summaries)
        let read = try SummaryStatistics.read(text, file: "summary.json")
        #expect(read.map(\.name) == names)
        for (s, strategy) in read.enumerated() {
            #expect(strategy.kpiIDs == KPI.all.map(\.id))
            for (i, kpi) in KPI.all.enumerated() {
                let stat = try #require(strategy.kpis[kpi.id])
                #expect(stat.mean.bitPattern == summaries[s][i].mean.bitPattern, "\(kpi.id)")
                #expect(stat.standardError.bitPattern == summaries[s][i].standardError.bitPattern, "\(kpi.id)")
                #expect(stat.unit == kpi.unit)
            }
        }
    }

    @Test("unknown members are ignored: header keys, blocks beside the KPIs, entries that are not KPI statistics")
    func ignoresUnknownKeys() throws {
        let text = """
            {"cardsim_version": "9.9.9", "future_block": {"x": [1, 2]}, "intervals": 0.95,
             "strategies": [{"comparison": {"npv": {"difference": 5}}, "risk": {"npv_p5": 1},
                             "kpis": {"npv": {"mean": 1.5, "standard_error": 0.25, "p5": 1, "unit": "yuan", "new": true},
                                      "weird": {"p5": 3}, "odd": 7,
                                      "nan_kpi": {"mean": null, "standard_error": null, "unit": "fraction"}},
                             "name": "a", "targets": []}]}
            """
        let read = try SummaryStatistics.read(text, file: "summary.json")
        #expect(read.count == 1)
        #expect(read[0].name == "a")
        #expect(Set(read[0].kpis.keys) == ["npv", "nan_kpi"])
        #expect(read[0].kpis["npv"] == KPIStatistic(mean: 1.5, standardError: 0.25, unit: "yuan"))
        #expect(read[0].kpis["nan_kpi"]?.mean.isNaN == true)
        #expect(read[0].kpiIDs == ["npv", "nan_kpi"])
    }

    @Test("text that is not a summary is an error, not an empty result")
    func notASummary() {
        for text in ["", "{", "[]", "{\"strategies\": 3}", "{\"cardsim_version\": \"0.1.0\"}"] {
            #expect(throws: CheckError.self, "\(text)") { try SummaryStatistics.read(text, file: "x.json") }
        }
    }
}
