import CardsimTestSupport
import Foundation
import Testing

/// `cardsim features`: training data for application and behaviour scorecards, end to end on
/// the built binary, then fitted with `cardsim fit scorecard`.
@Suite("cardsim features")
struct FeaturesCommandTests {
    /// The baseline in a riskier market (as `make models` trains), small.
    static let market = ["--paths", "2", "--agents", "40000", "--months", "24",
                         "--set", "market.credit.base_roll=[0.03, 0.30, 0.60, 0.70, 0.62, 0.68, 0.75]",
                         "--set", "market.credit.risk_slope=1.0"]
    static let application = ["log_income", "age", "other_cards", "recent_applications", "social_security_months", "utility_regularity"]
    static let behaviour = ["utilization", "months_on_book", "recent_delinquency", "payment_ratio"]

    static func read(_ url: URL) throws -> (header: [String], rows: [[Double]]) {
        let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n")
        let header = try #require(lines.first).split(separator: ",").map(String.init)
        let rows = try lines.dropFirst().map { line in try line.split(separator: ",").map { try #require(Double($0)) } }
        return (header, rows)
    }

    @Test("application and behaviour exports have their columns, 0/1 outcomes, the same bytes on a rerun, and fit")
    func exportsAndFits() throws {
        let dir = try TemporaryDirectory()
        for (name, extra, columns) in [("application", [String](), Self.application),
                                       ("behaviour", ["--behaviour", "--at", "6"], Self.application + Self.behaviour)] {
            let file = dir.path("\(name).csv")
            let outcome = try CardsimBinary.run(["features", RunCommandTests.baseline, "--out", file.path] + extra + Self.market)
            #expect(outcome.status == 0, "\(outcome.stderr)")
            let (header, rows) = try Self.read(file)
            #expect(Array(header.prefix(columns.count)) == columns)
            #expect(header.last == "bad" && header.contains { $0.hasPrefix("segment_") })
            #expect(rows.count > 100 && rows.allSatisfy { $0.count == header.count && ($0.last == 0 || $0.last == 1) })
            let bads = rows.filter { $0.last == 1 }.count
            #expect(bads > 10, "\(name): \(bads) bads")
            #expect(outcome.stdout.contains("\(rows.count) accounts") && outcome.stdout.contains("\(bads) bad within 12 months"))
            let again = dir.path("\(name)-again.csv")
            _ = try CardsimBinary.run(["features", RunCommandTests.baseline, "--out", again.path] + extra + Self.market)
            #expect(try Data(contentsOf: file) == Data(contentsOf: again))

            let model = dir.path("\(name).yaml")
            let features = name == "behaviour" ? Self.behaviour + ["log_income"] : Self.application
            let fit = try CardsimBinary.run(["fit", "scorecard", file.path, "--target", "bad",
                                             "--features", features.joined(separator: ","), "--out", model.path])
            #expect(fit.status == 0, "\(name): \(fit.stderr)")
            #expect(FileManager.default.fileExists(atPath: model.path))
        }
    }

    @Test("--at without --behaviour, an observation month without 12 months after it, and too short a run exit 2")
    func badArguments() throws {
        let dir = try TemporaryDirectory()
        let out = dir.path("f.csv").path
        let cases: [([String], String)] = [
            (["--at", "6"], "--at is the observation month of --behaviour data"),
            (["--behaviour", "--at", "13"], "--at must lie in 1...12"),
            (["--behaviour", "--months", "12"], "run.months must exceed 12"),
        ]
        for (extra, message) in cases {
            let outcome = try CardsimBinary.run(["features", RunCommandTests.baseline, "--out", out, "--paths", "1", "--agents", "500", "--months", "24"] + extra)
            #expect(outcome.status == 2, "\(extra)")
            #expect(outcome.stderr.contains(message), "\(extra): \(outcome.stderr)")
            #expect(!FileManager.default.fileExists(atPath: out))
        }
    }
}
