import CardsimAnalysis
import CardsimEngine
import CardsimOutput
import Foundation

/// A run's output directory, read back for charts, the report and the notebook.
///
/// Everything is read from the files `cardsim run` writes: the header and KPI statistics from
/// `summary.json` (and its `comparison` blocks, when the run has them), the path values of
/// every KPI from `paths.csv`, the monthly records of every path from `ledger.csv`, and the
/// scenario from `scenario.yaml` with `overrides.txt`.
public struct RunData: Sendable {
    /// The directory read.
    public var directory: URL
    public var info: RunInfo
    /// The scenario the run was loaded from (strategy names, channels, discount rates).
    public var scenario: Scenario
    /// The scenario text, overrides and model files, as stored with the run.
    public var source: ScenarioSource
    /// Strategy names, champion first.
    public var strategyNames: [String]
    /// KPI ids in file order (the columns of `paths.csv`).
    public var kpiIDs: [String]
    /// Unit of each KPI, from `summary.json`.
    public var units: [String: String]
    /// `summaries[s][kpi]`: mean, standard error and percentiles over paths, from `summary.json`.
    public var summaries: [[String: Summary]]
    /// `pathValues[s][kpi][p]`: the KPI on the p-th path, from `paths.csv`.
    public var pathValues: [[String: [Double]]]
    /// The monthly records of every path, from `ledger.csv`, in path order.
    public var results: [PathResult]
    /// `comparisons[s]`: the `comparison` block of strategy s in `summary.json`, if present.
    public var storedComparisons: [StoredComparison?]
    /// The confidence level of `summary.json`'s intervals, if it says.
    public var storedConfidence: Double?
    /// `storedTargets[s]`: the KPI targets of strategy s as `summary.json` checked them.
    public var storedTargets: [[StoredTarget]] = []

    /// Reads `url`. `loadScenario` turns the stored scenario text, overrides and model files into the
    /// engine's scenario (the command line passes the scenario loader); its second argument
    /// names the file for diagnostics.
    public static func load(_ url: URL,
                            loadScenario: (ScenarioSource, String) throws -> Scenario) throws -> RunData {
        let stored = try RunDirectory.read(url)
        let dir = url.path
        if let shard = stored.info.shard {
            throw ReportError(.input, "\(dir) holds shard \(shard.index)/\(shard.count) of a run, not the whole run",
                              help: "Merge the shards with 'cardsim merge' and pass the merged directory.")
        }
        let scenario = try loadScenario(stored.source, url.appendingPathComponent(RunDirectory.scenarioFileName).path)
        let names = scenario.strategies.map(\.name)

        let summaryFile = url.appendingPathComponent(SummaryFile.fileName)
        let summary = try SummaryJSON(file: summaryFile)
        guard summary.strategyNames == names else {
            throw ReportError(.input, "\(summaryFile.path) names the strategies \(summary.strategyNames), its scenario.yaml \(names)",
                              help: "Do not edit output directories; re-run the scenario.")
        }

        let pathsFile = url.appendingPathComponent(PathTable.fileName)
        let table = try PathsCSV(file: pathsFile, strategyNames: names, paths: stored.info.paths)

        let ledgerFile = url.appendingPathComponent(LedgerTable.fileName).path
        let results = try stored.results(of: scenario)
        guard results.map(\.path) == Array(0..<stored.info.paths),
              results.allSatisfy({ $0.months.allSatisfy { $0.count == stored.info.months } }) else {
            throw ReportError(.input, "\(ledgerFile) does not hold the \(stored.info.paths) paths of \(stored.info.months) months its summary.json announces",
                              help: "Re-run the scenario that wrote \(dir).")
        }
        return RunData(directory: url, info: stored.info, scenario: scenario, source: stored.source,
                       strategyNames: names, kpiIDs: table.kpiIDs, units: summary.units,
                       summaries: summary.summaries, pathValues: table.values, results: results,
                       storedComparisons: summary.comparisons, storedConfidence: summary.confidence,
                       storedTargets: summary.targets)
    }

    /// Number of paths.
    public var paths: Int { info.paths }
    /// Number of months per path.
    public var months: Int { info.months }

    /// The scenario's question: the first comment line of `scenario.yaml`, without `#`.
    public var question: String? {
        for line in source.yaml.split(separator: "\n", omittingEmptySubsequences: false) {
            let t = line.trimmingCharacters(in: .whitespaces)
            if t.isEmpty { continue }
            guard t.hasPrefix("#") else { return nil }
            let q = t.drop { $0 == "#" }.trimmingCharacters(in: .whitespaces)
            return q.isEmpty ? nil : q
        }
        return nil
    }

    /// The `strategies:` section of the scenario text (the champion's name and each
    /// challenger's overlay), or nil if the text has none.
    public var strategiesText: String? {
        let lines = source.yaml.split(separator: "\n", omittingEmptySubsequences: false)
        guard let start = lines.firstIndex(where: { $0.hasPrefix("strategies:") }) else { return nil }
        var end = start + 1
        while end < lines.count {
            let l = lines[end]
            if let first = l.first, first != " ", first != "\t" { break }
            end += 1
        }
        while end > start + 1, lines[end - 1].trimmingCharacters(in: .whitespaces).isEmpty { end -= 1 }
        return lines[start..<end].joined(separator: "\n")
    }
}

/// What `summary.json` says beyond the header: strategy names, KPI statistics, units and the
/// comparison blocks.
struct SummaryJSON {
    var strategyNames: [String] = []
    var units: [String: String] = [:]
    var summaries: [[String: Summary]] = []
    var comparisons: [StoredComparison?] = []
    var confidence: Double?
    var targets: [[StoredTarget]] = []

