import CardsimEngine
import CardsimOutput
import Foundation

/// A directory of baselines, one pair of files per scenario, named after the scenario file's
/// stem: `scenarios/baseline.yaml` has `DIR/baseline.json` (identity and KPI statistics) and
/// `DIR/baseline.summary.json` (the recorded `summary.json`, byte for byte), and one
/// `DIR/manifest.json` listing every baseline file with its SHA-256 (`Manifest`).
///
/// A scenario's two files and the manifest are replaced as one unit (`FileSetUpdate`), under
/// the directory's lock (`DirectoryLock`).
public struct BaselineStore: Sendable {
    /// The directory as given (relative paths are relative to the current directory); messages
    /// name files under it as given.
    public var directory: String

    public init(directory: String) { self.directory = directory }

    private var url: URL { URL(fileURLWithPath: directory) }

    /// `DIR/name` as messages show it.
    public func displayPath(_ name: String) -> String {
        directory.hasSuffix("/") ? directory + name : directory + "/" + name
    }

    /// `baseline` for `scenarios/baseline.yaml`.
    public static func stem(ofScenario path: String) -> String {
        let name = URL(fileURLWithPath: path).lastPathComponent
        for ext in [".yaml", ".yml"] where name.hasSuffix(ext) && name.count > ext.count {
            return String(name.dropLast(ext.count))
        }
        return name
    }

    /// The baseline file of a scenario: `DIR/<stem>.json`.
    public func baselineURL(forScenario path: String) -> URL {
        url.appendingPathComponent(Self.stem(ofScenario: path) + ".json")
    }

    /// The stored `summary.json` of a scenario: `DIR/<stem>.summary.json`.
    public func summaryURL(forScenario path: String) -> URL {
        url.appendingPathComponent(Self.stem(ofScenario: path) + ".summary.json")
    }

    public func hasBaseline(forScenario path: String) -> Bool {
        FileManager.default.fileExists(atPath: baselineURL(forScenario: path).path)
    }

    /// Reads and verifies a scenario's baseline.
    ///
    /// Throws `CheckError` `.missingBaseline` when there is none, and `.corruptBaseline` when
    /// the file is not a baseline of this format, its `summary.json` copy is missing or
    /// changed, the two files disagree (identity or KPI statistics), or either does not match
    /// the directory's `manifest.json`.
    public func read(forScenario path: String) throws -> Baseline {
        let url = baselineURL(forScenario: path)
        let shown = displayPath(url.lastPathComponent)
        let fm = FileManager.default
        guard fm.fileExists(atPath: url.path) else {
            throw CheckError(.missingBaseline, "no baseline for \(path): \(shown) does not exist",
                             help: "Record one with 'cardsim baseline \(path) --out \(directory)' "
                                 + "(for the shipped scenarios: 'make baselines'), review it and commit it.")
        }
        let rerecord = "Re-record it with 'cardsim baseline \(path) --out \(directory) --update'; baseline files are written by cardsim, not by hand."
        func corrupt(_ what: String) -> CheckError { CheckError(.corruptBaseline, "\(shown) \(what)", help: rerecord) }

        try recoverInterruptedUpdate()
        guard let data = fm.contents(atPath: url.path) else { throw corrupt("cannot be read") }
        let document: BaselineDocument
        do {
            document = try JSONDecoder().decode(BaselineDocument.self, from: data)
        } catch {
            throw corrupt("is not a cardsim baseline: \(BaselineDecoding.describe(error))")
        }
        guard document.format == Baseline.format else {
            throw corrupt("has format '\(document.format)'; this cardsim reads '\(Baseline.format)'")
        }
        let summaryName = document.exact.summary_file
        guard !summaryName.isEmpty, !summaryName.contains("/"), summaryName != ".", summaryName != ".." else {
            throw corrupt("names an invalid summary file '\(summaryName)'")
        }
        let summaryURL = url.deletingLastPathComponent().appendingPathComponent(summaryName)
        let summaryShown = displayPath(summaryName)
        guard let summaryData = fm.contents(atPath: summaryURL.path) else {
            throw corrupt("refers to \(summaryShown), which is missing")
        }

        guard let summaryText = String(data: summaryData, encoding: .utf8),
              FNV1a64.hex(of: summaryText) == document.exact.summary_fnv1a64 else {
            throw corrupt("does not match \(summaryShown): that file has changed since it was recorded")
        }
        let baseline = Baseline(identity: document.runIdentity, strategies: document.strategyStatistics,
                                summaryText: summaryText, summaryHash: document.exact.summary_fnv1a64,
                                monthlyHash: document.exact.monthly_fnv1a64)
        let info: RunInfo
        let stored: [StrategyStatistics]
        do {
            info = try SummaryFile.readInfo(summaryData, file: summaryURL.path)
            stored = try SummaryStatistics.read(summaryText, file: summaryURL.path)
        } catch {
            throw corrupt("refers to \(summaryShown), which is not a cardsim summary")
        }
        let id = baseline.identity
        guard info.scenarioHash == id.scenarioHash, info.seed == id.seed, info.paths == id.paths,
              info.months == id.months, info.agents == id.agents, info.version == id.version, info.shard == nil else {
            throw corrupt("and \(summaryShown) disagree on the run's identity (scenario hash, seed, sizes or version)")
        }
        guard stored == baseline.strategies else {
            throw corrupt("and \(summaryShown) disagree on the KPI statistics")
        }
        // Last, so that the checks above name what is wrong inside a file; this one catches
        // any other change to either file since cardsim wrote it.
        do {
            _ = try Manifest.verified(self.url, names: [url.lastPathComponent, summaryName], what: "cardsim baseline directory")
        } catch let e as OutputError {
            throw CheckError(.corruptBaseline, e.message, help: rerecord)
        }
        return baseline
    }

    /// Writes a scenario's baseline: the summary copy, the baseline file and their entries in
    /// `manifest.json`, as one unit (`FileSetUpdate`), so that a failed or killed write leaves
    /// the old pair or the new one, never a mix. Throws `.write`, or `OutputError.locked` when
    /// another process is writing the directory.
    public func write(_ baseline: Baseline, forScenario path: String) throws {
        let summaryName = summaryURL(forScenario: path).lastPathComponent
        let files = [summaryName: Data(baseline.summaryText.utf8),
                     baselineURL(forScenario: path).lastPathComponent: Data(baseline.jsonText(summaryFile: summaryName).utf8)]
        do {
            try AtomicDirectory.makeParent(of: url)
            let lock = try DirectoryLock.acquire(for: url)
            defer { lock.release() }
            try FileSetUpdate.commit(files, in: url)
        } catch let e as OutputError where e.kind != .locked {
            throw CheckError(.write, e.message, help: e.help)
        }
    }

    /// Completes or rolls back an update of the directory that a killed process left (under the
    /// lock; refused with `OutputError.locked` while another process writes).
    private func recoverInterruptedUpdate() throws {
        guard FileSetUpdate.hasJournal(url) else { return }
        let lock = try DirectoryLock.acquire(for: url)
        defer { lock.release() }
        FileSetUpdate.recover(url)
    }
}
