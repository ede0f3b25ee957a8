import CardsimEngine
import Foundation

/// Combines the output directories of a run's shards into the results of the whole run.
///
/// The shards must come from the same run (same cardsim version, scenario text and hash,
/// overrides, model files, seed, paths, months and agents) and their path ranges must cover
/// `0..<paths` exactly once. The merged results are sorted by path, so writing them with
/// `RunDirectory.write` gives the same bytes as an unsharded run.
public enum ShardMerge {
    /// The whole run rebuilt from its shards.
    public struct Merged: Sendable {
        /// The header of the whole run (no shard).
        public var info: RunInfo
        public var scenario: Scenario
        public var source: ScenarioSource
        /// Every path's results, sorted by path index.
        public var results: [PathResult]
    }

    /// Reads and checks the shard directories, then rebuilds the run.
    ///
    /// - Parameters:
    ///   - directories: the shards' output directories, in any order.
    ///   - loadScenario: loads the scenario stored in a shard (`file` is the path of its
    ///     `scenario.yaml`, for diagnostics); its errors are rethrown unchanged.
    /// - Throws: `OutputError` of kind `.read` for unreadable directories, `.shards` for
    ///   shards that do not make up one run.
    public static func merge(
        _ directories: [URL], loadScenario: (ScenarioSource, _ file: String) throws -> Scenario
    ) throws -> Merged {
        let stored = try directories.map(RunDirectory.read)
        guard let first = stored.first else {
            throw OutputError(.shards, "no shard directories given", help: "Pass the output directories of every shard.")
        }
        try checkSameRun(stored)
        let ordered = try checkCoverage(stored)

        let file = first.url.appendingPathComponent(RunDirectory.scenarioFileName).path
        let scenario = try loadScenario(first.source, file)
        let names = scenario.strategies.map(\.name)
        var results: [PathResult] = []
        results.reserveCapacity(first.info.paths)
        for shard in ordered {
            let ledgerFile = shard.url.appendingPathComponent(LedgerTable.fileName).path
            let part = try shard.results(of: scenario)
            guard part.map(\.path) == Array(shard.info.pathRange) else {
                throw OutputError(.shards, "\(ledgerFile) does not hold paths \(describe(shard.info.pathRange)) as its summary.json says",
                                  help: "Re-run the shard that wrote \(shard.url.path).")
            }
            for result in part {
                let months = result.months.map(\.count)
                guard months.allSatisfy({ $0 == first.info.months }) else {
                    throw OutputError(.shards, "\(ledgerFile): path \(result.path) does not have \(first.info.months) months",
                                      help: "Re-run the shard that wrote \(shard.url.path).")
                }
                for (s, strategy) in scenario.strategies.enumerated()
                where result.months[s].contains(where: { $0.ledger.applicationsByChannel.count != strategy.channels.count }) {
                    throw OutputError(.shards, "\(ledgerFile): path \(result.path) of '\(strategy.name)' does not have \(strategy.channels.count) channels",
                                      help: "Re-run the shard that wrote \(shard.url.path).")
                }
            }
            results += part
        }
        var info = first.info
        info.shard = nil
        return Merged(info: info, scenario: scenario, source: first.source, results: results)
    }

    /// Refuses shards of different runs, naming the first difference.
    static func checkSameRun(_ stored: [StoredRun]) throws {
        let a = stored[0]
        for b in stored.dropFirst() {
            let differences: [(String, String, String)] = [
                ("cardsim version", a.info.version, b.info.version),
                ("seed", String(a.info.seed), String(b.info.seed)),
                ("paths", String(a.info.paths), String(b.info.paths)),
                ("months", String(a.info.months), String(b.info.months)),
                ("agents", String(a.info.agents), String(b.info.agents)),
                ("agent weight", a.info.agentWeight.description, b.info.agentWeight.description),
                ("scenario name", a.info.scenarioName, b.info.scenarioName),
                ("scenario hash", a.info.scenarioHash, b.info.scenarioHash),
            ]
            let models = ModelFiles.difference(a.source.modelFiles, b.source.modelFiles)
            if let (what, x, y) = differences.first(where: { $0.1 != $0.2 }) {
                let detail = what == "scenario hash" ? models.map { "; \($0)" } ?? "" : ""
                throw OutputError(.shards, "\(a.url.path) and \(b.url.path) are shards of different runs: \(what) \(x) vs \(y)\(detail)",
                                  help: "Merge only the shards of one run (same scenario, overrides, model files, seed and sizes).")
            }
            if let models {
                throw OutputError(.shards, "\(a.url.path) and \(b.url.path) are shards of different runs: \(models)",
                                  help: "Merge only the shards of one run (same scenario, overrides, model files, seed and sizes).")
            }
            if a.source != b.source {
                let what = a.source.yaml != b.source.yaml ? RunDirectory.scenarioFileName : RunDirectory.overridesFileName
                throw OutputError(.shards, "\(a.url.path) and \(b.url.path) are shards of different runs: their \(what) differ",
                                  help: "Merge only the shards of one run (same scenario, overrides, seed and sizes).")
            }
        }
    }

    /// Sorts the shards by path range and refuses overlaps and gaps.
    static func checkCoverage(_ stored: [StoredRun]) throws -> [StoredRun] {
        let paths = stored[0].info.paths
        let ordered = stored.sorted { ($0.info.pathRange.lowerBound, $0.info.pathRange.upperBound) < ($1.info.pathRange.lowerBound, $1.info.pathRange.upperBound) }
        var covered = 0
        var previous: StoredRun?
        var missing: [Range<Int>] = []
        for shard in ordered {
            let range = shard.info.pathRange
            guard range.upperBound <= paths else {
                throw OutputError(.shards, "\(shard.url.path) holds paths \(describe(range)) but the run has \(paths)",
                                  help: "Re-run the shard that wrote it.")
            }
            if range.isEmpty { continue }
            if range.lowerBound < covered, let p = previous {
                let overlap = range.lowerBound..<min(covered, range.upperBound)
                throw OutputError(.shards, "\(p.url.path) and \(shard.url.path) both hold paths \(describe(overlap))",
                                  help: "Pass each shard once; shards of one run split it with the same --shard count.")
            }
            if range.lowerBound > covered { missing.append(covered..<range.lowerBound) }
            covered = range.upperBound
            previous = shard
        }
        if covered < paths { missing.append(covered..<paths) }
        if !missing.isEmpty {
            let list = missing.map(describe).joined(separator: ", ")
            throw OutputError(.shards, "paths \(list) are missing",
                              help: "Pass the output directories of every shard of the run.")
        }
        return ordered
    }

    /// `3..<5`, as ranges of paths are written in messages.
    static func describe(_ r: Range<Int>) -> String { "\(r.lowerBound)..<\(r.upperBound)" }
}
