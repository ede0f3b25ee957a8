import CardsimEngine
import CardsimOutput
import CardsimTestSupport
import Foundation
import Testing

@Suite("merging shards")
struct ShardMergeTests {
    let scenario = SampleRuns.scenario(paths: 7, months: 8)
    let source = ScenarioSource(yaml: "name: sample\n", overrides: ["run.paths=7"])
    let hash = "00000000000000aa"

    /// Writes shard `i` of `k` (or the whole run) into `dir/name` and returns its URL.
    func write(_ dir: TemporaryDirectory, _ name: String, shard: (Int, Int)?, scenario: Scenario? = nil,
               source: ScenarioSource? = nil) throws -> URL {
        let scenario = scenario ?? self.scenario
        let shardInfo = shard.map { ShardInfo(index: $0.0, count: $0.1,
                                              paths: MonteCarlo.shardRange(index: $0.0, count: $0.1, paths: scenario.run.paths)) }
        let info = RunInfo(scenario: scenario, scenarioHash: hash, shard: shardInfo)
        let url = dir.path(name)
        try RunDirectory.write(to: url, info: info, scenario: scenario, source: source ?? self.source,
                               results: SampleRuns.results(scenario, paths: info.pathRange))
        return url
    }

    func merge(_ dirs: [URL]) throws -> ShardMerge.Merged {
        try ShardMerge.merge(dirs) { stored, _ in
            #expect(stored == source)
            return scenario
        }
    }

    /// The message of the `OutputError` that `body` throws.
    func failure(_ body: () throws -> Void) -> OutputError? {
        do { try body() } catch let e as OutputError { return e } catch { Issue.record("unexpected \(error)") }
        return nil
    }

    @Test("three shards merge into the bytes of the unsharded run, in any order")
    func byteIdentical() throws {
        let dir = try TemporaryDirectory()
        let whole = try write(dir, "whole", shard: nil)
        let shards = try (1...3).map { try write(dir, "shard\($0)", shard: ($0, 3)) }
        let merged = try merge([shards[2], shards[0], shards[1]])
        #expect(merged.info == RunInfo(scenario: scenario, scenarioHash: hash))
        #expect(merged.results == SampleRuns.results(scenario))
        try RunDirectory.write(to: dir.path("merged"), info: merged.info, scenario: merged.scenario,
                               source: merged.source, results: merged.results)
        #expect(DirectoryComparison.differences(whole, dir.path("merged")) == [])
        // vintages.csv is among the compared files, with every path's rows.
        let vintages = try String(contentsOf: dir.path("merged").appendingPathComponent(VintagesFile.fileName), encoding: .utf8)
        #expect(merged.results.allSatisfy { $0.vintages.count == 2 })
        #expect(vintages.split(separator: "\n").count == 1 + 7 * 2 * VintageTable(months: scenario.run.months).cells.count)
        #expect(dir.entries == ["merged", "shard1", "shard2", "shard3", "whole"])
    }

    @Test("a missing shard is named by its paths")
    func missing() throws {
        let dir = try TemporaryDirectory()
        let shards = try (1...3).map { try write(dir, "shard\($0)", shard: ($0, 3)) }
        let e = failure { _ = try merge([shards[0], shards[2]]) }
        #expect(e?.kind == .shards)
        #expect(e?.message == "paths 2..<4 are missing")
        #expect(failure { _ = try merge([shards[0]]) }?.message == "paths 2..<7 are missing")
    }

    @Test("overlapping shards are refused")
    func overlapping() throws {
        let dir = try TemporaryDirectory()
        let thirds = try (1...3).map { try write(dir, "third\($0)", shard: ($0, 3)) }
        let half = try write(dir, "half", shard: (1, 2))
        let e = failure { _ = try merge(thirds + [half]) }
        #expect(e?.kind == .shards)
        #expect(e?.message.contains("both hold paths") == true, "\(e?.message ?? "")")
        #expect(failure { _ = try merge([thirds[0], thirds[0], thirds[1], thirds[2]]) }?.kind == .shards)
    }

    @Test("shards of different runs are refused")
    func mismatched() throws {
        let dir = try TemporaryDirectory()
        let a = try write(dir, "a", shard: (1, 2))
        var other = scenario
        other.run.seed = 43
        let b = try write(dir, "b", shard: (2, 2), scenario: other)
        let e = failure { _ = try merge([a, b]) }
        #expect(e?.kind == .shards)
        #expect(e?.message.hasSuffix("are shards of different runs: seed 42 vs 43") == true, "\(e?.message ?? "")")

        let c = try write(dir, "c", shard: (2, 2), source: ScenarioSource(yaml: "name: sample\n", overrides: ["run.paths=7", "x=1"]))
        #expect(failure { _ = try merge([a, c]) }?.message.hasSuffix("their overrides.txt differ") == true)

        var shorter = scenario
        shorter.run.months = 1
        let d = try write(dir, "d", shard: (2, 2), scenario: shorter)
        #expect(failure { _ = try merge([a, d]) }?.message.hasSuffix("months 8 vs 1") == true)
    }

    @Test("a directory that is not an output is refused")
    func notAnOutput() throws {
        let dir = try TemporaryDirectory()
        let e = failure { _ = try merge([dir.path("absent")]) }
        #expect(e?.kind == .read)
        try FileManager.default.createDirectory(at: dir.path("empty"), withIntermediateDirectories: true)
        #expect(failure { _ = try merge([dir.path("empty")]) }?.message.contains("has no manifest.json; it is not a cardsim run directory") == true)
    }

    @Test("a ledger that does not hold the paths its summary announces is refused")
    func tamperedLedger() throws {
        let dir = try TemporaryDirectory()
        let a = try write(dir, "a", shard: (1, 2))
        let b = try write(dir, "b", shard: (2, 2))
        let ledger = b.appendingPathComponent(LedgerTable.fileName)
        let lines = try String(contentsOf: ledger, encoding: .utf8).split(separator: "\n")
        // The last path (2 strategies x 8 months) goes, and its rows of vintages.csv with it.
        try (lines.dropLast(16).joined(separator: "\n") + "\n").write(to: ledger, atomically: false, encoding: .utf8)
        let vintages = b.appendingPathComponent(VintagesFile.fileName)
        let rows = try String(contentsOf: vintages, encoding: .utf8).split(separator: "\n")
        let cells = VintageTable(months: scenario.run.months).cells.count
        try (rows.dropLast(2 * cells).joined(separator: "\n") + "\n").write(to: vintages, atomically: false, encoding: .utf8)
        // As cardsim wrote it, the edit is refused by the manifest, naming both files.
        let refused = failure { _ = try merge([a, b]) }
        #expect(refused?.kind == .read)
        #expect(refused?.message == "\(b.path) does not match its manifest.json; files changed since cardsim wrote them: ledger.csv, vintages.csv")
        // With the manifest rewritten to match, the merge's own check refuses it.
        try Reseal.manifest(of: b)
        #expect(failure { _ = try merge([a, b]) }?.kind == .shards)
    }
}
