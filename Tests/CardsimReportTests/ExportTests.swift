import CardsimAnalysis
import CardsimEngine
import CardsimTestSupport
import Foundation
import Testing

/// `cardsim export`: the workbook read back by openpyxl holds the comparison's numbers, and the
/// Excel CSV copies are the run's files behind a UTF-8 byte-order mark.
@Suite("cardsim export")
struct ExportTests {
    @Test("the .xlsx workbook reads back with openpyxl and holds the same numbers as the comparison")
    func workbook() throws {
        let dir = try TemporaryDirectory(prefix: "cardsim-export")
        let file = dir.path("run.xlsx")
        let outcome = try CardsimBinary.run(["export", CommandTests.directory, "--xlsx", file.path, "--excel-csv", dir.path("excel").path])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let book = try Tools.check("check_xlsx.py", [file.path])
        #expect(Set(book.keys) == ["KPIs", "Comparison", "Ranking", "Targets"])
        let kpis = try #require(book["KPIs"] as? [[Any]])
        #expect(kpis.count == 1 + KPI.all.count)
        let names = Fixtures.strategyNames
        #expect(kpis[0][2] as? String == "\(names[0]) mean")
        // NPV: the workbook's levels and differences are the comparison report's (to the last
        // digits of the sums, computed in another process).
        let run = Fixtures.engineRun.run
        let report = ComparisonReport(results: run.results, scenario: run.scenario)
        let npv = try #require(KPI.all.firstIndex { $0.id == "npv" })
        let row = try #require(kpis.first { $0.first as? String == "npv" })
        func close(_ a: Any?, _ b: Double) -> Bool { guard let a = a as? Double else { return false }; return abs(a - b) <= 1e-12 * max(1, abs(b)) }
        #expect(close(row[2], report.strategies[0].levels[npv].mean))
        #expect(close(row[3], report.strategies[0].levels[npv].standardError))
        let comparison = try #require(book["Comparison"] as? [[Any]])
        #expect(comparison.count == 1 + (names.count - 1) * KPI.all.count)
        let challenger = try #require(comparison.first { $0[0] as? String == names[2] && $0[2] as? String == "npv" })
        #expect(close(challenger[4], report.strategies[2].comparison!.differences[npv].difference.mean))
        let ranking = try #require(book["Ranking"] as? [[Any]])
        #expect(ranking.count == 1 + names.count)
        #expect(abs(ranking.dropFirst().reduce(0.0) { $0 + ($1[4] as? Double ?? 0) } - 1) < 1e-12)
        // The CSV copies: a byte-order mark, then the file as the run wrote it.
        for name in ["paths.csv", "ledger.csv", "segments.csv"] {
            let copy = try Data(contentsOf: dir.path("excel").appendingPathComponent(name))
            let original = try Data(contentsOf: Fixtures.engineRun.directory.appendingPathComponent(name))
            #expect(copy == Data([0xEF, 0xBB, 0xBF]) + original, "\(name)")
        }
        let usage = try CardsimBinary.run(["export", CommandTests.directory])
        #expect(usage.status == 64)
    }
}
