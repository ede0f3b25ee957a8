import ArgumentParser
import CardsimAnalysis
import CardsimEngine
import CardsimOutput
import CardsimScenario
import Foundation

/// `cardsim compare DIR`: the strategy comparison of a run's output directory.
struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Compare the strategies of a run: paired differences, intervals, profit attribution, targets, risk.",
        discussion: """
            Reads DIR (written by 'cardsim run' or 'cardsim merge') and prints, for each \
            challenger against the champion, every KPI's paired difference over the run's paths \
            with its 95% confidence interval, the probability that the challenger is better and \
            the variance reduction that pairing gave; where the NPV and net-income differences \
            come from, line by line of the P&L; the scenario's KPI targets for every strategy; \
            and the NPV's 5% quantile and expected shortfall. summary.json holds the same \
            numbers. Definitions: docs/comparison.md.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case table, markdown, csv, json
    }

    @Argument(help: ArgumentHelp("A run's output directory.", valueName: "dir"))
    var directory: String

    @Option(help: ArgumentHelp("Output format: table (terminal), markdown, csv or json.", valueName: "format"))
    var format: Format = .table

    @Option(help: ArgumentHelp("KPI the strategies are ranked by, with the probability each is the best (default: npv).", valueName: "kpi"))
    var objective: String = "npv"

    @Option(name: .customLong("kpi"), help: ArgumentHelp("Show only these KPIs in the difference tables: ids of paths.csv, comma-separated or repeated.", valueName: "kpi"))
    var kpiFilter: [String] = []

    @Flag(name: .customLong("all-kpis"), help: "Also show the KPIs that are zero for every strategy (hidden by default).")
    var allKPIs = false

    @Option(help: ArgumentHelp("Compare every other strategy against this one instead of the champion (e.g. two challengers).", valueName: "name"))
    var against: String?

    @Option(name: .customLong("by"), help: ArgumentHelp("Instead of the whole book, compare each market segment or acquisition channel: segment or channel (from segments.csv, channels.csv).", valueName: "grouping"))
    var grouping: BreakdownTables.Grouping?

    func run() throws {
        let url = URL(fileURLWithPath: directory)
        let stored = try CommandFailure.catching { try RunDirectory.read(url) }
        guard stored.source.identityHash == stored.info.scenarioHash else {
            throw CommandFailure("\(directory)'s scenario.yaml, overrides.txt or model-files.json do not match its scenario hash \(stored.info.scenarioHash)",
                                 help: "Do not edit output directories; re-run the scenario.", exitCode: ExitCodes.invalidInput)
        }
        let scenarioFile = url.appendingPathComponent(RunDirectory.scenarioFileName).path
        let document = try CommandFailure.catching {
            try stored.source.loadDocument(file: scenarioFile)
        }
        let ledgerFile = url.appendingPathComponent(LedgerTable.fileName).path
        var results = try CommandFailure.catching {
            try stored.results(of: document.scenario)
        }
        guard results.map(\.path) == Array(stored.info.pathRange),
              results.allSatisfy({ $0.months.allSatisfy { $0.count == stored.info.months } }) else {
            throw CommandFailure("\(ledgerFile) does not hold the paths and months its summary.json announces",
                                 help: "Re-run the scenario that wrote \(directory).", exitCode: ExitCodes.invalidInput)
        }
        let kpis = kpiFilter.flatMap { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } }
        for id in kpis + [objective] where KPI.named(id) == nil {
            throw CommandFailure("unknown KPI '\(id)'", help: "KPI ids are the columns of paths.csv (docs/model/accounting-and-kpis.md).",
                                 exitCode: ExitCodes.usage)
        }
        var scenario = document.scenario
        if let against {
            guard let reference = scenario.strategies.firstIndex(where: { $0.name == against }) else {
                throw CommandFailure("no strategy '\(against)' in \(directory)", help: "Strategies: \(scenario.strategies.map(\.name).joined(separator: ", ")).",
                                     exitCode: ExitCodes.usage)
            }
            let order = [reference] + scenario.strategies.indices.filter { $0 != reference }
            scenario.strategies = order.map { scenario.strategies[$0] }
            results = results.map { Self.reordered($0, order) }
        }
        let report = ComparisonReport(results: results, scenario: scenario,
                                      targets: document.targets.map(TargetRule.init))
        let view = ComparisonText.View(kpis: kpis.isEmpty ? nil : Set(kpis), hideZero: !allKPIs,
                                       ranking: Ranking(results: results, scenario: scenario, objective: objective))
        let extra = [ComparisonText.discrimination(scenario.strategies.map(\.name),
                                                   DiscriminationSummary.strategies(results))].compactMap { $0 }
            + ComparisonText.campaigns(scenario.strategies.map(\.name), results,
                                       agentWeight: scenario.agentWeight)
        if let grouping {
            guard grouping == .segment ? results.allSatisfy({ !$0.segments.isEmpty }) : results.allSatisfy({ !$0.channels.isEmpty }) else {
                throw CommandFailure("\(directory) has no \(grouping == .segment ? SegmentsFile.fileName : ChannelsFile.fileName)",
                                     help: "Re-run the scenario with this version of cardsim to get the breakdown.", exitCode: ExitCodes.invalidInput)
            }
            let tables = BreakdownTables.tables(grouping, results: results, scenario: scenario)
            switch format {
            case .table: print(ComparisonText.terminal(stored.info, report, extra: tables, standard: false), terminator: "")
            case .markdown: print(ComparisonText.markdown(stored.info, report, extra: tables, standard: false), terminator: "")
            case .csv:
                throw CommandFailure("--by \(grouping.rawValue) has no csv format", help: "Use --format table, markdown or json; the per-path rows are in \(grouping == .segment ? SegmentsFile.fileName : ChannelsFile.fileName).",
                                     exitCode: ExitCodes.usage)
            case .json: print(BreakdownTables.json(grouping, results: results, scenario: scenario).document, terminator: "")
            }
            return
        }
        let text: String
        switch format {
        case .table: text = ComparisonText.terminal(stored.info, report, extra: extra, view: view)
        case .markdown: text = ComparisonText.markdown(stored.info, report, extra: extra, view: view)
        case .csv: text = ComparisonText.csv(report)
        case .json:
            let campaigns = scenario.strategies.indices.map {
                CampaignSummary.json(results, scenario: scenario, strategy: $0)
            }
            text = ComparisonJSON.document(report, info: stored.info, campaigns: campaigns)
        }
        print(text, terminator: "")
    }

    /// `r` with its per-strategy results in `order` (indices of the old order).
    static func reordered(_ r: PathResult, _ order: [Int]) -> PathResult {
        func pick<T>(_ a: [T]) -> [T] { a.count == order.count ? order.map { a[$0] } : a }
        return PathResult(path: r.path, months: pick(r.months), discrimination: pick(r.discrimination), vintages: pick(r.vintages),
                          campaigns: pick(r.campaigns), segments: pick(r.segments), channels: pick(r.channels))
    }
}
