import CardsimTestSupport
import Foundation
import XCTest

/// `cardsim calibrate` from the command line: bad targets files are refused with their place
/// and nothing written; results do not depend on threads or on being interrupted and resumed.
final class CalibrateCommandTests: XCTestCase {
    static let baseline = PackageRoot.file("scenarios/baseline.yaml").path

    /// A small targets file (2 paths x 1,000 agents x 12 months) with `parameters` and
    /// `targets` lines (indented two spaces) in place of the defaults.
    static func targetsFile(parameters: String? = nil, targets: String? = nil) -> String {
        """
        scenario: \(baseline)
        parameters:
        \(parameters ?? """
          market.behaviour.activation_probability: {low: 0.1, high: 0.35}
          bank.risk.limit_income_multiple: {low: 2.0, high: 3.2}
        """)
        targets:
        \(targets ?? """
          - {kpi: active_rate, month: 12, value: 0.6, tolerance: 0.02, source: test}
          - {kpi: utilization, months: 7-12, value: 0.35, tolerance: 0.02}
        """)
        run: {paths: 2, agents: 1000, months: 12, starts: 2, max_evaluations: 12}

        """
    }

    func calibrate(_ text: String, in dir: TemporaryDirectory, out: String = "cal", extra: [String] = []) throws -> CardsimBinary.Outcome {
        let file = dir.path("targets.yaml")
        try text.write(to: file, atomically: true, encoding: .utf8)
        return try CardsimBinary.run(["calibrate", file.path, "--out", dir.path(out).path, "--no-chart"] + extra)
    }

    /// Each bad file: exit 2, the first diagnostic at targets.yaml:LINE:COL with the words
    /// expected, and no output (neither the directory nor a partial trace).
    func testBadTargetsFilesAreRefusedWithTheirPlace() throws {
        let cases: [(name: String, text: String, place: String, words: String)] = [
            ("unknown KPI", Self.targetsFile(targets: "  - {kpi: active_rat, month: 12, value: 0.6, tolerance: 0.02}"),
             "targets.yaml:6:11", "did you mean 'active_rate'?"),
            ("unknown parameter path", Self.targetsFile(parameters: "  market.behaviour.activation_prob: {low: 0.1, high: 0.35}"),
             "targets.yaml:3:3", "is not a value of the scenario"),
            ("bound outside the valid range", Self.targetsFile(parameters: "  market.behaviour.activation_probability: {low: 0.1, high: 1.5}"),
             "targets.yaml:3:61", "expected a number from 0 to 1"),
            ("empty targets", Self.targetsFile(targets: "  []"), "targets.yaml:6:3", "too few targets"),
            ("window beyond the horizon", Self.targetsFile(targets: "  - {kpi: utilization, months: 7-24, value: 0.35, tolerance: 0.02}"),
             "targets.yaml:6:32", "beyond the run's horizon"),
            ("tolerance not positive", Self.targetsFile(targets: "  - {kpi: utilization, month: 12, value: 0.35, tolerance: 0}"),
             "targets.yaml:6:59", "tolerance"),
            ("low not below high", Self.targetsFile(parameters: "  bank.risk.limit_income_multiple: {low: 3.2, high: 2.0}"),
             "targets.yaml:3:", "expected low below high"),
        ]
        for c in cases {
            let dir = try TemporaryDirectory()
            let result = try calibrate(c.text, in: dir)
            XCTAssertEqual(result.status, 2, "\(c.name): \(result.stderr)")
            let first = result.stderrLines.first ?? ""
            XCTAssertTrue(first.hasPrefix(dir.path("targets.yaml").path.replacingOccurrences(of: "targets.yaml", with: "") + c.place),
                          "\(c.name): \(first)")
            XCTAssertTrue(result.stderr.contains(c.words), "\(c.name): \(result.stderr)")
            XCTAssertEqual(dir.entries, ["targets.yaml"], "\(c.name): something was written")
        }
    }

    /// The same calibration on 1 and 2 threads, and one stopped after 5 evaluations then run
    /// again, write the same bytes.
    func testSameBytesOnAnyThreadCountAndAfterAResume() throws {
        let dir = try TemporaryDirectory()
        let text = Self.targetsFile()
        let one = try calibrate(text, in: dir, out: "one", extra: ["--threads", "1"])
        XCTAssertEqual(one.status, 0, one.stderr)
        XCTAssertTrue(one.stdout.contains("active_rate"), one.stdout)
        let two = try calibrate(text, in: dir, out: "two", extra: ["--threads", "2"])
        XCTAssertEqual(two.status, 0, two.stderr)
        let stopped = try calibrate(text, in: dir, out: "resumed", extra: ["--stop-after", "5"])
        XCTAssertEqual(stopped.status, 0, stopped.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir.path("resumed").path), "an interrupted calibration left an output")
        let partial = try String(contentsOf: dir.path("resumed.partial-trace-1.csv"), encoding: .utf8)
        XCTAssertEqual(partial.split(separator: "\n").count, 2 + 5, partial)
        let resumed = try calibrate(text, in: dir, out: "resumed")
        XCTAssertEqual(resumed.status, 0, resumed.stderr)
        XCTAssertTrue(resumed.stderr.contains("5 resumed"), resumed.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir.path("resumed.partial-trace-1.csv").path))
        for name in ["calibration.json", "trace.csv", "calibrated.yaml", "manifest.json"] {
            let a = try Data(contentsOf: dir.path("one/\(name)"))
            XCTAssertEqual(a, try Data(contentsOf: dir.path("two/\(name)")), "\(name) differs between 1 and 2 threads")
            XCTAssertEqual(a, try Data(contentsOf: dir.path("resumed/\(name)")), "\(name) differs after a resume")
        }
        // The calibrated scenario runs as it is, with the fitted values in place.
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: dir.path("one/calibration.json"))) as! [String: Any]
        let fitted = (json["parameters"] as! [String: [String: Any]])["bank.risk.limit_income_multiple"]!["value"] as! Double
        let yaml = try String(contentsOf: dir.path("one/calibrated.yaml"), encoding: .utf8)
        XCTAssertTrue(yaml.contains("limit_income_multiple: \(fitted)"), yaml)
        let run = try CardsimBinary.run(["validate", dir.path("one/calibrated.yaml").path])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual((json["targets"] as! [[String: Any]]).count, 2)
        XCTAssertEqual(json["evaluations"] as? Int, (try String(contentsOf: dir.path("one/trace.csv"), encoding: .utf8)).split(separator: "\n").count - 1)
    }
}
