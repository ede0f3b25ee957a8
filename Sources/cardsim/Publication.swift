import CardsimAnalysis
import CardsimEngine
import CardsimOutput
import CardsimScenario
import Foundation

/// Writing a run's output directory and telling the user about it (shared by `run` and
/// `merge`, so that a merged run is written exactly as an unsharded one).
enum Publication {
    /// Writes the directory, with the strategy comparison and `targets` checked in
    /// `summary.json`, then prints the key results, `notes` and the output path on stdout.
    static func publish(results: [PathResult], info: RunInfo, scenario: Scenario, targets: [KPITarget],
                        source: ScenarioSource, notes: [String] = [], to out: String) throws {
        AtomicDirectory.nextWriteIsFinal()
        let report = try write(results: results, info: info, scenario: scenario, targets: targets, source: source,
                               to: URL(fileURLWithPath: out))
        print(ResultsTable.text(info: info, scenario: scenario, results: results))
        for line in missedTargets(report) { print(line) }
        for note in notes { print(note) }
        print("Output: \(out)")
        // Keep stdout's lines whole when stderr's timing line follows on a terminal.
        fflush(stdout)
    }

    /// Writes the run directory alone, with the strategy comparison and `targets` checked in
    /// `summary.json`: what `publish` writes, without printing (a sweep's points).
    @discardableResult
    static func write(results: [PathResult], info: RunInfo, scenario: Scenario, targets: [KPITarget],
                      source: ScenarioSource, to url: URL) throws -> ComparisonReport {
        let report = ComparisonReport(results: results, scenario: scenario, targets: targets.map(TargetRule.init))
        try CommandFailure.catching {
            try RunDirectory.write(to: url, info: info, scenario: scenario, source: source, results: results,
                                   additions: ComparisonJSON.additions(report))
        }
        return report
    }

    /// One line per strategy that misses some of the scenario's KPI targets (by its mean over
    /// paths): `Targets missed by current plan: active_rate >= 0.7 (0.588), ...`.
    static func missedTargets(_ report: ComparisonReport) -> [String] {
        report.strategies.compactMap { s in
            let missed = s.targets.filter { !$0.meanMeets }
            guard !missed.isEmpty else { return nil }
            let items = missed.map { t -> String in
                let when = t.rule.period.phrase
                let first = t.firstMissedMonth.map { ", first in month \($0)" } ?? ""
                return "\(t.rule.kpi) \(t.rule.relation.symbol) \(String(format: "%.4g", t.rule.threshold))\(when) (\(String(format: "%.4g", t.mean))\(first))"
            }
            return "Targets missed by \(TerminalText.safe(s.name)) (\(missed.count) of \(s.targets.count)): " + items.joined(separator: ", ")
        }
    }

    /// `4 paths, 96000 customer-months in 0.421 s: 228029 customer-months/s`.
    static func timingLine(paths: Int, customerMonths: Double, seconds: Double) -> String {
        let rate = seconds > 0 ? customerMonths / seconds : 0
        return "\(paths) paths, \(Int64(customerMonths)) customer-months in \(String(format: "%.3f", seconds)) s: "
            + "\(Int64(rate.rounded())) customer-months/s"
    }
}

extension TargetRule {
    /// The analysis form of a scenario file's target.
    init(_ target: KPITarget) {
        self.init(kpi: target.kpi, relation: Relation(rawValue: target.relation.rawValue)!, threshold: target.threshold,
                  period: Period(rawValue: target.period.rawValue)!)
    }
}
