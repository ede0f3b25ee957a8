import CardsimReport
import CardsimTestSupport
import Foundation
import Testing

@Suite("Notebook export")
struct NotebookTests {
    static func export(_ stored: Fixtures.Stored, to notebook: URL) throws -> ChartPlan {
        let plan = try ChartPlan(stored.run)
        let pngs = try ChartWriter.render(plan, format: .png, gnuplot: try Fixtures.gnuplot()).map(\.data)
        try NotebookExport.write(stored.run, plan: plan, pngCharts: pngs, to: notebook)
        return plan
    }

    @Test("the notebook validates with nbformat and executes top to bottom with nbclient")
    func validatesAndExecutes() throws {
        let dir = try TemporaryDirectory(prefix: "cardsim-notebook")
        let notebook = dir.path("three.ipynb")
        let plan = try NotebookTests.export(Fixtures.engineRun, to: notebook)
        #expect(dir.entries == ["three-data", "three.ipynb"])
        #expect(((try? FileManager.default.contentsOfDirectory(atPath: dir.path("three-data").path)) ?? []).sorted() == [
            "attribution.csv", "bands.csv", "campaigns.csv", "channels.csv", "discrimination.csv", "ledger.csv", "manifest.json", "monthly.csv", "moves.csv", "overrides.txt", "paths.csv", "scenario.yaml", "segments.csv", "summary.json", "vintages.csv",
        ])
        let facts = try Tools.check("check_notebook.py", [notebook.path])
        #expect(facts["stored_images"] as? Int == plan.charts.count)
        #expect(facts["executed_images"] as? Int == plan.charts.count, "every chart cell draws again when run")
    }

    @Test("the notebooks in notebooks-export validate and execute")
    func shipped() throws {
        let folder = PackageRoot.file("notebooks-export")
        let notebooks = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".ipynb") }.sorted()
        #expect(notebooks.contains("baseline.ipynb"))
        for name in notebooks {
            let facts = try Tools.check("check_notebook.py", [folder.appendingPathComponent(name).path])
            #expect((facts["stored_images"] as? Int ?? 0) > 0 && facts["executed_images"] as? Int == facts["stored_images"] as? Int, "\(name)")
            let data = folder.appendingPathComponent(name.replacingOccurrences(of: ".ipynb", with: "-data"))
            #expect(FileManager.default.fileExists(atPath: data.appendingPathComponent("summary.json").path), "\(name) has its data folder")
        }
    }

    @Test("a single-strategy notebook executes too")
    func singleStrategy() throws {
        let dir = try TemporaryDirectory(prefix: "cardsim-notebook")
        let notebook = dir.path("single.ipynb")
        let plan = try NotebookTests.export(Fixtures.singleRun, to: notebook)
        let facts = try Tools.check("check_notebook.py", [notebook.path])
        #expect(facts["executed_images"] as? Int == plan.charts.count)
    }

    @Test("the same run gives the same notebook and data, byte for byte; JSON keys are sorted")
    func deterministic() throws {
        let a = try TemporaryDirectory(prefix: "cardsim-notebook"), b = try TemporaryDirectory(prefix: "cardsim-notebook")
        _ = try NotebookTests.export(Fixtures.engineRun, to: a.path("x.ipynb"))
        _ = try NotebookTests.export(Fixtures.engineRun, to: b.path("x.ipynb"))
        #expect(DirectoryComparison.differences(a.url, b.url).isEmpty)
        #expect(DirectoryComparison.differences(a.path("x-data"), b.path("x-data")).isEmpty)
        let text = try String(contentsOf: a.path("x.ipynb"), encoding: .utf8)
        let top = text.split(separator: "\n").filter { $0.hasPrefix(" \"") }.map { String($0.split(separator: "\"")[0...1].joined()) }
        #expect(top == top.sorted())
    }

    @Test("markdown cells hold scenario strings escaped; the data folder is the run's")
    func escapedAndData() throws {
        let dir = try TemporaryDirectory(prefix: "cardsim-notebook")
        let notebook = dir.path("n.ipynb")
        _ = try NotebookTests.export(Fixtures.engineRun, to: notebook)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: notebook)) as? [String: Any])
        let cells = try #require(json["cells"] as? [[String: Any]])
        let markdown = cells.filter { $0["cell_type"] as? String == "markdown" }
            .map { (($0["source"] as? [String]) ?? []).joined() }
        let prose = markdown.map { cell in
            // Fenced code blocks show text verbatim and are inert; check the prose around them.
            cell.components(separatedBy: "```").enumerated().filter { $0.offset % 2 == 0 }.map(\.element).joined()
        }.joined()
        #expect(!prose.contains("<script>"))
        #expect(prose.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(markdown.joined().contains("```yaml\n# Which of two options"), "the scenario text in a fenced block")
        for name in ["summary.json", "paths.csv", "ledger.csv", "scenario.yaml"] {
            #expect(FileManager.default.contents(atPath: dir.path("n-data/\(name)").path)
                    == FileManager.default.contents(atPath: Fixtures.engineRun.directory.appendingPathComponent(name).path), "\(name)")
        }
    }

    @Test("a folder in the way that is not an export is left alone")
    func refusesToReplace() throws {
        let dir = try TemporaryDirectory(prefix: "cardsim-notebook")
        try FileManager.default.createDirectory(at: dir.path("n-data"), withIntermediateDirectories: true)
        try Data("keep".utf8).write(to: dir.path("n-data/precious.txt"))
        #expect(throws: ReportError.self) { _ = try NotebookTests.export(Fixtures.engineRun, to: dir.path("n.ipynb")) }
        #expect(FileManager.default.fileExists(atPath: dir.path("n-data/precious.txt").path))
        #expect(!FileManager.default.fileExists(atPath: dir.path("n.ipynb").path))
    }
}
