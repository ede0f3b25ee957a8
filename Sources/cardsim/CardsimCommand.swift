import ArgumentParser
import CardsimOutput

/// `cardsim`: the root command.
struct CardsimCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cardsim",
        abstract: "Simulate a regional bank's credit card portfolio and test strategies on it.",
        discussion: """
            Runs agent-based Monte Carlo simulations of a card portfolio described by a YAML \
            scenario, with every strategy on the same random draws, and writes the results as \
            plain files (summary.json, monthly.csv, paths.csv, ledger.csv).

            \(ExitCodes.helpText)
            """,
        version: CardsimVersion.current,
        subcommands: [
            RunCommand.self,
            CalibrateCommand.self,
            MergeCommand.self,
            ValidateCommand.self,
            SchemaCommand.self,
            BenchCommand.self,
            // Further commands register below, one line each.
            ChartCommand.self,
            ReportCommand.self,
            NotebookCommand.self,
            PlanTestCommand.self,
            ExportCommand.self,
            SweepCommand.self,
            FitCommand.self,
            FeaturesCommand.self,
            CompareCommand.self,
            BaselineCommand.self,
            CheckCommand.self,
            SlurmCommand.self,
        ]
    )
}
