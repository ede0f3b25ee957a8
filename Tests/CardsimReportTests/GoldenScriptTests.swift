@testable import CardsimReport
import CardsimTestSupport
import Foundation
import Testing

/// The gnuplot scripts of a fixed, hand-built run, compared with the stored ones in
/// `Tests/Golden/CardsimReport`. Set `CARDSIM_RECORD_GOLDEN=1` to write them anew (the
/// test then fails, so that a new baseline never passes by accident); review the diff.
@Suite("Golden gnuplot scripts")
struct GoldenScriptTests {
    static let folder = PackageRoot.file("Tests/Golden/CardsimReport")

    @Test("the scripts of a fixed run are stable")
    func scripts() throws {
        let plan = try ChartPlan(HandBuiltRun.stored.run)
        #expect(plan.charts.map(\.name) == [
            "fan-cards_in_force", "fan-new_accounts", "fan-active_rate", "fan-long_dormant_share", "fan-overdue_rate",
            "fan-overdue_6m_ratio", "fan-charge_off_rate", "fan-bad_debt_rate", "fan-net_income", "fan-npv",
            "comparison", "waterfall-1", "waterfall-2", "delinquency", "funnel", "vintages",
        ])
        let record = GoldenFiles.isRecording
        var expectedFiles: Set<String> = []
        for chart in plan.charts {
            let file = GoldenScriptTests.folder.appendingPathComponent("\(chart.name).gp")
            expectedFiles.insert(file.lastPathComponent)
            let actual = chart.script(.png)
            if record {
                try FileManager.default.createDirectory(at: GoldenScriptTests.folder, withIntermediateDirectories: true)
                try Data(actual.utf8).write(to: file)
                Issue.record("recorded \(file.path); re-run without CARDSIM_RECORD_GOLDEN and review the diff")
                continue
            }
            guard let data = FileManager.default.contents(atPath: file.path) else {
                Issue.record("missing golden file \(file.path); record it with CARDSIM_RECORD_GOLDEN=1 swift test --filter CardsimReportTests.GoldenScriptTests")
                continue
            }
            let expected = String(decoding: data, as: UTF8.self)
            if actual != expected {
                let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
                let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
                let line = zip(a, e).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(a.count, e.count)
                Issue.record("""
                    \(file.path) differs at line \(line + 1):
                      expected: \(line < e.count ? String(e[line]) : "<end>")
                      actual:   \(line < a.count ? String(a[line]) : "<end>")
                    If the change is intended, re-record with CARDSIM_RECORD_GOLDEN=1 swift test --filter CardsimReportTests.GoldenScriptTests and review the diff.
                    """)
            }
        }
        let stored = Set((try? FileManager.default.contentsOfDirectory(atPath: GoldenScriptTests.folder.path)) ?? [])
        #expect(stored.subtracting(expectedFiles).isEmpty, "golden files no chart produces: \(stored.subtracting(expectedFiles).sorted())")
    }

    @Test("the golden scripts draw: gnuplot accepts every one")
    func scriptsRun() throws {
        let gnuplot = try Fixtures.gnuplot()
        let plan = try ChartPlan(HandBuiltRun.stored.run)
        for chart in plan.charts {
            let png = try gnuplot.render(chart.script(.png), name: chart.name)
            #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]), "\(chart.name) is not a PNG")
        }
    }

    @Test("scenario text cannot break out of a gnuplot string")
    func quoting() {
        #expect(GnuplotScript.string("a \"b\" \\ c\nd 'e' `f`") == "'a \"b\" \\ c d ''e'' `f`'")
    }
}
