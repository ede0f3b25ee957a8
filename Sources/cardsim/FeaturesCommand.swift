import ArgumentParser
import CardsimEngine
import CardsimFit
import Foundation

/// `cardsim features SCENARIO --out FEATURES.csv`: what a bank would fit its application
/// scorecards on — the accounts one strategy booked, their application features and whether
/// they went bad within 12 months.
struct FeaturesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "features",
        abstract: "Export a simulated book's application features and 12-month outcomes (CSV) for 'cardsim fit scorecard'.",
        discussion: """
            Runs the paths of one strategy and writes one row per account it booked in months \
            1 to M-12: the application features (log_income, age, other_cards, \
            recent_applications, social_security_months, utility_regularity, one segment_<name> \
            indicator per segment) and bad = 1 when the account reached 90+ days past due or \
            was charged off within 12 months of booking. Rows are in path order, then agent \
            order; the file is replaced atomically and is the same, byte for byte, for the same \
            scenario, seed and size. See docs/model/risk-models.md.
            """
    )

    @Argument(help: ArgumentHelp("The scenario file.", valueName: "scenario.yaml"))
    var scenario: String

    @Option(help: ArgumentHelp("CSV file to write.", valueName: "features.csv"))
    var out: String

    @Option(help: ArgumentHelp("Strategy whose book is exported (default: the champion).", valueName: "name"))
    var strategy: String?

    @OptionGroup var size: RunSizeOptions

    @Option(name: .customLong("set"), help: ArgumentHelp("Override a scenario value (repeatable).", valueName: "path=value"))
    var overrides: [String] = []

    func run() throws {
        let loaded = try CommandFailure.catching { try ScenarioInput.load(path: scenario, overrides: size.overrides(after: overrides)) }.scenario
        let names = loaded.strategies.map(\.name)
        let index = strategy.map { names.firstIndex(of: $0) } ?? 0
        guard let index else {
            throw CommandFailure("unknown strategy '\(strategy ?? "")' in \(scenario); expected one of \(names.joined(separator: ", "))",
                                 help: "Pass --strategy with a name from the scenario's strategies section.", exitCode: ExitCodes.invalidInput)
        }
        guard loaded.run.months > FeatureExport.outcomeMonths else {
            throw CommandFailure("run.months must exceed \(FeatureExport.outcomeMonths) to observe 12-month outcomes; found \(loaded.run.months)",
                                 help: "Use --months 24 or more.", exitCode: ExitCodes.invalidInput)
        }
        let export = FeatureExport.collect(loaded, strategy: index, paths: 0..<loaded.run.paths)
        var text = export.columns.joined(separator: ",") + "\n"
        for row in export.rows { text += row.map { "\($0)" }.joined(separator: ",") + "\n" }
        try CommandFailure.catchingFit { try AtomicFile.write(text, to: out) }
        let bads = export.rows.reduce(0) { $0 + ($1.last == 1 ? 1 : 0) }
        print("\(export.rows.count) accounts booked by '\(names[index])', \(bads) bad within 12 months; written to \(out)")
    }
}
