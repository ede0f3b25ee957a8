import CardsimTestSupport
import Foundation
import Testing

/// Bad input gives exit 2, one error line naming the file (and line), and no output.
@Suite("cardsim input errors")
struct InputErrorTests {
    static let baselineText: String = (try? String(contentsOfFile: RunCommandTests.baseline, encoding: .utf8)) ?? ""

    /// Writes `text` as `bad.yaml` in `dir`, runs it, and checks the failure shape.
    func expectRefused(_ text: String?, file: String = "bad.yaml", line: Int?, _ extra: [String] = [],
                       sourceLocation: SourceLocation = #_sourceLocation) throws -> CardsimBinary.Outcome {
        let dir = try TemporaryDirectory()
        let path = dir.path(file).path
        if let text { try Data(text.utf8).write(to: dir.path(file)) }
        let outcome = try CardsimBinary.run(["run", path, "--out", dir.path("out").path] + RunCommandTests.small + extra)
        #expect(outcome.status == 2, "stderr: \(outcome.stderr)", sourceLocation: sourceLocation)
        let first = outcome.stderrLines.first ?? ""
        let place = line.map { "\(path):\($0):" } ?? "\(path): error: "
        #expect(first.hasPrefix(place), "expected '\(place)…', got '\(first)'", sourceLocation: sourceLocation)
        #expect(first.contains("error: "), sourceLocation: sourceLocation)
        #expect(!first.contains("\n"))
        #expect(dir.entries == (text == nil ? [] : [file]), "an output was left behind", sourceLocation: sourceLocation)
        return outcome
    }

    /// The 1-based line of the first line of `text` that starts with `prefix` (after indentation).
    func line(of prefix: String, in text: String) -> Int? {
        text.split(separator: "\n", omittingEmptySubsequences: false)
            .firstIndex { $0.drop { $0 == " " }.hasPrefix(prefix) }.map { $0 + 1 }
    }

    @Test("a missing scenario file")
    func missingFile() throws {
        let outcome = try expectRefused(nil, file: "absent.yaml", line: nil)
        #expect(outcome.stderrLines.count == 1)
    }

    @Test("malformed YAML")
    func malformed() throws {
        // The parser notices the unclosed list where the next line starts.
        _ = try expectRefused("name: test\nrun:\n  paths: [1, 2\n  months: 3\n", line: 4)
    }

    @Test("an unknown key")
    func unknownKey() throws {
        let text = Self.baselineText.replacingOccurrences(of: "\nrun:\n", with: "\nrun:\n  pathz: 4\n")
        let n: Int = try #require(line(of: "pathz:", in: text))
        _ = try expectRefused(text, line: n)
    }

    @Test("an out-of-range value")
    func outOfRange() throws {
        var lines = Self.baselineText.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let apr = try #require(lines.firstIndex { $0.drop { $0 == " " }.hasPrefix("apr:") })
        let indent = lines[apr].prefix { $0 == " " }
        lines[apr] = "\(indent)apr: 18.25"
        let outcome = try expectRefused(lines.joined(separator: "\n"), line: apr + 1)
        #expect(outcome.stderrLines.first?.contains("apr") == true)
    }

    @Test("an out-of-range override")
    func badOverride() throws {
        let dir = try TemporaryDirectory()
        let outcome = try CardsimBinary.run(["run", RunCommandTests.baseline, "--out", dir.path("out").path,
                                             "--agents", "2000", "--paths", "0", "--months", "12"])
        #expect(outcome.status == 2)
        #expect(outcome.stderrLines.first?.hasPrefix("--set run.paths=0: error: ") == true, "\(outcome.stderr)")
        #expect(dir.entries == [])
    }

    @Test("a bad shard spec")
    func badShard() throws {
        let dir = try TemporaryDirectory()
        for spec in ["0/3", "4/3", "x", "1/2/3"] {
            let outcome = try CardsimBinary.run(["run", RunCommandTests.baseline, "--out", dir.path("out").path, "--shard", spec]
                                                + RunCommandTests.small)
            #expect(outcome.status == 2, "\(spec)")
            #expect(outcome.stderrLines.first?.hasPrefix("Error: invalid --shard '\(spec)'") == true, "\(outcome.stderr)")
            #expect(outcome.stderrLines.dropFirst().first?.hasPrefix("Help: ") == true)
        }
        #expect(dir.entries == [])
    }

    @Test("a command-line usage error gives exit 64")
    func usage() throws {
        let outcome = try CardsimBinary.run(["run", RunCommandTests.baseline])
        #expect(outcome.status == 64)
        #expect(outcome.stderrLines.first?.hasPrefix("Error: Missing expected argument '--out <dir>'") == true, "\(outcome.stderr)")
        #expect(try CardsimBinary.run(["frobnicate"]).status == 64)
    }
}
