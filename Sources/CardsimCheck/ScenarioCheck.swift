import CardsimEngine
/// How a check compares a run with its baseline.
public enum CheckMode: String, Sendable, Equatable, CaseIterable {
    /// The outputs must be byte-identical.
    case exact
    /// Every KPI must be within its tolerance.
    case statistical
}

/// The check of one scenario: its run compared with its baseline, in exact or statistical mode.
///
/// The mode is exact when the run's identity (scenario hash, seed, paths, months, agents,
/// cardsim version, platform) is the baseline's, so that a correct run reproduces the recorded
/// bytes; else statistical. Either can be forced.
///
/// - exact: passes when `summary.json` and `monthly.csv` are byte-identical to the recorded
///   ones; a KPI fails when its mean or standard error changed at all.
/// - statistical: passes when every KPI of every strategy is present on both sides and within
///   its tolerance (`TolerancePolicy`).
public struct ScenarioCheck: Sendable, Equatable {
    /// The scenario file as given on the command line.
    public var scenario: String
    /// The baseline file checked against.
    public var baselineFile: String
    public var mode: CheckMode
    /// Whether `mode` was forced rather than chosen from the identities.
    public var forced: Bool
    /// How the run's identity differs from the baseline's (empty when they match).
    public var identityDifferences: [String]
    public var policy: TolerancePolicy
    /// Every strategy and KPI of both sides, with statistical tolerances.
    public var comparisons: [KPIComparison]
    /// Exact mode: the output files that differ (first difference of each).
    public var fileDifferences: [FileDifference]

    /// Compares `run` with `baseline`. `mode` nil chooses from the identities.
    public init(scenario: String, baselineFile: String, baseline: Baseline, run: RunOutput,
                policy: TolerancePolicy, mode requested: CheckMode? = nil) throws {
        self.scenario = scenario
        self.baselineFile = baselineFile
        self.policy = policy
        identityDifferences = run.identity.differences(from: baseline.identity)
        mode = requested ?? (identityDifferences.isEmpty ? .exact : .statistical)
        forced = requested != nil
        let current = try SummaryStatistics.read(run.summaryText, file: "summary.json of the run")
        comparisons = KPIComparison.compare(baseline: baseline.strategies, current: current, policy: policy)
        fileDifferences = []
        if mode == .exact {
            if let difference = FileDifference.summary(baseline: baseline.summaryText, current: run.summaryText,
                                                       strategyNames: baseline.strategies.map(\.name)) {
                fileDifferences.append(difference)
            }
            let monthly = FNV1a64.hex(of: run.monthlyText)
            if monthly != baseline.monthlyHash {
                fileDifferences.append(FileDifference(file: "monthly.csv", line: nil, baseline: nil, current: nil,
                                                      location: nil, fingerprints: (baseline.monthlyHash, monthly)))
            }
        }
    }

    /// Whether a KPI fails in this check's mode.
    public func fails(_ comparison: KPIComparison) -> Bool {
        mode == .exact ? comparison.moved : !comparison.withinTolerance
    }

    /// The KPIs that fail.
    public var failures: [KPIComparison] { comparisons.filter(fails) }

    /// The KPIs whose mean or standard error changed (or that appeared or disappeared).
    public var moved: [KPIComparison] { comparisons.filter(\.moved) }

    public var passed: Bool { failures.isEmpty && fileDifferences.isEmpty }

    /// Number of strategies compared.
    public var strategyCount: Int { Set(comparisons.map(\.strategy)).count }

    /// Number of distinct KPIs compared.
    public var kpiCount: Int { Set(comparisons.map(\.kpi)).count }
}
