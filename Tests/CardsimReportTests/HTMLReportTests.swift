import CardsimReport
import CardsimScenario
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
        for name in Fixtures.strategyNames + [Fixtures.scenarioName, "Key results", "Comparison with the champion", "Where the NPV difference comes from",
                                              "Ranking, targets and risk", "Ranking by NPV", "NPV risk", "Segments and channels", "By segment"] {
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

    /// The approval score's rows read the run's discrimination.csv: each strategy's AUC cell
    /// is the mean ± standard error over the paths where it is defined (worked out here from
    /// the file), "n/a" where no path booked both good and bad accounts. The fixture's market
    /// books almost no bads in 12 months, so a riskier one is simulated too.
    @Test("the key results end with the approval score's AUC and KS, as discrimination.csv gives them")
    func discrimination() throws {
        let risky = Fixtures.yaml.replacingOccurrences(of: "  credit: {write_off_days: 360}\n", with: """
              credit: {write_off_days: 360, base_roll: [0.05, 0.30, 0.60, 0.70, 0.62, 0.68, 0.75], risk_slope: 1.0}

            """)
        let run = try Fixtures.simulate(try ScenarioLoader.load(yaml: risky, file: "risky.yaml"), yaml: risky, name: "risky")
        var defined = 0
        for stored in [Fixtures.engineRun, run] {
            let text = try String(contentsOf: stored.directory.appendingPathComponent("discrimination.csv"), encoding: .utf8)
            // Rows run path by path, strategies in order; the last two fields are the AUC and
            // KS (the strategy names may hold quoted commas).
            let rows = text.split(separator: "\n").dropFirst().map { $0.split(separator: ",").map(String.init) }
            let count = Fixtures.strategyNames.count
            let html = HTMLReport.html(stored.run, plan: try ChartPlan(stored.run), svgCharts: [])
            let aucRow = try #require(html.split(separator: "\n").first { $0.contains("approval_score.auc") })
            let cells = aucRow.components(separatedBy: "<td>").dropFirst()
            #expect(cells.count == count)
            for (s, cell) in cells.enumerated() {
                var auc: [Double] = []
                for (k, row) in rows.enumerated() where k % count == s {
                    if let v = Double(row[row.count - 2]), !v.isNaN { auc.append(v) }
                }
                let n = Double(auc.count)
                let mean: Double = auc.reduce(0, +) / max(n, 1)
                var squares = 0.0
                for v in auc { squares += (v - mean) * (v - mean) }
                let se: Double = n > 1 ? (squares / (n - 1)).squareRoot() / n.squareRoot() : 0
                let expected = auc.isEmpty ? "n/a" : String(format: "%.3f ± %.3f", mean, se)
                #expect(cell.hasPrefix(expected) || cell.hasPrefix("<span class=\"mean\">\(expected)"), "strategy \(s): \(cell)")
                defined += auc.isEmpty ? 0 : 1
            }
            #expect(html.contains("approval_score.ks"))
        }
        #expect(defined >= Fixtures.strategyNames.count, "the risky market defines every strategy's AUC")
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
