import CardsimEngine
import Foundation

/// A run's output directory:
///
/// - `summary.json`: header and KPI statistics (`SummaryFile`);
/// - `monthly.csv`: KPI statistics month by month (`MonthlyTable`);
/// - `paths.csv`: KPI values path by path (`PathTable`);
/// - `ledger.csv`: raw monthly records, lossless (`LedgerTable`);
/// - `moves.csv`: the competitors' moves that fired (`MovesTable`);
/// - `discrimination.csv`: AUC and KS of each strategy's approval score, path by path
///   (`DiscriminationTable`);
/// - `vintages.csv`: the vintage risk of the accounts booked during the run, by path,
///   strategy, acquisition quarter and months on book (`VintagesFile`);
/// - `scenario.yaml`, `overrides.txt`: the scenario text and the overrides (one per line)
///   the run was loaded from, so that shards can be merged without the original file;
/// - `model-files.json`, only when the scenario names model files (scorecards): their texts
///   (`ModelFiles`), so that the stored scenario loads without them.
///
/// Every byte depends only on the scenario, the overrides, the seed and the paths held: not
/// on time, machine or thread count.
public enum RunDirectory {
    public static let scenarioFileName = "scenario.yaml"
    public static let overridesFileName = "overrides.txt"

    /// Every file of an output directory (`model-files.json` only when there are model files).
    public static let fileNames = [
        SummaryFile.fileName, MonthlyTable.fileName, PathTable.fileName, LedgerTable.fileName,
        MovesTable.fileName, DiscriminationTable.fileName, VintagesFile.fileName, scenarioFileName,
        overridesFileName, ModelFiles.fileName,
    ]

    /// Writes the output directory of `results` (sorted by path, exactly the paths of
    /// `info.pathRange`) atomically at `url`, replacing a previous cardsim output there.
    /// `additions` go into `summary.json` beside the KPI statistics.
    ///
    /// Throws `OutputError` of kind `.write` if `url` holds something other than a cardsim
    /// output or cannot be written; on failure nothing is left at `url` or beside it.
    public static func write(to url: URL, info: RunInfo, scenario: Scenario, source: ScenarioSource,
                             results: [PathResult], additions: SummaryAdditions = SummaryAdditions()) throws {
        precondition(results.map(\.path) == Array(info.pathRange), "results must hold the paths of the run or shard, in order")
        precondition(!source.overrides.contains { $0.contains("\n") }, "overrides cannot hold newlines")
        try checkReplaceable(url)
        let names = scenario.strategies.map(\.name)
        try AtomicDirectory.write(to: url) { dir in
            func put(_ name: String, _ text: String) throws {
                try AtomicDirectory.writeFile(text, to: dir.appendingPathComponent(name))
            }
            try put(SummaryFile.fileName, SummaryFile.text(info: info, scenario: scenario, results: results,
                                                            additions: additions))
            try put(MonthlyTable.fileName, MonthlyTable.text(scenario: scenario, results: results))
            try put(PathTable.fileName, PathTable.text(scenario: scenario, results: results))
            try put(LedgerTable.fileName, LedgerTable.text(results: results, strategyNames: names))
            try put(MovesTable.fileName, MovesTable.text(scenario: scenario, results: results))
            try put(DiscriminationTable.fileName, DiscriminationTable.text(results: results, strategyNames: names))
            try put(VintagesFile.fileName, VintagesFile.text(results: results, strategyNames: names))
            try put(scenarioFileName, source.yaml)
            try put(overridesFileName, source.overrides.map { $0 + "\n" }.joined())
            try ModelFiles.write(source.modelFiles, into: dir)
        }
    }

    /// Whether a path may be replaced by a cardsim output: missing or empty, or a cardsim
    /// output (`summary.json` present) holding nothing but `fileNames` and `alsoWritten`.
    public enum Replaceability: Equatable, Sendable {
        case replaceable
        /// A file, not a directory, is at the path.
        case fileInTheWay
        /// A non-empty directory without a `summary.json`.
        case notAnOutput
        /// A cardsim output with other entries in it, sorted.
        case foreign([String])
    }

