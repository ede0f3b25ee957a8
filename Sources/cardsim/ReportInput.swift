import ArgumentParser
import CardsimOutput
import CardsimReport
import CardsimScenario
import Foundation

/// Reading a run directory for `chart`, `report` and `notebook`, and their errors.
enum ReportInput {
    /// The run at `directory`, its scenario loaded from the stored text, overrides and model
    /// files.
    static func load(_ directory: String) throws -> RunData {
        let run = try catching {
            try RunData.load(URL(fileURLWithPath: directory)) { source, file in
                try source.loadDocument(file: file).scenario
            }
        }
        guard run.source.identityHash == run.info.scenarioHash else {
            throw CommandFailure("\(directory)'s scenario.yaml, overrides.txt or model-files.json do not match its scenario hash \(run.info.scenarioHash)",
                                 help: "Do not edit output directories; re-run the scenario.", exitCode: ExitCodes.invalidInput)
        }
        if let warning = FontCheck.cjkWarning(for: [run.info.scenarioName] + run.strategyNames) {
            StandardError.write("Warning: \(warning)\n")
        }
        return run
    }

    /// gnuplot, or the failure that says how to install it.
    static func gnuplot() throws -> Gnuplot {
        try catching { try Gnuplot.locate() }
    }

    /// Runs `body`, turning report, scenario and output errors into `CommandFailure`s.
    static func catching<T>(_ body: () throws -> T) throws -> T {
        do {
            return try CommandFailure.catching(body)
        } catch let e as ReportError {
            let code: ExitCode
            switch e.kind {
            case .missingTool, .toolFailed: code = ExitCodes.toolUnavailable
            case .input: code = ExitCodes.invalidInput
            case .write: code = ExitCodes.outputFailed
            }
            throw CommandFailure(e.message, help: e.help, exitCode: code)
        }
    }
}
