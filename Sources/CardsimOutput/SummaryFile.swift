import CardsimEngine
import Foundation

/// `summary.json`: the run's header and, for each strategy, every KPI's mean, Monte Carlo
/// standard error and 5th/50th/95th percentiles over paths.
///
///     {
///       "agent_weight": 250.0, "agents": 2000, "cardsim_version": "0.1.0", "months": 12,
///       "paths": 4, "scenario": {"hash": "…", "name": "baseline"}, "seed": 20241231,
///       "shard": {"count": 3, "index": 1, "paths": [0, 1]},        (shard outputs only)
///       "strategies": [{"kpis": {"active_rate": {"mean": …, "p5": …, "p50": …, "p95": …,
///                                "standard_error": …, "unit": "fraction"}, …},
///                       "name": "champion"}, …]
///     }
///
/// Each strategy also has `approval_score`: the AUC and KS of its approval score over the
/// accounts it booked, summarised over paths (`DiscriminationSummary`), and, when the market
/// has competitors, `competitors`: each one's applications, new accounts and the bank's holders
/// it won, over the run (`CompetitorSummary`).
///
/// Other modules add members beside these (`SummaryAdditions`): the strategy comparison adds
/// `intervals` at the top level and `comparison`, `kpi_intervals`, `risk` and `targets` to each
/// strategy (see docs/comparison.md).
///
/// With one path there is no standard error: `standard_error` is null (not 0).
///
/// Keys are sorted, so the text is the same on every run with the same results.
public enum SummaryFile {
    public static let fileName = "summary.json"

    /// The text of `summary.json` for results sorted by path index, with `additions` (the
    /// strategy comparison) beside the KPI statistics.
    public static func text(info: RunInfo, scenario: Scenario, results: [PathResult],
                            additions: SummaryAdditions = SummaryAdditions()) -> String {
        let values = Evaluation.pathValues(results, scenario: scenario)
        let summaries = values.map { perKPI in perKPI.map { Summary($0) } }
        var additions = additions
        while additions.strategies.count < scenario.strategies.count { additions.strategies.append([:]) }
        for (s, d) in DiscriminationSummary.strategies(results).enumerated() {
            additions.strategies[s]["approval_score"] = d.json
        }
        for s in scenario.strategies.indices {
            additions.strategies[s]["competitors"] = CompetitorSummary.json(results, scenario: scenario, strategy: s)
            additions.strategies[s]["campaigns"] = CampaignSummary.json(results, scenario: scenario, strategy: s)
        }
        return text(info: info, strategyNames: scenario.strategies.map(\.name), summaries: summaries,
                    additions: additions)
    }

    /// The text of `summary.json` from KPI summaries: `summaries[s][k]` is KPI k (in `KPI.all`
    /// order) of strategy s.
    public static func text(info: RunInfo, strategyNames: [String], summaries: [[Summary]],
                            additions: SummaryAdditions = SummaryAdditions()) -> String {
        var root: [String: JSONText] = [
            "cardsim_version": .string(info.version),
            "scenario": .object(["name": .string(info.scenarioName), "hash": .string(info.scenarioHash)]),
            "seed": .unsigned(info.seed),
            "paths": .integer(Int64(info.paths)),
            "months": .integer(Int64(info.months)),
            "agents": .integer(Int64(info.agents)),
            "agent_weight": .double(info.agentWeight),
        ]
        if let shard = info.shard {
            root["shard"] = .object([
                "index": .integer(Int64(shard.index)),
                "count": .integer(Int64(shard.count)),
                "paths": .array([.integer(Int64(shard.paths.lowerBound)), .integer(Int64(shard.paths.upperBound))]),
            ])
        }
        for (key, value) in additions.root where root[key] == nil { root[key] = value }
        let onePath = info.pathRange.count < 2
        root["strategies"] = .array(zip(strategyNames, summaries).enumerated().map { s, pair in
            let (name, perKPI) = pair
            var kpis: [String: JSONText] = [:]
            for (kpi, s) in zip(KPI.all, perKPI) {
                kpis[kpi.id] = .object([
                    "mean": .double(s.mean), "standard_error": onePath ? .null : .double(s.standardError),
                    "p5": .double(s.p5), "p50": .double(s.p50), "p95": .double(s.p95),
                    "unit": .string(kpi.unit),
                ])
            }
            var members: [String: JSONText] = ["name": .string(name), "kpis": .object(kpis)]
            if s < additions.strategies.count {
                for (key, value) in additions.strategies[s] where members[key] == nil { members[key] = value }
            }
            return .object(members)
        })
        return JSONText.object(root).document
    }

    /// Reads the header (everything but the strategies) of a `summary.json`.
    public static func readInfo(_ data: Data, file: String) throws -> RunInfo {
        let header: Header
        do {
            header = try JSONDecoder().decode(Header.self, from: data)
        } catch {
            throw OutputError(.read, "\(file) is not a cardsim summary: \(describe(error))",
                              help: "Pass directories written by 'cardsim run'.")
        }
        var shard: ShardInfo?
        if let s = header.shard {
            guard s.paths.count == 2, s.paths[0] <= s.paths[1], s.index >= 1, s.index <= s.count else {
                throw OutputError(.read, "\(file) has an invalid shard entry",
                                  help: "Pass directories written by 'cardsim run --shard'.")
            }
            shard = ShardInfo(index: s.index, count: s.count, paths: s.paths[0]..<s.paths[1])
        }
        return RunInfo(version: header.cardsim_version, scenarioName: header.scenario.name,
                       scenarioHash: header.scenario.hash, seed: header.seed, paths: header.paths,
                       months: header.months, agents: header.agents,
                       agentWeight: header.agent_weight, shard: shard)
    }

    private static func describe(_ error: Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, _): "missing key '\(key.stringValue)'"
        case DecodingError.typeMismatch(_, let c), DecodingError.valueNotFound(_, let c):
            "wrong type at '\(c.codingPath.map(\.stringValue).joined(separator: "."))'"
        case DecodingError.dataCorrupted: "not valid JSON"
        default: "\(error)"
        }
    }

    // The header as stored (snake-case keys as in the file).
    private struct Header: Decodable {
        struct Scenario: Decodable { var name: String; var hash: String }
        struct Shard: Decodable { var index: Int; var count: Int; var paths: [Int] }
        var cardsim_version: String
        var scenario: Scenario
        var seed: UInt64
        var paths: Int
        var months: Int
        var agents: Int
        var agent_weight: Double
        var shard: Shard?
    }
}

/// Members added to `summary.json` by other modules: at the top level and in each strategy's
/// object (`strategies[s]` goes to strategy s). They never replace a member `SummaryFile`
/// writes itself.
public struct SummaryAdditions: Sendable, Equatable {
    public var root: [String: JSONText]
    public var strategies: [[String: JSONText]]

    public init(root: [String: JSONText] = [:], strategies: [[String: JSONText]] = []) {
        self.root = root; self.strategies = strategies
    }
}
