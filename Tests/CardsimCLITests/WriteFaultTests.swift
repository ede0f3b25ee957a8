import CardsimTestSupport
import Foundation
import Testing

/// A fault at every step of writing an output directory (`CARDSIM_FAULT_AT`, a test hook):
/// afterwards the directory is the old output or the complete new one, never a mix; what a
/// killed process left beside it is cleaned up by the next run; an error means the old output
/// is intact; exit 130 means nothing new and the old output intact.
@Suite("faults while writing a run directory")
struct WriteFaultTests {
    static let small = ["--agents", "2000", "--paths", "2", "--months", "3"]
    static let steps = ["directory.locked", "directory.filled", "directory.synced", "directory.swapped"]

    /// `run` into `out` (seed 5 when `new`), with the hook set to `fault` if given.
    static func run(_ out: URL, new: Bool, fault: String? = nil) throws -> CardsimBinary.Outcome {
        try CardsimBinary.run(["run", RunCommandTests.baseline] + small + (new ? ["--seed", "5"] : []) + ["--out", out.path],
                              environment: fault.map { ["CARDSIM_FAULT_AT": $0] } ?? [:])
    }

    /// A scratch folder with the old output at `r`, and references of the old and new outputs.
    static func setUp() throws -> (dir: TemporaryDirectory, refs: TemporaryDirectory) {
        let refs = try TemporaryDirectory(prefix: "cardsim-refs")
        try #require(try run(refs.path("old"), new: false).status == 0)
        try #require(try run(refs.path("new"), new: true).status == 0)
        let dir = try TemporaryDirectory(prefix: "cardsim-fault")
        try #require(try run(dir.path("r"), new: false).status == 0)
        return (dir, refs)
    }

    @Test("a failure at any step is reported (exit 3) and leaves the old output intact and nothing beside it",
          arguments: steps)
    func failure(step: String) throws {
        let (dir, refs) = try Self.setUp()
        let outcome = try Self.run(dir.path("r"), new: true, fault: step)
        #expect(outcome.status == 3, "\(outcome.stderr)")
        #expect(outcome.stderr.contains("fault injected at \(step)"), "\(outcome.stderr)")
        #expect(DirectoryComparison.differences(refs.path("old"), dir.path("r")).isEmpty)
        #expect(dir.entries == ["r"])
    }

    @Test("a kill at any step leaves the old or the complete new output; the next run cleans up and writes the new one",
          arguments: steps)
    func kill(step: String) throws {
        let (dir, refs) = try Self.setUp()
        let outcome = try Self.run(dir.path("r"), new: true, fault: "\(step):kill")
        #expect(outcome.status == 9, "killed by SIGKILL: \(outcome.stderr)")
        let expected = step == "directory.swapped" ? refs.path("new") : refs.path("old")
        #expect(DirectoryComparison.differences(expected, dir.path("r")).isEmpty, "\(step)")
        let compare = try CardsimBinary.run(["compare", dir.path("r").path])
        #expect(compare.status == 0, "the output left is complete and verifies: \(compare.stderr)")
        if step == "directory.filled" || step == "directory.synced" || step == "directory.swapped" {
            #expect(dir.entries.contains { $0.hasPrefix("r.tmp-") }, "a leftover to clean: \(dir.entries)")
        }
        let again = try Self.run(dir.path("r"), new: true)
        #expect(again.status == 0, "\(again.stderr)")
        #expect(dir.entries == ["r"], "leftovers cleaned: \(dir.entries)")
        #expect(DirectoryComparison.differences(refs.path("new"), dir.path("r")).isEmpty)
    }

    @Test("SIGINT at any step exits 130 with the old output intact and nothing new", arguments: steps)
    func interrupt(step: String) throws {
        let (dir, refs) = try Self.setUp()
        let paused = try PausedProcess(["run", RunCommandTests.baseline] + Self.small + ["--seed", "5", "--out", dir.path("r").path],
                                       pauseAt: step)
        try #require(paused.waitUntilPaused(), "\(paused.stderr)")
        paused.interrupt()
        #expect(paused.waitFor("Error: interrupted"), "\(paused.stderr)")
        let end = paused.finish()
        #expect(end.status == 130, "\(end.stderr)")
        #expect(end.stderr.contains("Error: interrupted"), "\(end.stderr)")
        #expect(DirectoryComparison.differences(refs.path("old"), dir.path("r")).isEmpty, "\(step)")
        #expect(dir.entries == ["r"])
    }

    @Test("SIGINT during a first run leaves nothing at the output path")
    func interruptFirst() throws {
        let dir = try TemporaryDirectory(prefix: "cardsim-fault")
        let paused = try PausedProcess(["run", RunCommandTests.baseline] + Self.small + ["--out", dir.path("r").path],
                                       pauseAt: "directory.swapped")
        try #require(paused.waitUntilPaused(), "\(paused.stderr)")
        paused.interrupt()
        #expect(paused.waitFor("Error: interrupted"), "\(paused.stderr)")
        #expect(paused.finish().status == 130)
        #expect(dir.entries == [])
    }

    @Test("a sweep killed while writing its first point leaves the complete temporary point, which the resume removes")
    func sweepPoint() throws {
        let dir = try TemporaryDirectory(prefix: "cardsim-fault")
        let args = ["sweep", SweepCommandTests.scenario, "--no-chart", "--vary", "bank.product.annual_fee=0,200"] + Self.small
        let clean = try CardsimBinary.run(args + ["--out", dir.path("clean").path])
        try #require(clean.status == 0, "\(clean.stderr)")
        let killed = try CardsimBinary.run(args + ["--out", dir.path("s").path], environment: ["CARDSIM_FAULT_AT": "directory.synced:kill"])
        #expect(killed.status == 9)
        let points = dir.path("s/points")
        // The point cut short, and the lock file of the killed writer (taken over by the next).
        let left = try FileManager.default.contentsOfDirectory(atPath: points.path).sorted()
        #expect(left.count == 2 && left[0] == ".0001.lock" && left[1].hasPrefix("0001.tmp-"), "\(left)")
        let resumed = try CardsimBinary.run(args + ["--out", dir.path("s").path])
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: points.path).allSatisfy { !$0.contains(".tmp-") && !$0.hasPrefix(".") })
        #expect(DirectoryComparison.differences(dir.path("clean"), dir.path("s")).isEmpty)
        #expect(DirectoryComparison.differences(dir.path("clean/points/0001"), dir.path("s/points/0001")).isEmpty)
    }
}
