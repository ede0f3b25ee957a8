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
        try write(results: results, info: info, scenario: scenario, targets: targets, source: source,
                  to: URL(fileURLWithPath: out))
        print(ResultsTable.text(info: info, scenario: scenario, results: results))
        for note in notes { print(note) }
        print("Output: \(out)")
        // Keep stdout's lines whole when stderr's timing line follows on a terminal.
        fflush(stdout)
    }

    /// Writes the run directory alone, with the strategy comparison and `targets` checked in
    /// `summary.json`: what `publish` writes, without printing (a sweep's points).
    static func write(results: [PathResult], info: RunInfo, scenario: Scenario, targets: [KPITarget],
                      source: ScenarioSource, to url: URL) throws {
        let report = ComparisonReport(results: results, scenario: scenario, targets: targets.map(TargetRule.init))
        try CommandFailure.catching {
            try RunDirectory.write(to: url, info: info, scenario: scenario, source: source, results: results,
                                   additions: ComparisonJSON.additions(report))
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
