import ArgumentParser
import Foundation
import CardsimFit

/// `cardsim fit`: fit risk models from data.
struct FitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fit",
        abstract: "Fit risk models from data: logistic scorecards and delinquency roll rates.",
        discussion: """
            Both read a CSV file whose first line names the columns and write a YAML file a \
            scenario can use. Errors in the data name the file, line and column of the cell. \
            Exit status 2 for data that cannot be fitted, 3 when the output cannot be written.
            """,
        subcommands: [FitScorecardCommand.self, FitRollRatesCommand.self]
    )
}

extension CommandFailure {
    /// A data or fit error (exit 2) or an unwritable output (exit 3), printed as one line.
    init(_ error: FitError) {
        self.init(error.description, help: nil, exitCode: error.kind == .output ? ExitCodes.outputFailed : ExitCodes.invalidInput)
        lines = [error.description]
    }

    /// Runs `body`, turning `FitError`s into `CommandFailure`s.
    static func catchingFit<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let e as FitError {
            throw CommandFailure(e)
        }
    }
}

/// A comma-separated list of column names from the command line (spaces around names dropped).
func columnList(_ text: String?) -> [String]? {
    text.map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty } }
}
