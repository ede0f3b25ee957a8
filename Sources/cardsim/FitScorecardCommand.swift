import ArgumentParser
import CardsimFit
import Foundation

/// `cardsim fit scorecard DATA.csv --target COLUMN --out MODEL.yaml`: a logistic scorecard.
struct FitScorecardCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scorecard",
        abstract: "Fit a logistic scorecard by iteratively reweighted least squares.",
        discussion: """
            Prints the coefficients with standard errors, AUC, KS, Gini and a calibration \
            table by decile of predicted probability, and writes MODEL.yaml (replaced \
            atomically), the value of a scenario's bank.risk.scorecard section. By default \
            every numeric column but the target and --exclude ones is a feature. The same data \
            and options give the same file, byte for byte. See docs/fitting.md.
            """
    )

    @Argument(help: ArgumentHelp("The data (CSV with a header row).", valueName: "data.csv"))
    var data: String

    @Option(help: ArgumentHelp("The target column.", valueName: "column"))
    var target: String

    @Option(help: ArgumentHelp("The target value that marks an event; every other value is a non-event.", valueName: "value"))
    var positive = "1"

    @Option(help: ArgumentHelp("Feature columns, comma-separated (default: every numeric column but the target).", valueName: "a,b,..."))
    var features: String?

    @Option(help: ArgumentHelp("Columns to leave out, comma-separated.", valueName: "a,b,..."))
    var exclude: String?

    @Option(help: ArgumentHelp("Model file to write (YAML).", valueName: "model.yaml"))
    var out: String

    @Option(help: ArgumentHelp("Name of the scorecard (default: the data file's name without extension).", valueName: "name"))
    var name: String?

    @Option(help: ArgumentHelp("IRLS iterations allowed before the fit fails.", valueName: "n"))
    var maxIterations = 50

    func validate() throws {
        try OutputPath.check(out)
        if maxIterations < 1 { throw ValidationError("--max-iterations must be at least 1.") }
        if columnList(features)?.isEmpty == true { throw ValidationError("--features needs at least one column name.") }
    }

    func run() throws {
        let result = try CommandFailure.catchingFit { () throws -> ScorecardResult in
            let table = try CSVTable.read(path: data)
            let training = try TrainingData(table: table, target: target, positive: positive,
                                            features: columnList(features), exclude: columnList(exclude) ?? [])
            var options = FitOptions()
            options.maxIterations = maxIterations
            let title = name ?? ((data as NSString).lastPathComponent as NSString).deletingPathExtension
            return try Scorecard.fit(training, name: title, options: options)
        }
        try CommandFailure.catchingFit { try AtomicFile.write(result.yaml, to: out) }
        print(result.report, terminator: "")
        print("")
        print("model written to \(out)")
    }
}
