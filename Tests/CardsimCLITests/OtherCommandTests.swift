import CardsimTestSupport
import Foundation
import Testing

@Suite("cardsim validate, schema, help")
struct OtherCommandTests {
    @Test("validate prints ok for a valid file and exits 0")
    func validateOK() throws {
        let outcome = try CardsimBinary.run(["validate", RunCommandTests.baseline])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout == "\(RunCommandTests.baseline): ok\n")
    }

    @Test("validate reports every file's diagnostics and exits 2 if any is invalid")
    func validateBad() throws {
        let dir = try TemporaryDirectory()
        try Data("name: x\nrun: [\n".utf8).write(to: dir.path("bad.yaml"))
        let outcome = try CardsimBinary.run(["validate", RunCommandTests.baseline, dir.path("bad.yaml").path, dir.path("absent.yaml").path])
        #expect(outcome.status == 2)
        #expect(outcome.stdout == "\(RunCommandTests.baseline): ok\n")
        #expect(outcome.stderrLines.contains { $0.hasPrefix("\(dir.path("bad.yaml").path):") })
        #expect(outcome.stderrLines.contains { $0.hasPrefix("\(dir.path("absent.yaml").path): error: ") })
    }

    @Test("schema prints a JSON Schema")
    func schema() throws {
        let outcome = try CardsimBinary.run(["schema"])
        #expect(outcome.status == 0)
        let json = try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any]
        #expect(json != nil)
        #expect(outcome.stdout.hasSuffix("\n") && !outcome.stdout.hasSuffix("\n\n"))
    }

    @Test("--help lists the subcommands and the exit codes")
    func help() throws {
        let outcome = try CardsimBinary.run(["--help"])
        #expect(outcome.status == 0)
        for text in ["run", "merge", "validate", "schema", "bench", "Exit status:", "  2    invalid input", "  3    the output could not be written",
                     "  64   command-line usage error", "  130  interrupted"] {
            #expect(outcome.stdout.contains(text), "missing '\(text)'")
        }
    }
}
