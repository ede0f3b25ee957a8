@testable import CardsimFit
import CardsimTestSupport
import Foundation
import Testing

/// `cardsim fit` as a user runs it: exit statuses, messages, files.
@Suite("cardsim fit, the built binary")
struct FitCommandTests {
    static let sample: String = {
        (try? KnownModel.csv(KnownModel.sample(rows: 3_000, seed: 31))) ?? ""
    }()

    @Test("fit scorecard prints the fit and writes the same model file twice")
    func scorecard() throws {
        let dir = try TemporaryDirectory()
        let data = dir.url.appendingPathComponent("known.csv")
        try Data(FitCommandTests.sample.utf8).write(to: data)
        let model = dir.url.appendingPathComponent("models/known.yaml")
        let first = try CardsimBinary.run(["fit", "scorecard", data.path, "--target", "y", "--out", model.path])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("IRLS converged in "))
        #expect(first.stdout.contains("AUC "))
        #expect(first.stdout.contains("calibration by decile"))
        let bytes = try Data(contentsOf: model)
        let second = try CardsimBinary.run(["fit", "scorecard", data.path, "--target", "y", "--out", model.path])
        #expect(second.status == 0)
        #expect(try Data(contentsOf: model) == bytes, "the same data must give the same bytes")
        #expect(try FileManager.default.contentsOfDirectory(atPath: model.deletingLastPathComponent().path) == ["known.yaml"])

        // The file reads back as the fitted numbers, exactly.
        let text = String(decoding: bytes, as: UTF8.self)
        let table = try CSVTable(text: FitCommandTests.sample, path: "known.csv")
        let fit = try Scorecard.fit(TrainingData(table: table, target: "y"), name: "known").scorecard
        #expect(text.contains("name: \"known\"\ntarget: \"y\"\nfeatures:\n"))
        for f in fit.features {
            #expect(text.contains("  - {name: \"\(f.name)\", coefficient: \(f.coefficient), standard_error: \(f.standardError), mean: \(f.mean), sd: \(f.sd)}"))
            #expect(Double("\(f.coefficient)") == f.coefficient)
        }
        #expect(text.contains("\nintercept: \(fit.intercept)  # standard error "))
        #expect(text.contains("\nmetrics: {auc: \(fit.metrics.auc), ks: \(fit.metrics.ks), gini: \(fit.metrics.gini), n: 3000, events: \(fit.metrics.events)}\n"))
    }

    @Test("bad data: exit 2, one line naming the cell, no model file")
    func badData() throws {
        let dir = try TemporaryDirectory()
        var lines = FitCommandTests.sample.split(separator: "\n").map(String.init)
        lines[16] = "0.5,abc," + lines[16].split(separator: ",").dropFirst(2).joined(separator: ",")
        let data = dir.url.appendingPathComponent("DATA.csv")
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: data)
        let outcome = try CardsimBinary.run(["fit", "scorecard", "DATA.csv", "--target", "y", "--out", "model.yaml"], in: dir.url)
        #expect(outcome.status == 2)
        #expect(outcome.stderrLines == ["DATA.csv:17:5: error: non-numeric value in column 'x2'; expected a number, found 'abc'"])
        #expect(!FileManager.default.fileExists(atPath: dir.url.appendingPathComponent("model.yaml").path))
    }

    @Test("an output that cannot be written: exit 3")
    func unwritable() throws {
        let dir = try TemporaryDirectory()
        let data = dir.url.appendingPathComponent("known.csv")
        try Data(FitCommandTests.sample.utf8).write(to: data)
        let out = data.appendingPathComponent("model.yaml").path
        let outcome = try CardsimBinary.run(["fit", "scorecard", data.path, "--target", "y", "--out", out])
        #expect(outcome.status == 3)
        #expect(outcome.stderrLines == ["\(out): error: cannot write the output file: \(data.path) is a file, not a directory (hint: choose another --out path)"])
        let rates = try CardsimBinary.run(["fit", "rollrates", data.path, "--status-columns", "x3,x3", "--out", out])
        #expect(rates.status == 2, "a bad input is reported before the output is tried")
    }

    @Test("fit rollrates prints the matrix and writes the rates")
    func rollRates() throws {
        let dir = try TemporaryDirectory()
        let data = dir.url.appendingPathComponent("status.csv")
        try Data(RollRatesTests.text.utf8).write(to: data)
        let out = dir.url.appendingPathComponent("rates.yaml")
        let outcome = try CardsimBinary.run(["fit", "rollrates", data.path, "--status-columns", "S_MAR, S_APR, S_MAY, S_JUN", "--out", out.path])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.contains("transition counts"))
        #expect(outcome.stdout.contains("warning: base_roll[4] is 1"))
        let text = try String(contentsOf: out, encoding: .utf8)
        #expect(text.contains("\nbase_roll: [0.4, 0.25, 0.5, 0.5, 1.0, 1.0, 1.0]\n"))
    }
}
