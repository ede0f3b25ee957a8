import CardsimTestSupport
import Foundation
import Testing

/// A run too large for the memory allowed is invalid input (exit 2) before anything is
/// allocated or written, from `validate` as from `run`.
@Suite("memory limits")
struct MemoryLimitTests {
    @Test("--max-memory below the estimate refuses run and validate, naming the sizes; nothing is written")
    func maxMemory() throws {
        let dir = try TemporaryDirectory()
        let run = try CardsimBinary.run(["run", RunCommandTests.baseline, "--max-memory", "64M", "--threads", "2", "--out", dir.path("r").path])
        #expect(run.status == 2, "\(run.stderr)")
        #expect(run.stderr.hasPrefix("\(RunCommandTests.baseline): error: run too large for memory; expected at most 64.0 MiB (--max-memory), found an estimated "), "\(run.stderr)")
        #expect(run.stderr.contains("for 200000 agents x 2 threads x 1 strategies, 40 paths x 60 months"), "\(run.stderr)")
        #expect(dir.entries == [])
        let validate = try CardsimBinary.run(["validate", RunCommandTests.baseline, "--max-memory", "64M"])
        #expect(validate.status == 2)
        #expect(validate.stderr.contains("run too large for memory"))
        #expect(try CardsimBinary.run(["validate", RunCommandTests.baseline, "--max-memory", "16G"]).status == 0)
    }

    @Test("a size that is not a size is a usage error")
    func badOption() throws {
        let outcome = try CardsimBinary.run(["validate", RunCommandTests.baseline, "--max-memory", "lots"])
        #expect(outcome.status == 64)
        #expect(outcome.stderr.contains("--max-memory must be a positive size such as 4G, 512M or 1000000, found 'lots'"), "\(outcome.stderr)")
    }

    @Test("more paths than the machine's memory holds, or agents past Int64's range, are refused without a crash")
    func absurd() throws {
        let dir = try TemporaryDirectory()
        let many = try CardsimBinary.run(["run", RunCommandTests.baseline, "--paths", "1000000000", "--out", dir.path("r").path])
        #expect(many.status == 2, "\(many.stderr)")
        #expect(many.stderr.contains("run too large for memory; expected at most "), "\(many.stderr)")
        let huge = try CardsimBinary.run(["run", RunCommandTests.baseline, "--set", "market.adults=9223372036854775807",
                                          "--agents", "9223372036854775807", "--out", dir.path("r").path])
        #expect(huge.status == 2, "\(huge.stderr)")
        #expect(huge.stderr.contains("found more than any machine has"), "\(huge.stderr)")
        #expect(dir.entries == [])
    }
}