    init(file: URL) throws {
        func bad(_ what: String) -> ReportError {
            ReportError(.input, "\(file.path): \(what)", help: "Pass a directory written by 'cardsim run' or 'cardsim merge'.")
        }
        guard let data = FileManager.default.contents(atPath: file.path),
              let root = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else {
            throw bad("not a JSON object")
        }
        guard let strategies = root["strategies"] as? [[String: Any]] else { throw bad("no 'strategies' list") }
        confidence = (root["intervals"] as? [String: Any])?["confidence"] as? Double
        for (s, strategy) in strategies.enumerated() {
            guard let name = strategy["name"] as? String, let kpis = strategy["kpis"] as? [String: Any] else {
                throw bad("strategy \(s + 1) has no 'name' or 'kpis'")
            }
            strategyNames.append(name)
            var perKPI: [String: Summary] = [:]
            for (id, value) in kpis {
                guard let v = value as? [String: Any], let mean = JSONNumber.double(v["mean"]),
                      let se = JSONNumber.double(v["standard_error"]) ?? (v["standard_error"] is NSNull ? .nan : nil),
                      let p5 = JSONNumber.double(v["p5"]),
                      let p50 = JSONNumber.double(v["p50"]), let p95 = JSONNumber.double(v["p95"]) else {
                    // A null standard error (one path) is read as NaN: absent, not 0.
                    throw bad("KPI '\(id)' of '\(name)' lacks mean, standard_error, p5, p50 or p95")
                }
                perKPI[id] = Summary(mean: mean, standardError: se, p5: p5, p50: p50, p95: p95)
                if let unit = v["unit"] as? String { units[id] = unit }
            }
            summaries.append(perKPI)
            comparisons.append((strategy["comparison"] as? [String: Any]).flatMap(StoredComparison.init(json:)))
            targets.append(((strategy["targets"] as? [[String: Any]]) ?? []).compactMap(StoredTarget.init(json:)))
        }
    }
}

/// Numbers in JSON read back by `JSONSerialization` (integers and doubles alike; null is nil).
enum JSONNumber {
    static func double(_ value: Any?) -> Double? {
        guard let value, !(value is NSNull) else { return nil }
        if let d = value as? Double { return d }
        return (value as? NSNumber)?.doubleValue
    }
}

/// `paths.csv`: every KPI's value on every path, per strategy.
struct PathsCSV {
    var kpiIDs: [String]
    /// `values[s][kpi][p]`.
    var values: [[String: [Double]]]

    init(file: URL, strategyNames: [String], paths: Int) throws {
        func bad(_ what: String) -> ReportError {
            ReportError(.input, "\(file.path): \(what)", help: "Re-run the scenario; do not edit output directories.")
        }
        guard let data = FileManager.default.contents(atPath: file.path), let text = String(data: data, encoding: .utf8) else {
            throw bad("cannot be read")
        }
        guard let rows = CSVReader.records(text), let head = rows.first, head.count > 2,
              head[0] == "path", head[1] == "strategy" else {
            throw bad("not a cardsim paths table (expected a header 'path,strategy,…')")
        }
        kpiIDs = Array(head[2...])
        var columns = Array(repeating: Array(repeating: [Double](repeating: .nan, count: paths), count: kpiIDs.count),
                            count: strategyNames.count)
        var seen = Array(repeating: [Bool](repeating: false, count: paths), count: strategyNames.count)
        let index = Dictionary(strategyNames.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        for (r, row) in rows.enumerated().dropFirst() {
            guard row.count == head.count else { throw bad("line \(r + 1) has \(row.count) fields, expected \(head.count)") }
            guard let p = Int(row[0]), p >= 0, p < paths else { throw bad("line \(r + 1): path '\(row[0])' out of range") }
            guard let s = index[row[1]] else { throw bad("line \(r + 1): unknown strategy '\(row[1])'") }
            for k in kpiIDs.indices {
                guard let v = Double(row[k + 2]) else { throw bad("line \(r + 1): '\(row[k + 2])' is not a number") }
                columns[s][k][p] = v
            }
            seen[s][p] = true
        }
        guard seen.allSatisfy({ $0.allSatisfy { $0 } }) else { throw bad("some path of some strategy is missing") }
        let ids = kpiIDs
        values = columns.map { perKPI in Dictionary(uniqueKeysWithValues: zip(ids, perKPI)) }
    }
}

/// One KPI target as `summary.json` states its check (`targets` of a strategy).
public struct StoredTarget: Sendable, Equatable {
    public var kpi: String
    public var relation: String
    public var threshold: Double
    public var mean: Double
    public var meanMeets: Bool
    public var shareOfPathsMeeting: Double
    /// `run`, `by_month` or `by_year`.
    public var period: String
    public var firstMissedMonth: Int?

    init?(json: [String: Any]) {
        guard let kpi = json["kpi"] as? String, let relation = json["relation"] as? String,
              let threshold = JSONNumber.double(json["threshold"]), let mean = JSONNumber.double(json["mean"]),
              let meets = json["mean_meets"] as? Bool, let share = JSONNumber.double(json["share_of_paths_meeting"]) else { return nil }
        self.kpi = kpi; self.relation = relation; self.threshold = threshold; self.mean = mean
        meanMeets = meets; shareOfPathsMeeting = share
        period = json["period"] as? String ?? "run"
        firstMissedMonth = JSONNumber.double(json["first_missed_month"]).map { Int($0) }
    }

    /// `>=`, `>`, `<=`, `<` (`TargetRule.Relation`).
    var symbol: String { TargetRule.Relation(rawValue: relation)?.symbol ?? relation }
    /// " every month", " every year" or "" (`TargetRule.Period`).
    var phrase: String { TargetRule.Period(rawValue: period)?.phrase ?? "" }
}
