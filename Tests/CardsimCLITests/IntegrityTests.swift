import CardsimTestSupport
import Foundation
import Testing

/// Every reader of cardsim's output directories checks the files it reads against the
/// directory's `manifest.json` and refuses, by name and with exit 2, a file changed or removed
/// since cardsim wrote it.
@Suite("integrity of output directories")
struct IntegrityTests {
    static let small = ["--agents", "2000", "--paths", "2", "--months", "3"]

    func append(_ text: String, to url: URL) throws {
        let handle = try FileHandle(forWritingTo: url)
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(text.utf8))
        try handle.close()
    }

    func run(_ out: URL, _ extra: [String] = []) throws {
        let outcome = try CardsimBinary.run(["run", RunCommandTests.baseline] + Self.small + extra + ["--out", out.path])
        try #require(outcome.status == 0, "\(outcome.stderr)")
    }

    @Test("a run directory lists each file with its size and SHA-256")
    func manifest() throws {
        let dir = try TemporaryDirectory()
        try run(dir.path("r"))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: dir.path("r/manifest.json"))) as? [String: Any])
        let files = try #require(json["files"] as? [String: [String: Any]])
        let names = try FileManager.default.contentsOfDirectory(atPath: dir.path("r").path).filter { $0 != "manifest.json" }
        #expect(Set(files.keys) == Set(names))
        let summary = try Data(contentsOf: dir.path("r/summary.json"))
        #expect(files["summary.json"]?["bytes"] as? Int == summary.count)
        #expect((files["summary.json"]?["sha256"] as? String)?.count == 64)
    }

    @Test("a changed summary.json is refused by compare and report, by name")
    func summary() throws {
        let dir = try TemporaryDirectory()
        try run(dir.path("r"))
        try append(" ", to: dir.path("r/summary.json"))
        for args in [["compare", dir.path("r").path], ["report", dir.path("r").path, "--out", dir.path("x.html").path]] {
            let outcome = try CardsimBinary.run(args)
            #expect(outcome.status == 2, "\(args[0]): \(outcome.stderr)")
            #expect(outcome.stderr.contains("\(dir.path("r").path) does not match its manifest.json; files changed since cardsim wrote them: summary.json"),
                    "\(args[0]): \(outcome.stderr)")
        }
        #expect(!FileManager.default.fileExists(atPath: dir.path("x.html").path))
    }

    @Test("a changed ledger.csv or a missing discrimination.csv in a shard is refused by merge, by name")
    func ledger() throws {
        let dir = try TemporaryDirectory()
        try run(dir.path("s1"), ["--shard", "1/2"])
        try run(dir.path("s2"), ["--shard", "2/2"])
        try append("0\n", to: dir.path("s2/ledger.csv"))
        let merge = try CardsimBinary.run(["merge", dir.path("s1").path, dir.path("s2").path, "--out", dir.path("m").path])
        #expect(merge.status == 2, "\(merge.stderr)")
        #expect(merge.stderr.contains("\(dir.path("s2").path) does not match its manifest.json; files changed since cardsim wrote them: ledger.csv"), "\(merge.stderr)")
        try FileManager.default.removeItem(at: dir.path("s1/discrimination.csv"))
        let again = try CardsimBinary.run(["merge", dir.path("s1").path, "--out", dir.path("m").path])
        #expect(again.stderr.contains("missing: discrimination.csv"), "\(again.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir.path("m").path))
    }

    @Test("a changed file of a finished sweep point, or a changed sweep.json, stops the resume and --require-complete, by name")
    func sweepPoint() throws {
        let dir = try TemporaryDirectory()
        let out = dir.path("s")
        let args = ["sweep", SweepCommandTests.scenario, "--out", out.path, "--no-chart", "--vary", "bank.product.annual_fee=0,200"] + Self.small
        let first = try CardsimBinary.run(args + ["--stop-after", "2"])
        try #require(first.status == 0, "\(first.stderr)")
        try append("x", to: out.appendingPathComponent("points/0002/paths.csv"))
        for extra in [[], ["--require-complete"]] {
            let resumed = try CardsimBinary.run(args + extra)
            #expect(resumed.status == 2, "\(resumed.stderr)")
            #expect(resumed.stderr.contains("point 0002: \(out.path)/points/0002 does not match its manifest.json; files changed since cardsim wrote them: paths.csv"),
                    "\(resumed.stderr)")
        }
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("points/0003").path), "nothing more was run")
        try FileManager.default.removeItem(at: out.appendingPathComponent("points/0002"))
        try append(" ", to: out.appendingPathComponent("sweep.json"))
        let identity = try CardsimBinary.run(args)
        #expect(identity.status == 2)
        #expect(identity.stderr.contains("files changed since cardsim wrote them: sweep.json"), "\(identity.stderr)")
    }

    @Test("a baseline changed in a way its own checks cannot see is refused by check, by name")
    func baseline() throws {
        let dir = try TemporaryDirectory()
        let record = try CardsimBinary.run(["baseline", RunCommandTests.baseline, "--out", dir.path("b").path] + Self.small)
        try #require(record.status == 0, "\(record.stderr)")
        try append("\n", to: dir.path("b/baseline.json"))
        let check = try CardsimBinary.run(["check", RunCommandTests.baseline, "--baselines", dir.path("b").path])
        #expect(check.status == 2, "\(check.stdout)\(check.stderr)")
        #expect((check.stdout + check.stderr).contains("files changed since cardsim wrote them: baseline.json"), "\(check.stdout)\(check.stderr)")
    }
}