    /// The replaceability of `url` for a writer that puts `fileNames` and `alsoWritten` there.
    public static func replaceability(of url: URL, alsoWritten: Set<String> = []) -> Replaceability {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: url.path, isDirectory: &isDirectory) else { return .replaceable }
        guard isDirectory.boolValue else { return .fileInTheWay }
        let contents = (try? fm.contentsOfDirectory(atPath: url.path)) ?? []
        if contents.isEmpty { return .replaceable }
        guard contents.contains(SummaryFile.fileName) else { return .notAnOutput }
        let own = Set(fileNames).union(alsoWritten)
        let foreign = contents.filter { !own.contains($0) }.sorted()
        return foreign.isEmpty ? .replaceable : .foreign(foreign)
    }

    /// Refuses to replace anything `replaceability` does not allow, so that neither a mistyped
    /// `--out` nor a note left inside an earlier run directory is deleted.
    static func checkReplaceable(_ url: URL) throws {
        switch replaceability(of: url) {
        case .replaceable: return
        case .fileInTheWay:
            throw OutputError(.write, "cannot write \(url.path): a file of that name is in the way",
                              help: "Choose another output directory, or remove the file.")
        case .notAnOutput:
            throw OutputError(.write, "\(url.path) exists and is not a cardsim output directory; it was left untouched",
                              help: "Choose another output directory, or remove this one first.")
        case .foreign(let names):
            throw OutputError(.write, "\(url.path) holds files cardsim did not write (\(names.joined(separator: ", "))); it was left untouched",
                              help: "Move those files out of the directory, or choose another output directory.")
        }
    }

    /// Reads what a merge needs from an output directory: the header, the scenario source (with
    /// its model files), the ledger, the discrimination and the vintages text (nil when a
    /// directory written before `vintages.csv` existed has none).
    public static func read(_ url: URL) throws -> StoredRun {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw OutputError(.read, "\(url.path) is not a directory", help: "Pass output directories written by 'cardsim run'.")
        }
        func text(_ name: String) throws -> String {
            let file = url.appendingPathComponent(name)
            guard let data = fm.contents(atPath: file.path) else {
                throw OutputError(.read, "\(url.path) has no readable \(name)",
                                  help: "Pass output directories written by 'cardsim run'.")
            }
            guard let s = String(data: data, encoding: .utf8) else {
                throw OutputError(.read, "\(file.path) is not UTF-8 text", help: "Re-run the shard that wrote it.")
            }
            return s
        }
        let summary = try text(SummaryFile.fileName)
        let info = try SummaryFile.readInfo(Data(summary.utf8), file: url.appendingPathComponent(SummaryFile.fileName).path)
        let yaml = try text(scenarioFileName)
        let overrides = try text(overridesFileName).split(separator: "\n").map(String.init)
        let ledger = try text(LedgerTable.fileName)
        let discrimination = try text(DiscriminationTable.fileName)
        let vintages = fm.fileExists(atPath: url.appendingPathComponent(VintagesFile.fileName).path)
            ? try text(VintagesFile.fileName) : nil
        let source = ScenarioSource(yaml: yaml, overrides: overrides, modelFiles: try ModelFiles.read(url))
        return StoredRun(url: url, info: info, source: source, ledgerText: ledger, discriminationText: discrimination,
                         vintagesText: vintages)
    }
}

/// An output directory as read back for a merge.
public struct StoredRun: Sendable {
    public var url: URL
    public var info: RunInfo
    public var source: ScenarioSource
    /// The text of `ledger.csv`, parsed once the scenario is known.
    public var ledgerText: String
    /// The text of `discrimination.csv`, parsed with the ledger.
    public var discriminationText: String
    /// The text of `vintages.csv`, parsed with the ledger; nil if the directory has none.
    public var vintagesText: String?
}
