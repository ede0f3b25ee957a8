import CardsimTestSupport
import Foundation
import Testing

/// Options are checked even when a later one replaces them, and an empty `--out` is a usage
/// error, for every command that writes.
@Suite("input checks")
struct InputCheckTests {
    @Test("a --set value replaced by a later option is still checked")
    func replacedOverrideIsChecked() throws {
        let dir = try TemporaryDirectory()
        let outcome = try CardsimBinary.run(["run", "scenarios/baseline.yaml", "--set", "run.paths=abc", "--paths", "2",
                                             "--agents", "1000", "--months", "2", "--out", dir.path("r").path])
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains("--set run.paths=abc: error: wrong type for run.paths; expected an integer, found the string \"abc\""))
        #expect(!FileManager.default.fileExists(atPath: dir.path("r").path))
        // The same value given twice, both valid: the later one wins, no error.
        let fine = try CardsimBinary.run(["run", "scenarios/baseline.yaml", "--set", "run.paths=3", "--set", "run.paths=2",
                                          "--agents", "500", "--months", "1", "--out", dir.path("fine").path])
        #expect(fine.status == 0, "\(fine.stderr)")
    }

    @Test("an empty --out is a usage error (64) for every command that writes", arguments: [
        ["run", "scenarios/baseline.yaml"], ["merge", "somewhere"], ["baseline", "scenarios/baseline.yaml"],
        ["sweep", "scenarios/fee-and-cutoff-sweep.yaml"], ["chart", "somewhere"], ["report", "somewhere"],
        ["notebook", "somewhere"], ["calibrate", "scenarios/targets/china-2024.yaml"],
    ])
    func emptyOut(command: [String]) throws {
        for out in ["", "  "] {
            let outcome = try CardsimBinary.run(command + ["--out", out])
            #expect(outcome.status == 64, "\(command) --out '\(out)': \(outcome.stderr)")
            #expect(outcome.stderr.contains("--out must name a directory or file, found an empty value."))
        }
    }
}
