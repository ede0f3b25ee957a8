import CardsimTestSupport
import Foundation
import Testing

/// `baseline --update` replaces a scenario's two files and the manifest as one unit: a fault at
/// each step of its journal (`CARDSIM_FAULT_AT`, a test hook) leaves the old baseline or the
/// new one, and the next command that reads or writes the directory rolls back or completes
/// what a killed process left.
@Suite("faults while updating a baseline")
struct BaselineFaultTests {
    static let scenario = RunCommandTests.baseline
    static let small = ["--agents", "2000", "--paths", "2", "--months", "3"]
    static let steps = ["journal.prepared", "journal.committed", "journal.applied"]

    static func record(_ dir: URL, seed: String, fault: String? = nil) throws -> CardsimBinary.Outcome {
        try CardsimBinary.run(["baseline", scenario, "--out", dir.path, "--update", "--seed", seed] + small,
                              environment: fault.map { ["CARDSIM_FAULT_AT": $0] } ?? [:])
    }

    static func setUp() throws -> (dir: TemporaryDirectory, refs: TemporaryDirectory) {
        let refs = try TemporaryDirectory(prefix: "cardsim-refs")
        try #require(try record(refs.path("old"), seed: "1").status == 0)
        try #require(try record(refs.path("new"), seed: "2").status == 0)
        let dir = try TemporaryDirectory(prefix: "cardsim-fault")
        try #require(try record(dir.path("b"), seed: "1").status == 0)
        return (dir, refs)
    }

    func files(_ url: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []).sorted()
    }

    @Test("a failure before the commit keeps the old baseline and leaves no temporary file",
          arguments: ["journal.prepared", "journal.committed"])
    func failure(step: String) throws {
        let (dir, refs) = try Self.setUp()
        let outcome = try Self.record(dir.path("b"), seed: "2", fault: step)
        #expect(outcome.status == 3, "\(outcome.stderr)")
        #expect(outcome.stderr.contains("fault injected at \(step)"))
        #expect(DirectoryComparison.differences(refs.path("old"), dir.path("b")).isEmpty)
        #expect(dir.entries == ["b"])
    }

    @Test("a kill at any step leaves old or new whole; the next check rolls back or completes it", arguments: steps)
    func kill(step: String) throws {
        let (dir, refs) = try Self.setUp()
        let outcome = try Self.record(dir.path("b"), seed: "2", fault: "\(step):kill")
        #expect(outcome.status == 9, "\(outcome.stderr)")
        #expect(files(dir.path("b")).contains(".cardsim-journal.json"), "the journal is left: \(files(dir.path("b")))")
        let check = try CardsimBinary.run(["check", Self.scenario, "--baselines", dir.path("b").path])
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        #expect(files(dir.path("b")) == ["baseline.json", "baseline.summary.json", "manifest.json"])
        let expected = step == "journal.prepared" ? refs.path("old") : refs.path("new")
        #expect(DirectoryComparison.differences(expected, dir.path("b")).isEmpty, "\(step)")
    }
}
