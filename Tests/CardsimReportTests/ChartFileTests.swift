import CardsimReport
import CardsimTestSupport
import Foundation
import Testing

/// Charts drawn by gnuplot from a small simulated run: valid files of the expected size, with
/// ink in the plotted area, written whole and nothing else left behind.
@Suite("Chart files")
struct ChartFileTests {
    /// Least ink a drawn chart has: saturated pixels in the plotted area (PNG), points of plotted
    /// lines and areas (SVG), path segments drawn in colour (PDF). A chart with no data has
    /// 0, 14 and 3 (`blankChartHasNoInk`).
    static let minimumInk: [ChartFormat: Int] = [.png: 500, .svg: 50, .pdf: 8]
    /// The vintage chart of the 12-month run draws one line of 10 points (months on book 0-9):
    /// its SVG and PDF have fewer points and segments than the other charts; with no data in
    /// its plotted area it measures 2 and 2 (`blankChartHasNoInk`).
    static let minimumVintageInk: [ChartFormat: Int] = [.png: 500, .svg: 10, .pdf: 5]
    static func minimumInk(_ chart: Chart, _ format: ChartFormat) -> Int {
        (chart.kind == .vintage ? minimumVintageInk : minimumInk)[format]!
    }

    @Test("charts are valid PNG, SVG and PDF files of the expected size, not blank", arguments: ChartFormat.allCases)
    func files(format: ChartFormat) throws {
        let gnuplot = try Fixtures.gnuplot()
        let plan = try ChartPlan(Fixtures.engineRun.run)
        let dir = try TemporaryDirectory(prefix: "cardsim-charts")
        let out = dir.path("charts")
        let written = try ChartWriter.write(plan, format: format, to: out, gnuplot: gnuplot)
        #expect(written.count == KPIText.headline.count + 6)
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: out.path)) ?? []).sorted()
        #expect(names == plan.charts.flatMap { ["\($0.name).\(format.rawValue)", "\($0.name).csv"] }.sorted(),
                "only the charts and their data, no temporary files")
        #expect(dir.entries == ["charts"])
        for (drawn, file) in written {
            let facts = try Tools.check("check_chart.py", [file.path])
            let chart = drawn.chart
            #expect(facts["format"] as? String == format.rawValue, "\(file.lastPathComponent)")
            switch format {
            case .png, .svg:
                #expect(facts["width"] as? Int == chart.width, "\(file.lastPathComponent): width")
                #expect(facts["height"] as? Int == chart.height, "\(file.lastPathComponent): height")
            case .pdf:
                // 96 pixels to the inch, 72 points to the inch; cairo rounds to whole points.
                let w = facts["width_pt"] as? Double ?? 0, h = facts["height_pt"] as? Double ?? 0
                #expect(abs(w - Double(chart.width) * 0.75) <= 1, "\(file.lastPathComponent): width \(w) pt")
                #expect(abs(h - Double(chart.height) * 0.75) <= 1, "\(file.lastPathComponent): height \(h) pt")
            }
            let ink = facts["ink"] as? Int ?? 0
            #expect(ink >= ChartFileTests.minimumInk(chart, format), "\(file.lastPathComponent) looks blank: ink \(ink)")
        }
        // Fan, waterfall, funnel and vintage charts are 960 x 600 pixels (10 x 6.25 inches in PDF).
        for chart in plan.charts where [.fan, .waterfall, .funnel, .vintage].contains(chart.kind) {
            #expect(chart.width == 960 && chart.height == 600, "\(chart.name)")
        }
    }

    @Test("the ink measure tells a chart with no data in its plotted area", arguments: ChartFormat.allCases)
    func blankChartHasNoInk(format: ChartFormat) throws {
        let gnuplot = try Fixtures.gnuplot()
        let plan = try ChartPlan(Fixtures.engineRun.run)
        for kind in [Chart.Kind.fan, .vintage] {
            let chart = try #require(plan.charts.first { $0.kind == kind })
            let ink = try blankInk(chart, format: format, gnuplot: gnuplot)
            #expect(ink >= 0 && ink < ChartFileTests.minimumInk(chart, format), "blank \(chart.name) chart measured ink \(ink)")
        }
    }

    /// The ink of `chart` with every value moved out of the plotted range.
    func blankInk(_ chart: Chart, format: ChartFormat, gnuplot: Gnuplot) throws -> Int {
        var lines: [String] = []
        var inData = false
        for line in chart.script(format).split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if line.hasPrefix("$") && line.hasSuffix("<< EOD") { inData = true; lines.append(line); continue }
            if line == "EOD" { inData = false }
            if inData {
                let month = line.split(separator: " ")[0]
                lines.append(([String(month)] + Array(repeating: "5", count: 5)).joined(separator: " "))
                continue
            }
            if line.hasPrefix("plot ") { lines.append("set yrange [10:20]") }
            lines.append(line)
        }
        let dir = try TemporaryDirectory(prefix: "cardsim-blank")
        let file = dir.path("blank.\(format.rawValue)")
        try gnuplot.render(lines.joined(separator: "\n"), name: "blank").write(to: file)
        return try Tools.check("check_chart.py", [file.path])["ink"] as? Int ?? -1
    }

    @Test("a CJK font is installed under the name the charts ask for")
    func cjkFont() throws {
        guard let fcList = Tools.find("fc-list") else {
            Issue.record("fc-list (fontconfig) is not installed; run scripts/install-deps.sh"); return
        }
        let outcome = try Tools.run(fcList, [":lang=zh", "family"])
        let first = ChartFormat.font.split(separator: ",")[0]
        #expect(outcome.stdout.contains(first),
                "no font '\(first)' for Chinese text; install it: apt-get install --no-install-recommends fonts-wqy-microhei (scripts/install-deps.sh)")
    }

    @Test("a missing gnuplot is an error that says how to install it")
    func missingGnuplot() {
        #expect(throws: ReportError.self) { try Gnuplot.locate(environment: ["PATH": "/nonexistent"]) }
        do {
            _ = try Gnuplot.locate(environment: ["PATH": "/nonexistent"])
        } catch let e as ReportError {
            #expect(e.kind == .missingTool)
            #expect(e.message.contains("gnuplot is not installed"))
            #expect(e.help.contains("apt-get install --no-install-recommends gnuplot-nox"))
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test("gnuplot's own error message is passed on")
    func gnuplotError() throws {
        let gnuplot = try Fixtures.gnuplot()
        do {
            _ = try gnuplot.render("set terminal pngcairo\nplot $nosuchblock using 1:2\n", name: "broken")
            Issue.record("a broken script should fail")
        } catch let e as ReportError {
            #expect(e.kind == .toolFailed)
            #expect(e.message.hasPrefix("gnuplot failed drawing broken:"), "\(e.message)")
        }
    }
}
