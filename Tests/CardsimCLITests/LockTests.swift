import CardsimTestSupport
import Foundation
import Testing

/// Two processes never write one directory: while one holds the lock (paused by the test hook
/// with the lock taken), a second is refused at once with exit 75, naming the first by its
/// process id; the first then finishes as if alone.
@Suite("output directory locks")
struct LockTests {
    static let small = ["--agents", "2000", "--paths", "2", "--months", "3"]

    /// Starts `first` paused at `step`, runs `second`, and returns the second's outcome and the
    /// first's exit status.
    func contend(_ first: [String], pausedAt step: String, _ second: [String]) throws -> (CardsimBinary.Outcome, Int32, Int32) {
        let holder = try PausedProcess(first, pauseAt: step)
        try #require(holder.waitUntilPaused(), "\(holder.stderr)")
        let refused = try CardsimBinary.run(second)
        let end = holder.finish()
        #expect(end.status == 0, "\(end.stderr)")
        return (refused, holder.process.processIdentifier, end.status)
    }

    @Test("run --out: the second run is refused, naming the first")
    func run() throws {
        let dir = try TemporaryDirectory()
        let out = dir.path("r").path
        let args = ["run", RunCommandTests.baseline] + Self.small + ["--out", out]
        let (refused, pid, _) = try contend(args, pausedAt: "directory.locked", args)
        #expect(refused.status == 75, "\(refused.stderr)")
        #expect(refused.stderr.contains("another cardsim process is writing \(out) (pid \(pid): "), "\(refused.stderr)")
        #expect(dir.entries == ["r"], "the first wrote its output, the lock file is gone: \(dir.entries)")
        #expect(try CardsimBinary.run(["compare", out]).status == 0)
    }

    @Test("sweep --out: a second sweep of the same directory is refused")
    func sweep() throws {
        let dir = try TemporaryDirectory()
        let args = ["sweep", SweepCommandTests.scenario, "--out", dir.path("s").path, "--no-chart",
                    "--vary", "bank.product.annual_fee=0,200"] + Self.small
        let (refused, pid, _) = try contend(args, pausedAt: "directory.locked", args)
        #expect(refused.status == 75, "\(refused.stderr)")
        #expect(refused.stderr.contains("(pid \(pid): "), "\(refused.stderr)")
    }

    @Test("baseline --out: a second recording into the same directory is refused")
    func baseline() throws {
        let dir = try TemporaryDirectory()
        let args = ["baseline", RunCommandTests.baseline, "--out", dir.path("b").path, "--update"] + Self.small
        let (refused, pid, _) = try contend(args, pausedAt: "journal.prepared", args)
        #expect(refused.status == 75, "\(refused.stderr)")
        #expect(refused.stderr.contains("(pid \(pid): "), "\(refused.stderr)")
    }
}
