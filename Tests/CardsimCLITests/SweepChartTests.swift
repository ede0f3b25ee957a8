import CardsimTestSupport
import Foundation
import Testing

/// The tornado's standard errors and `cardsim chart` on a sweep directory, end to end on the
/// built binary.
@Suite("sweep tornado error bars and cardsim chart on a sweep")
struct SweepChartTests {
    static let scenario = PackageRoot.file("scenarios/fee-and-cutoff-sweep.yaml").path
    static let small = ["--paths", "5", "--agents", "1000", "--months", "6"]
    /// 2 x 2 grid + base + 4 one-at-a-time points = 9 points.
    static let vary = ["--vary", "bank.product.annual_fee=0,200", "--vary", "bank.risk.cutoff=-0.4,0.2"]

    func sweep(_ out: URL, _ extra: [String] = []) throws {
        let outcome = try CardsimBinary.run(["sweep", Self.scenario, "--out", out.path] + Self.vary + Self.small + extra)
        #expect(outcome.status == 0, "stdout: \(outcome.stdout)\nstderr: \(outcome.stderr)")
    }

    /// Rows of a CSV cardsim wrote (no quoted fields here), keyed by header.
    func table(_ url: URL) throws -> [[String: String]] {
        let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        return lines.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(lines[0], $0)) }
    }

    /// The champion's npv on every path of a point, from its paths.csv.
    func npvByPath(_ point: URL) throws -> [Double] {
        let rows = try table(point.appendingPathComponent("paths.csv"))
        let champion = rows[0]["strategy"]!
        return rows.filter { $0["strategy"] == champion }.map { Double($0["npv"]!)! }
    }

    /// Sample standard deviation over sqrt(n), written out here independently of cardsim.
    func standardError(_ x: [Double]) -> Double {
        let n = Double(x.count), mean = x.reduce(0, +) / n
        return (x.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / (n - 1)).squareRoot() / n.squareRoot()
    }

    func close(_ a: Double, _ b: Double) -> Bool { abs(a - b) <= 1e-9 * max(1, abs(a), abs(b)) }

    @Test("tornado.csv's standard errors equal those computed from the points' paths.csv; pairing shrinks them")
    func standardErrors() throws {
        let dir = try TemporaryDirectory()
        let out = dir.path("sweep")
        try sweep(out, ["--no-chart"])
        let points = try table(out.appendingPathComponent("sweep.csv"))
        let tornado = try table(out.appendingPathComponent("tornado.csv"))
        #expect(tornado.count == 2)
        func point(_ role: String, _ parameter: String?) -> String {
            points.first { row in
                row["role"] == role && (parameter.map { !(row[$0] ?? "").isEmpty } ?? true)
            }!["point"]!
        }
        let baseName = point("base", nil)
        let base = try npvByPath(out.appendingPathComponent("points/\(baseName)"))
        #expect(base.count == 5)
        let baseSE = standardError(base)
        for bar in tornado {
            let parameter = bar["parameter"]!
            #expect(close(Double(bar["base_se"]!)!, baseSE), "base_se \(bar["base_se"]!) vs \(baseSE)")
            for end in ["low", "high"] {
                let name = point(end, parameter)
                let values = try npvByPath(out.appendingPathComponent("points/\(name)"))
                let change = zip(values, base).map { $0 - $1 }
                let pointSE = standardError(values), pairedSE = standardError(change)
                let sweepRow = points.first { $0["point"] == name }!
                #expect(close(Double(bar["at_\(end)_se"]!)!, pointSE), "\(parameter) \(end): at_\(end)_se \(bar["at_\(end)_se"]!) vs \(pointSE)")
                #expect(bar["at_\(end)_se"] == sweepRow["npv_se"], "\(parameter) \(end): tornado.csv and sweep.csv disagree")
                #expect(close(Double(bar["change_\(end)_se"]!)!, pairedSE), "\(parameter) \(end): change_\(end)_se \(bar["change_\(end)_se"]!) vs \(pairedSE)")
                #expect(close(Double(bar["change_\(end)"]!)!, change.reduce(0, +) / 5), "\(parameter) \(end): change")
                // On common random numbers the paired error is below that of independent runs.
                if pairedSE > 0 {
                    #expect(pairedSE < (pointSE * pointSE + baseSE * baseSE).squareRoot(), "\(parameter) \(end): paired \(pairedSE), point \(pointSE), base \(baseSE)")
                }
            }
        }
        #expect(tornado.contains { Double($0["change_low_se"]!)! > 0 || Double($0["change_high_se"]!)! > 0 })
    }

    @Test("cardsim chart on a sweep draws its tornado with error bars, in PNG and SVG")
    func chartOfSweep() throws {
        let dir = try TemporaryDirectory()
        let out = dir.path("sweep")
        try sweep(out, ["--no-chart"])
        for (format, magic) in [("png", Array("\u{89}PNG".unicodeScalars.map { UInt8($0.value) })), ("svg", Array("<?xml".utf8))] {
            let charts = dir.path("charts-\(format)")
            let outcome = try CardsimBinary.run(["chart", out.path, "--out", charts.path, "--format", format, "--scripts"])
            #expect(outcome.status == 0, "stderr: \(outcome.stderr)")
            #expect(outcome.stdout.hasPrefix(charts.appendingPathComponent("tornado.\(format)").path + "  One-at-a-time sensitivity of NPV"))
            let data = try Data(contentsOf: charts.appendingPathComponent("tornado.\(format)"))
            #expect(Array(data.prefix(magic.count)) == magic, "\(format) file starts \(Array(data.prefix(8)))")
            #expect(data.count > 5000, "\(format): \(data.count) bytes")
            let script = try String(contentsOf: charts.appendingPathComponent("tornado.gp"), encoding: .utf8)
            #expect(script.contains("$e using 1:2:3 with xerrorbars"))
            // One error bar per bar end: 2 parameters x 2 ends, each a line of the $e block.
            let block = script.components(separatedBy: "$e << EOD\n").last?.components(separatedBy: "EOD").first ?? ""
            #expect(block.split(separator: "\n").count == 4, "error bar block: \(block)")
            let names = try FileManager.default.contentsOfDirectory(atPath: charts.path).sorted()
            #expect(names == ["tornado.\(format)", "tornado.gp"].sorted())
        }
    }

    @Test("cardsim chart refuses with exit 2 a sweep that is not complete and a directory that is neither run nor sweep")
    func refusals() throws {
        let dir = try TemporaryDirectory()
        let out = dir.path("sweep")
        let cut = try CardsimBinary.run(["sweep", Self.scenario, "--out", out.path, "--no-chart", "--stop-after", "1"] + Self.vary + Self.small)
        #expect(cut.status == 0, "stderr: \(cut.stderr)")
        let incomplete = try CardsimBinary.run(["chart", out.path, "--out", dir.path("c1").path])
        #expect(incomplete.status == 2)
        #expect(incomplete.stderr.hasPrefix("Error: \(out.path) is a sweep that is not complete: it has no sweep.csv"), "stderr: \(incomplete.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir.path("c1").path))

        let other = dir.path("other")
        try FileManager.default.createDirectory(at: other, withIntermediateDirectories: true)
        try "x".write(to: other.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)
        let neither = try CardsimBinary.run(["chart", other.path, "--out", dir.path("c2").path])
        #expect(neither.status == 2)
        #expect(neither.stderr.hasPrefix("Error: \(other.path) is neither a cardsim run directory (no summary.json) nor a sweep directory (no sweep.json)"),
                "stderr: \(neither.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir.path("c2").path))
    }
}
