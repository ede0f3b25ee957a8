import CardsimTestSupport
import Foundation
import Testing

/// `cardsim run` and `cardsim merge` end to end, on the built binary.
@Suite("cardsim run and merge")
struct RunCommandTests {
    static let baseline = PackageRoot.file("scenarios/baseline.yaml").path
    static let small = ["--agents", "2000", "--paths", "4", "--months", "12"]
    static let files = ["campaigns.csv", "channels.csv", "discrimination.csv", "ledger.csv", "manifest.json", "monthly.csv", "moves.csv", "overrides.txt", "paths.csv", "scenario.yaml", "segments.csv", "summary.json", "vintages.csv"]

    /// Runs `cardsim run baseline --out dir` with the small population and `extra` arguments,
    /// and requires success.
    func run(_ out: URL, _ extra: [String] = []) throws -> CardsimBinary.Outcome {
        let outcome = try CardsimBinary.run(["run", Self.baseline, "--out", out.path] + Self.small + extra)
        #expect(outcome.status == 0, "stderr: \(outcome.stderr)")
        return outcome
    }

    @Test("a small baseline run writes the output files and prints the key results")
    func endToEnd() throws {
        let dir = try TemporaryDirectory()
        let out = dir.path("out")
        let outcome = try run(out)
        #expect(dir.entries == ["out"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).sorted() == Self.files)

        let data = try Data(contentsOf: out.appendingPathComponent("summary.json"))
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(json["paths"] as? Int == 4)
        #expect(json["months"] as? Int == 12)
        #expect(json["agents"] as? Int == 2000)
        #expect(json["shard"] == nil)
        let strategies = try #require(json["strategies"] as? [[String: Any]])
        #expect(!strategies.isEmpty)
        for strategy in strategies {
            let kpis = try #require(strategy["kpis"] as? [String: Any])
            #expect(Set(kpis.keys) == Set(KPIIdentifiers.all))
        }
        let overrides = try String(contentsOf: out.appendingPathComponent("overrides.txt"), encoding: .utf8)
        #expect(overrides == "run.paths=4\nrun.months=12\nrun.agents=2000\n")
        #expect(try Data(contentsOf: out.appendingPathComponent("scenario.yaml")) == Data(contentsOf: URL(fileURLWithPath: Self.baseline)))

        for label in ["cards in force", "new accounts", "active-card rate", "long-dormant share", "overdue rate (30+ days)",
                      "6-month overdue ratio", "charge-off rate", "bad-debt rate", "net income", "NPV"] {
            #expect(outcome.stdout.contains("\n\(label) "), "missing row '\(label)' in:\n\(outcome.stdout)")
        }
        #expect(outcome.stdout.hasSuffix("Output: \(out.path)\n"))
        #expect(outcome.stderr.contains("4 paths, "))
        #expect(outcome.stderr.contains(" customer-months/s"))
    }

    @Test("1 thread and 2 threads give byte-identical directories")
    func threads() throws {
        let dir = try TemporaryDirectory()
        _ = try run(dir.path("one"), ["--threads", "1"])
        _ = try run(dir.path("two"), ["--threads", "2"])
        #expect(DirectoryComparison.differences(dir.path("one"), dir.path("two")) == [])
    }

    @Test("3 shards merged are byte-identical to 1 unsharded run")
    func shards() throws {
        let dir = try TemporaryDirectory()
        _ = try run(dir.path("whole"))
        for i in 1...3 { _ = try run(dir.path("shard\(i)"), ["--shard", "\(i)/3"]) }
        let merge = try CardsimBinary.run(["merge", dir.path("shard3").path, dir.path("shard1").path, dir.path("shard2").path,
                                           "--out", dir.path("merged").path])
        #expect(merge.status == 0, "stderr: \(merge.stderr)")
        #expect(DirectoryComparison.differences(dir.path("whole"), dir.path("merged")) == [])
        let shard = try String(contentsOf: dir.path("shard2/summary.json"), encoding: .utf8)
        #expect(shard.contains("\"shard\": {\n    \"count\": 3,\n    \"index\": 2,\n    \"paths\": [1, 2]\n  },"))
    }

    @Test("a missing shard is refused with exit 2 and no output")
    func missingShard() throws {
        let dir = try TemporaryDirectory()
        for i in [1, 3] { _ = try run(dir.path("shard\(i)"), ["--shard", "\(i)/3"]) }
        let merge = try CardsimBinary.run(["merge", dir.path("shard1").path, dir.path("shard3").path, "--out", dir.path("merged").path])
        #expect(merge.status == 2)
        #expect(merge.stderrLines == ["Error: paths 1..<2 are missing", "Help: Pass the output directories of every shard of the run."])
        #expect(dir.entries == ["shard1", "shard3"])
    }

    @Test("shards of different runs are refused with exit 2")
    func differentRuns() throws {
        let dir = try TemporaryDirectory()
        _ = try run(dir.path("a"), ["--shard", "1/2"])
        _ = try run(dir.path("b"), ["--shard", "2/2", "--seed", "5"])
        let merge = try CardsimBinary.run(["merge", dir.path("a").path, dir.path("b").path, "--out", dir.path("merged").path])
        #expect(merge.status == 2)
        #expect(merge.stderrLines.first?.hasPrefix("Error: ") == true)
        #expect(merge.stderrLines.first?.contains("are shards of different runs: seed") == true, "\(merge.stderr)")
        #expect(dir.entries == ["a", "b"])
    }

    @Test("a previous output is replaced; a directory that is not an output is not")
    func replacing() throws {
        let dir = try TemporaryDirectory()
        let out = dir.path("out")
        _ = try run(out, ["--seed", "1"])
        _ = try run(out, ["--seed", "2"])
        #expect(dir.entries == ["out"])
        #expect(try String(contentsOf: out.appendingPathComponent("overrides.txt"), encoding: .utf8).contains("run.seed=2"))

        let mine = dir.path("mine")
        try FileManager.default.createDirectory(at: mine, withIntermediateDirectories: true)
        try Data("keep".utf8).write(to: mine.appendingPathComponent("notes.txt"))
        let outcome = try CardsimBinary.run(["run", Self.baseline, "--out", mine.path] + Self.small)
        #expect(outcome.status == 3)
        #expect(outcome.stderrLines.first == "Error: \(mine.path) exists and is not a cardsim output directory (no manifest.json); it was left untouched")
        #expect(try FileManager.default.contentsOfDirectory(atPath: mine.path) == ["notes.txt"])
    }

    @Test("an output path that cannot be written gives exit 3 and leaves nothing")
    func unwritable() throws {
        let dir = try TemporaryDirectory()
        try Data("a file".utf8).write(to: dir.path("file"))
        let outcome = try CardsimBinary.run(["run", Self.baseline, "--out", dir.path("file/out").path] + Self.small)
        #expect(outcome.status == 3)
        #expect(outcome.stderrLines == ["Error: cannot write \(dir.path("file/out").path): \(dir.path("file").path) is a file, not a directory",
                                        "Help: Check that the directory is writable and the disk has space, or choose another output directory."])
        #expect(dir.entries == ["file"])
    }
}
