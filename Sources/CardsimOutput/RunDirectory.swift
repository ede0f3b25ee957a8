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
/// - `segments.csv`: counts and amounts by market segment, per path, strategy and month
///   (`SegmentsFile`); `channels.csv`: each acquisition channel's applications, accounts,
///   cost per account, activation within 3 months and 90+ within 12 months (`ChannelsFile`);
/// - `campaigns.csv`: each active campaign's treated and holdout arms month by month, in the
///   run and in the run without the campaign (`CampaignsFile`);
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
        MovesTable.fileName, DiscriminationTable.fileName, VintagesFile.fileName, CampaignsFile.fileName, SegmentsFile.fileName, ChannelsFile.fileName, scenarioFileName,
        overridesFileName, ModelFiles.fileName,
    ]

    /// Writes the output directory of `results` (sorted by path, exactly the paths of
    /// `info.pathRange`) atomically at `url`, replacing a previous cardsim output there.
    /// `additions` go into `summary.json` beside the KPI statistics.
    ///
    /// Throws `OutputError` of kind `.write` if `url` holds something other than a cardsim
    /// output (`AtomicDirectory.checkReplaceable`) or cannot be written, `.locked` if another
    /// process is writing it; on failure the old `url` is intact and nothing is left beside it.
    public static func write(to url: URL, info: RunInfo, scenario: Scenario, source: ScenarioSource,
                             results: [PathResult], additions: SummaryAdditions = SummaryAdditions()) throws {
        precondition(results.map(\.path) == Array(info.pathRange), "results must hold the paths of the run or shard, in order")
        precondition(!source.overrides.contains { $0.contains("\n") }, "overrides cannot hold newlines")
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
            try put(CampaignsFile.fileName, CampaignsFile.text(results: results, strategyNames: names))
            try put(SegmentsFile.fileName, SegmentsFile.text(results: results, strategyNames: names,
                                                             segmentNames: scenario.market.segments.map(\.name)))
            try put(ChannelsFile.fileName, ChannelsFile.text(results: results, strategyNames: names,
                                                             channelNames: scenario.strategies.map { $0.channels.map(\.name) }))
            try put(scenarioFileName, source.yaml)
            try put(overridesFileName, source.overrides.map { $0 + "\n" }.joined())
            try ModelFiles.write(source.modelFiles, into: dir)
        }
    }

    /// Reads what a merge needs from an output directory: the header, the scenario source (with
    /// its model files), the ledger, the discrimination and the vintages text (nil when a
    /// directory written before `vintages.csv` existed has none).
    ///
    /// Every file listed in the directory's `manifest.json` is checked against its SHA-256
    /// first: a file changed or removed since the run is refused by name (`OutputError.read`).
    public static func read(_ url: URL) throws -> StoredRun {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw OutputError(.read, "\(url.path) is not a directory", help: "Pass output directories written by 'cardsim run'.")
        }
        let manifest = try Manifest.required(in: url, what: "cardsim run directory")
        try manifest.verify(url, names: Array(Set(manifest.files.keys).union(
            [SummaryFile.fileName, scenarioFileName, overridesFileName, LedgerTable.fileName, DiscriminationTable.fileName])))
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
        func optional(_ name: String) throws -> String? {
            fm.fileExists(atPath: url.appendingPathComponent(name).path) ? try text(name) : nil
        }
        let campaigns = try optional(CampaignsFile.fileName)
        let source = ScenarioSource(yaml: yaml, overrides: overrides, modelFiles: try ModelFiles.read(url))
        return StoredRun(url: url, info: info, source: source, ledgerText: ledger, discriminationText: discrimination,
                         vintagesText: vintages, campaignsText: campaigns,
                         segmentsText: try optional(SegmentsFile.fileName), channelsText: try optional(ChannelsFile.fileName))
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
    /// The text of `campaigns.csv`, parsed with the ledger; nil if the directory has none.
    public var campaignsText: String? = nil
    /// The texts of `segments.csv` and `channels.csv`; nil if the directory has none.
    public var segmentsText: String? = nil
    public var channelsText: String? = nil
}
