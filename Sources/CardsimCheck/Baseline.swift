import CardsimEngine
import Foundation

/// The outputs of one run that a regression check compares against: the `summary.json` and
/// `monthly.csv` texts, and the run's identity.
public struct RunOutput: Sendable, Equatable {
    public var identity: RunIdentity
    public var summaryText: String
    public var monthlyText: String

    public init(identity: RunIdentity, summaryText: String, monthlyText: String) {
        self.identity = identity; self.summaryText = summaryText; self.monthlyText = monthlyText
    }
}

/// A stored baseline of one scenario: the identity of the run that recorded it, every KPI's
/// mean and standard error for every strategy, and the exact `summary.json` (kept in a file
/// beside the baseline) with fingerprints of it and of `monthly.csv`.
///
/// Stored as `<stem>.json`, keys sorted, so that the same run always writes the same bytes:
///
///     {
///       "exact": {"monthly_fnv1a64": "…", "summary_file": "baseline.summary.json",
///                 "summary_fnv1a64": "…"},
///       "format": "cardsim-baseline-1",
///       "identity": {"agents": 5000, "cardsim_version": "0.1.0", "months": 24,
///                    "overrides": ["run.paths=6", …], "paths": 6, "platform": "linux-x86_64",
///                    "scenario_file": "baseline.yaml", "scenario_hash": "…",
///                    "scenario_name": "…", "seed": 20241231},
///       "strategies": [{"kpis": {"active_rate": {"mean": …, "standard_error": …,
///                                "unit": "fraction"}, …}, "name": "current plan"}]
///     }
public struct Baseline: Sendable, Equatable {
    /// The `format` tag of the file; a file with another tag is refused.
    public static let format = "cardsim-baseline-1"

    public var identity: RunIdentity
    public var strategies: [StrategyStatistics]
    /// The `summary.json` of the recorded run, byte for byte.
    public var summaryText: String
    /// FNV-1a 64 of `summaryText`'s bytes.
    public var summaryHash: String
    /// FNV-1a 64 of the recorded run's `monthly.csv`.
    public var monthlyHash: String

    /// The baseline of a run.
    public init(run: RunOutput) throws {
        identity = run.identity
        strategies = try SummaryStatistics.read(run.summaryText, file: "summary.json")
        summaryText = run.summaryText
        summaryHash = FNV1a64.hex(of: run.summaryText)
        monthlyHash = FNV1a64.hex(of: run.monthlyText)
    }

    init(identity: RunIdentity, strategies: [StrategyStatistics], summaryText: String, summaryHash: String,
         monthlyHash: String) {
        self.identity = identity; self.strategies = strategies; self.summaryText = summaryText
        self.summaryHash = summaryHash; self.monthlyHash = monthlyHash
    }

    /// The baseline file's text; `summaryFile` names the file that holds `summaryText`.
    public func jsonText(summaryFile: String) -> String {
        let id = identity
        let identityJSON: [String: CheckJSON] = [
            "scenario_name": .string(id.scenarioName), "scenario_file": .string(id.scenarioFile),
            "scenario_hash": .string(id.scenarioHash), "seed": .unsigned(id.seed),
            "paths": .integer(Int64(id.paths)), "months": .integer(Int64(id.months)),
            "agents": .integer(Int64(id.agents)), "cardsim_version": .string(id.version),
            "platform": .string(id.platform), "overrides": .array(id.overrides.map(CheckJSON.string)),
        ]
        let strategiesJSON = strategies.map { strategy -> CheckJSON in
            var kpis: [String: CheckJSON] = [:]
            for (kpi, s) in strategy.kpis {
                kpis[kpi] = .object(["mean": .double(s.mean), "standard_error": .double(s.standardError), "unit": .string(s.unit)])
            }
            return .object(["name": .string(strategy.name), "kpis": .object(kpis)])
        }
        return CheckJSON.object([
            "format": .string(Self.format),
            "identity": .object(identityJSON),
            "strategies": .array(strategiesJSON),
            "exact": .object(["summary_file": .string(summaryFile), "summary_fnv1a64": .string(summaryHash),
                              "monthly_fnv1a64": .string(monthlyHash)]),
        ]).document
    }
}

/// The baseline file as stored.
struct BaselineDocument: Decodable {
    struct Identity: Decodable {
        var scenario_name: String
        var scenario_file: String
        var scenario_hash: String
        var seed: UInt64
        var paths: Int
        var months: Int
        var agents: Int
        var cardsim_version: String
        var platform: String
        var overrides: [String]
    }
    struct Statistic: Decodable {
        var mean: Double?
        var standard_error: Double?
        var unit: String
    }
    struct Strategy: Decodable {
        var name: String
        var kpis: [String: Statistic]
    }
    struct Exact: Decodable {
        var summary_file: String
        var summary_fnv1a64: String
        var monthly_fnv1a64: String
    }
    var format: String
    var identity: Identity
    var strategies: [Strategy]
    var exact: Exact

    var runIdentity: RunIdentity {
        let i = identity
        return RunIdentity(scenarioName: i.scenario_name, scenarioFile: i.scenario_file, scenarioHash: i.scenario_hash,
                           seed: i.seed, paths: i.paths, months: i.months, agents: i.agents,
                           version: i.cardsim_version, platform: i.platform, overrides: i.overrides)
    }

    var strategyStatistics: [StrategyStatistics] {
        strategies.map { s in
            StrategyStatistics(name: s.name, kpis: s.kpis.mapValues {
                KPIStatistic(mean: $0.mean ?? .nan, standardError: $0.standard_error ?? .nan, unit: $0.unit)
            })
        }
    }
}

enum BaselineDecoding {
    /// A decoding error in words: "missing key 'identity.seed'", "not valid JSON".
    static func describe(_ error: Error) -> String {
        func path(_ codingPath: [CodingKey], _ last: CodingKey? = nil) -> String {
            (codingPath + (last.map { [$0] } ?? [])).map { key in
                key.intValue.map { "[\($0)]" } ?? key.stringValue
            }.joined(separator: ".").replacingOccurrences(of: ".[", with: "[")
        }
        switch error {
        case DecodingError.keyNotFound(let key, let context): return "missing key '\(path(context.codingPath, key))'"
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            return "wrong type at '\(path(context.codingPath))'"
        case DecodingError.dataCorrupted(let context):
            return context.codingPath.isEmpty ? "not valid JSON" : "invalid value at '\(path(context.codingPath))'"
        default: return "\(error)"
        }
    }
}
