import CardsimTestSupport
import Foundation
import Testing

/// `cardsim chart`, `report` and `notebook` run as a user runs them.
@Suite("chart, report and notebook commands")
struct CommandTests {
    static var directory: String { Fixtures.engineRun.directory.path }

    @Test("chart writes one file per chart, lists them and leaves nothing else")
    func chart() throws {
        let dir = try TemporaryDirectory(prefix: "cardsim-chart-cli")
        let out = dir.path("charts").path
        let outcome = try CardsimBinary.run(["chart", CommandTests.directory, "--out", out, "--format", "png", "--kpi", "npv,active_rate", "--scripts"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: out)) ?? []).sorted()
        let names = ["comparison", "delinquency", "fan-active_rate", "fan-npv", "funnel", "vintages", "waterfall-1", "waterfall-2"]
        #expect(files == names.flatMap { ["\($0).csv", "\($0).gp", "\($0).png"] }.sorted())
        // Each chart's data beside it: the rows of its inline blocks.
        let data = try String(contentsOfFile: "\(out)/fan-npv.csv", encoding: .utf8)
        #expect(data.hasPrefix("block,row,c1,"))
        #expect(data.split(separator: "\n").count > 12)
        #expect(outcome.stdout.contains("\(out)/fan-npv.png  NPV per month\n"))
        #expect(outcome.stdout.contains("note: sensitivity tornado skipped"))
        #expect(outcome.stderrLines.last?.hasPrefix("8 charts in ") == true)
        // The stored script redraws the chart.
        let gnuplot = try #require(Tools.find("gnuplot"))
        let redraw = try Tools.run(URL(fileURLWithPath: "/bin/sh"), ["-c", "'\(gnuplot.path)' < '\(out)/fan-npv.gp' | cmp - '\(out)/fan-npv.png'"])
        #expect(redraw.status == 0, "gnuplot < fan-npv.gp differs from fan-npv.png: \(redraw.stdout) \(redraw.stderr)")
    }

    @Test("--size and --font-size set every chart's size and font; bad values are usage errors")
    func sizeAndFont() throws {
        let dir = try TemporaryDirectory(prefix: "cardsim-chart-cli")
        let out = dir.path("charts").path
        let outcome = try CardsimBinary.run(["chart", CommandTests.directory, "--out", out, "--kpi", "npv", "--size", "600x400", "--font-size", "9", "--scripts"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        // The PNG header's IHDR holds width and height (big-endian, bytes 16-23).
        let png = [UInt8](try Data(contentsOf: URL(fileURLWithPath: "\(out)/fan-npv.png")))
        func be(_ at: Int) -> Int { png[at..<at + 4].reduce(0) { $0 << 8 | Int($1) } }
        #expect(be(16) == 600 && be(20) == 400)
        let script = try String(contentsOfFile: "\(out)/fan-npv.gp", encoding: .utf8)
        #expect(script.contains("size 600,400") && script.contains(",9\""))
        for bad in [["--size", "600"], ["--size", "20x20"], ["--font-size", "0"]] {
            let refused = try CardsimBinary.run(["chart", CommandTests.directory, "--out", dir.path("x").path] + bad)
            #expect(refused.status == 64, "\(bad): \(refused.stderr)")
        }
    }

    @Test("without gnuplot: Error and Help lines, exit status 69, nothing written")
    func missingGnuplot() throws {
        let dir = try TemporaryDirectory(prefix: "cardsim-chart-cli")
        for command in ["chart", "report", "notebook"] {
            let out = command == "chart" ? dir.path("charts").path : dir.path(command == "report" ? "r.html" : "n.ipynb").path
            let outcome = try Tools.run(CardsimBinary.url, [command, CommandTests.directory, "--out", out],
                                        environment: ["PATH": "/nonexistent", "CARDSIM_GNUPLOT": ""])
            #expect(outcome.status == 69, "\(command): \(outcome.stderr)")
            let lines = outcome.stderr.split(separator: "\n").map(String.init)
            #expect(lines.first == "Error: gnuplot is not installed (no 'gnuplot' program on PATH); charts are drawn with it")
            #expect(lines.count == 2 && lines[1].hasPrefix("Help: Install gnuplot with cairo terminals: 'sudo apt-get install --no-install-recommends gnuplot-nox'"))
        }
        #expect(dir.entries == [])
    }

    @Test("an unknown KPI and a directory that is not a run are input errors (exit 2)")
    func badInput() throws {
        let dir = try TemporaryDirectory(prefix: "cardsim-chart-cli")
        let unknown = try CardsimBinary.run(["chart", CommandTests.directory, "--out", dir.path("c").path, "--kpi", "nvp"])
        #expect(unknown.status == 2)
        #expect(unknown.stderrLines.first == "Error: unknown KPI 'nvp'")
        let missing = try CardsimBinary.run(["report", dir.path("nothing").path, "--out", dir.path("r.html").path])
        #expect(missing.status == 2)
        #expect(missing.stderrLines.first?.hasPrefix("Error: ") == true)
        #expect(dir.entries == [])
    }

    @Test("a shard's directory is refused with advice to merge (exit 2)")
    func shard() throws {
        let dir = try TemporaryDirectory(prefix: "cardsim-chart-cli")
        try Data(Fixtures.yaml.utf8).write(to: dir.path("s.yaml"))
        let run = try CardsimBinary.run(["run", dir.path("s.yaml").path, "--out", dir.path("shard").path, "--shard", "1/2"])
        try #require(run.status == 0, "\(run.stderr)")
        let outcome = try CardsimBinary.run(["chart", dir.path("shard").path, "--out", dir.path("c").path])
        #expect(outcome.status == 2)
        #expect(outcome.stderrLines == ["Error: \(dir.path("shard").path) holds shard 1/2 of a run, not the whole run",
                                        "Help: Merge the shards with 'cardsim merge' and pass the merged directory."])
    }

    @Test("report and notebook write their files")
    func reportAndNotebook() throws {
        let dir = try TemporaryDirectory(prefix: "cardsim-report-cli")
        let report = try CardsimBinary.run(["report", CommandTests.directory, "--out", dir.path("r.html").path])
        #expect(report.status == 0, "\(report.stderr)")
        #expect(report.stdout.contains("Report: \(dir.path("r.html").path)"))
        let notebook = try CardsimBinary.run(["notebook", CommandTests.directory, "--out", dir.path("nb/n.ipynb").path])
        #expect(notebook.status == 0, "\(notebook.stderr)")
        #expect(dir.entries == ["nb", "r.html"])
        #expect(((try? FileManager.default.contentsOfDirectory(atPath: dir.path("nb").path)) ?? []).sorted() == ["n-data", "n.ipynb"])
        let html = try String(contentsOf: dir.path("r.html"), encoding: .utf8)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
    }

    @Test("--help lists the new exit status")
    func help() throws {
        let outcome = try CardsimBinary.run(["--help"])
        #expect(outcome.stdout.contains("  69   gnuplot is missing or failed (chart, report, notebook);\n"))
        for command in ["chart", "report", "notebook"] { #expect(outcome.stdout.contains("  \(command) ")) }
    }
}
