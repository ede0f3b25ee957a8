import ArgumentParser
import CardsimEngine
import CardsimFit
import Foundation

/// `cardsim features SCENARIO --out FEATURES.csv`: what a bank would fit its application
/// scorecards on — the accounts one strategy booked, their application features and whether
/// they went bad within 12 months; with `--behaviour`, what it would fit a behaviour scorecard
/// on — the accounts open at an observation month, every feature then, and whether they went
/// bad in the next 12 months.
struct FeaturesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "features",
        abstract: "Export a simulated book's features and 12-month outcomes (CSV) for 'cardsim fit scorecard'.",
        discussion: """
            Runs the paths of one strategy and writes one row per account it booked in months \
            1 to M-12: the application features (log_income, age, other_cards, \
            recent_applications, social_security_months, utility_regularity, one segment_<name> \
            indicator per segment) and bad = 1 when the account reached 90+ days past due or \
            was charged off within 12 months of booking. With --behaviour: one row per account \
            open and never 90+ days past due at the end of month --at, with every feature as it \
            stood then (the application features plus utilization, months_on_book, \
            recent_delinquency, payment_ratio) and bad = 1 when it first reached 90+ days past \
            due in the next 12 months. Rows are in path order, then agent \
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

    @Flag(help: "Export behaviour-scorecard data (open accounts at month --at) instead of application data.")
    var behaviour = false

    @Option(help: ArgumentHelp("With --behaviour: the observation month, 1 to months - 12 (default 12).", valueName: "month"))
    var at: Int?

    @OptionGroup var size: RunSizeOptions

    @Option(name: .customLong("set"), help: ArgumentHelp("Override a scenario value (repeatable).", valueName: "path=value"))
    var overrides: [String] = []

    func validate() throws {
        try OutputPath.check(out)
    }

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
        if at != nil && !behaviour {
            throw CommandFailure("--at is the observation month of --behaviour data; found it without --behaviour",
                                 help: "Add --behaviour, or leave out --at.", exitCode: ExitCodes.invalidInput)
        }
        let month = at ?? 12
        if behaviour && !(1...(loaded.run.months - FeatureExport.outcomeMonths)).contains(month) {
            throw CommandFailure("--at must lie in 1...\(loaded.run.months - FeatureExport.outcomeMonths) so that 12 months of outcome follow it within the run's \(loaded.run.months) months; found \(month)",
                                 help: "Pass a smaller --at, or more --months.", exitCode: ExitCodes.invalidInput)
        }
        let export = behaviour
            ? FeatureExport.collectBehaviour(loaded, strategy: index, paths: 0..<loaded.run.paths, month: month)
            : FeatureExport.collect(loaded, strategy: index, paths: 0..<loaded.run.paths)
        var text = export.columns.joined(separator: ",") + "\n"
        for row in export.rows { text += row.map { "\($0)" }.joined(separator: ",") + "\n" }
        try CommandFailure.catchingFit { try AtomicFile.write(text, to: out) }
        let bads = export.rows.reduce(0) { $0 + ($1.last == 1 ? 1 : 0) }
        let what = behaviour ? "accounts of '\(names[index])' open at month \(month)" : "accounts booked by '\(names[index])'"
        print("\(export.rows.count) \(what), \(bads) bad within 12 months; written to \(out)")
    }
}
