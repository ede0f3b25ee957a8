import CardsimReport
import CardsimTestSupport
import Foundation
import Testing

@Suite("HTML report")
struct HTMLReportTests {
    /// The report of the three-strategy run, written once.
    static let page: (file: URL, html: String) = {
        do {
            let run = Fixtures.engineRun.run
            let plan = try ChartPlan(run)
            let svgs = try ChartWriter.render(plan, format: .svg, gnuplot: try Fixtures.gnuplot()).map { String(decoding: $0.data, as: UTF8.self) }
            let html = HTMLReport.html(run, plan: plan, svgCharts: svgs)
            let file = Fixtures.scratch.appendingPathComponent("report.html")
            try AtomicFile.write(html, to: file)
            return (file, html)
        } catch {
            fatalError("cannot write the report: \(error)")
        }
    }()

    @Test("the report is well-formed, self-contained, names every strategy and holds every chart")
    func wellFormed() throws {
        var arguments = [HTMLReportTests.page.file.path]
        for name in Fixtures.strategyNames + [Fixtures.scenarioName, "Key results", "Comparison with the champion", "Where the NPV difference comes from"] {
            arguments += ["--text", name]
        }
        let facts = try Tools.check("check_html.py", arguments)
        #expect(facts["missing_text"] as? [String] == [], "text missing from the page: \(facts["missing_text"] ?? "")")
        #expect(facts["active"] as? [String] == [], "scripts or active content: \(facts["active"] ?? "")")
        #expect(facts["external"] as? [String] == [], "external resources: \(facts["external"] ?? "")")
        let plan = try ChartPlan(Fixtures.engineRun.run)
        #expect(facts["svg"] as? Int == plan.charts.count)
        #expect(facts["figures"] as? Int == plan.charts.count)
        #expect((facts["tables"] as? Int ?? 0) >= 2 + 2 * plan.comparisons.count, "metadata, KPIs, and per challenger differences and attribution")
    }

    @Test("strings from the scenario appear only escaped")
    func escaped() throws {
        let html = HTMLReportTests.page.html
        let facts = try Tools.check("check_html.py", [HTMLReportTests.page.file.path,
                                                      "--raw", "<script>alert(1)</script>", "--raw", "<b>model</b>", "--raw", "<script"])
        #expect(facts["raw_found"] as? [String] == [], "unescaped: \(facts["raw_found"] ?? "")")
        #expect(!html.lowercased().contains("<script"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "the scenario name, escaped, in the page's own markup")
        #expect(html.contains("risk &lt;b&gt;model&lt;/b&gt; &amp; &#39;quotes&#39;, &quot;q&quot;"))
        #expect(html.contains("<pre class=\"yaml\"># Which of two options beats today&#39;s plan?"), "the scenario text, escaped")
    }

    @Test("the report renders in headless Chromium and the screenshot is not blank")
    func rendersInChromium() throws {
        let chromium = try Tools.chromium()
        let dir = try TemporaryDirectory(prefix: "cardsim-shot")
        let shot = dir.path("shot.png")
        let outcome = try Tools.run(chromium, ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--hide-scrollbars",
                                               "--user-data-dir=\(dir.path("profile").path)", "--screenshot=\(shot.path)",
                                               "--window-size=1200,2000", HTMLReportTests.page.file.absoluteString])
        #expect(FileManager.default.fileExists(atPath: shot.path), "no screenshot; chromium said (\(outcome.status)): \(outcome.stderr.suffix(600))")
        let facts = try Tools.check("check_chart.py", [shot.path, "--whole"])
        #expect(facts["width"] as? Int == 1200 && facts["height"] as? Int == 2000)
        let ink = facts["ink"] as? Int ?? 0, area = facts["area"] as? Int ?? 1
        #expect(facts["colours"] as? Int ?? 0 > 50, "the screenshot is nearly one colour")
        #expect(Double(ink) / Double(area) > 0.03, "the screenshot is nearly blank: \(ink) of \(area) pixels differ from the background")
    }

    @Test("the same run gives the same page")
    func deterministic() throws {
        let run = Fixtures.engineRun.run
        let plan = try ChartPlan(run)
        let svgs = try ChartWriter.render(plan, format: .svg, gnuplot: try Fixtures.gnuplot()).map { String(decoding: $0.data, as: UTF8.self) }
        #expect(HTMLReport.html(run, plan: plan, svgCharts: svgs) == HTMLReportTests.page.html)
    }
}
