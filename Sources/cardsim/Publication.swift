import CardsimEngine
import CardsimOutput
import Foundation

/// Writing a run's output directory and telling the user about it (shared by `run` and
/// `merge`, so that a merged run is written exactly as an unsharded one).
enum Publication {
    /// Writes the directory, then prints the key results and the output path on stdout.
    static func publish(results: [PathResult], info: RunInfo, scenario: Scenario, source: ScenarioSource,
                        to out: String) throws {
        let url = URL(fileURLWithPath: out)
        try CommandFailure.catching {
            try RunDirectory.write(to: url, info: info, scenario: scenario, source: source, results: results)
        }
        print(ResultsTable.text(info: info, scenario: scenario, results: results))
        print("Output: \(out)")
        // Keep stdout's lines whole when stderr's timing line follows on a terminal.
        fflush(stdout)
    }

    /// `4 paths, 96000 customer-months in 0.421 s: 228029 customer-months/s`.
    static func timingLine(paths: Int, customerMonths: Double, seconds: Double) -> String {
        let rate = seconds > 0 ? customerMonths / seconds : 0
        return "\(paths) paths, \(Int64(customerMonths)) customer-months in \(String(format: "%.3f", seconds)) s: "
            + "\(Int64(rate.rounded())) customer-months/s"
    }
}
