import ArgumentParser
import CardsimAnalysis
import CardsimEngine
import CardsimOutput
import CardsimReport
import Foundation

extension CampaignKind: ExpressibleByArgument {
    public init?(argument: String) {
        guard let kind = CampaignKind.allCases.first(where: { $0.name == argument }) else { return nil }
        self = kind
    }
}

/// `cardsim plan-test SCENARIO --campaign NAME --kpi KPI`: the holdout share and test length
/// a campaign test needs, by simulation (`HoldoutSizing`).
struct PlanTestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan-test",
        abstract: "Size a campaign's holdout test by simulation: power by holdout share and test length.",
        discussion: """
            Runs the strategy with the campaign (the first strategy running it, or --strategy) \
            once per holdout share, each path a test the bank could run, beside the same \
            strategy without the campaign on the same draws; for each test length it gives the \
            share of tests whose treated-minus-holdout estimate of KPI is significant at \
            --alpha (two-sided), with its binomial standard error, and the smallest holdout \
            share and shortest length reaching --power. The test's sampling noise is scaled \
            from the agents to the customers they stand for (each agent is agent_weight \
            customers sampled on their own). With --out, writes plan-test.csv and the power \
            curve (power.svg, drawn by gnuplot). Guide: docs/model/strategy-levers.md.
            """
    )

    @Argument(help: "The scenario file (YAML).")
    var scenario: String

    @Option(help: ArgumentHelp("The campaign: reactivation, first_swipe or precision.", valueName: "name"))
    var campaign: CampaignKind

    @Option(help: ArgumentHelp("The strategy whose campaign is tested (default: the first that runs it).", valueName: "name"))
    var strategy: String?

    @Option(help: ArgumentHelp("The KPI the test measures: \(CampaignTally.kpis.map(\.id).joined(separator: ", ")).", valueName: "kpi"))
    var kpi: String = "spend"

    @Option(help: ArgumentHelp("Power wanted, e.g. 0.8.", valueName: "p"))
    var power: Double = 0.8

    @Option(help: ArgumentHelp("Significance level of the two-sided test.", valueName: "a"))
    var alpha: Double = 0.05

    @Option(help: ArgumentHelp("Holdout shares tried, comma-separated, each in (0, 0.5].", valueName: "list"))
    var holdouts: String = "0.02,0.05,0.1,0.2,0.3,0.5"

    @Option(name: .customLong("test-months"), help: ArgumentHelp("Test lengths tried, in months, comma-separated.", valueName: "list"))
    var testMonths: String = "3,6,12"

    @Option(help: ArgumentHelp("Directory for plan-test.csv and power.svg (replaced if it holds a previous cardsim output).", valueName: "dir"))
    var out: String?

    @OptionGroup var size: RunSizeOptions

    @Option(name: .customLong("set"), help: ArgumentHelp("Override a scenario value, e.g. --set run.agents=50000 (repeatable).", valueName: "path=value"))
    var overrides: [String] = []

    func validate() throws {
        if let out { try OutputPath.check(out) }
        guard power > 0 && power < 1 else { throw ValidationError("--power must be between 0 and 1, found \(power).") }
        guard alpha > 0 && alpha < 1 else { throw ValidationError("--alpha must be between 0 and 1, found \(alpha).") }
        guard let h = Self.numbers(holdouts), !h.isEmpty, h.allSatisfy({ $0 > 0 && $0 <= 0.5 }) else {
            throw ValidationError("--holdouts must be comma-separated shares in (0, 0.5], found '\(holdouts)'.")
        }
        guard let m = Self.numbers(testMonths), !m.isEmpty, m.allSatisfy({ $0 >= 1 && $0 == $0.rounded() && $0 <= 600 }) else {
            throw ValidationError("--test-months must be comma-separated whole months from 1 to 600, found '\(testMonths)'.")
        }
        guard CampaignTally.kpis.contains(where: { $0.id == kpi }) else {
            throw ValidationError("--kpi must be one of \(CampaignTally.kpis.map(\.id).joined(separator: ", ")), found '\(kpi)'.")
        }
    }

    static func numbers(_ text: String) -> [Double]? {
        let parts = text.split(separator: ",").map { Double($0.trimmingCharacters(in: .whitespaces)) }
        return parts.contains(nil) ? nil : parts.map { $0! }
    }

    func run() throws {
        let lengths = Self.numbers(testMonths)!.map { Int($0) }
        let loaded = try CommandFailure.catching {
            try ScenarioInput.load(path: scenario, overrides: size.overrides(after: overrides),
                                   threads: size.workerThreads, maxMemory: size.maxMemory)
        }
        let model = loaded.scenario
        let index: Int
        if let strategy {
            guard let s = model.strategies.firstIndex(where: { $0.name == strategy }) else {
                throw CommandFailure("no strategy '\(strategy)' in \(scenario)", help: "Strategies: \(model.strategies.map(\.name).joined(separator: ", ")).",
                                     exitCode: ExitCodes.invalidInput)
            }
            index = s
        } else {
            guard let s = model.strategies.firstIndex(where: { $0.campaigns.isActive(campaign, months: lengths.max()!) }) else {
                throw CommandFailure("no strategy of \(scenario) runs a \(campaign.name) campaign within \(lengths.max()!) months",
                                     help: "Give the campaign a reach, uplift or target share in a strategy's bank.campaigns.\(campaign.name), or pick another --campaign.",
                                     exitCode: ExitCodes.invalidInput)
            }
            index = s
        }
        let clock = Stopwatch()
        let sizing: HoldoutSizing
        do {
            sizing = try HoldoutSizing.run(model, strategy: index, campaign: campaign, kpi: kpi, holdouts: Self.numbers(holdouts)!,
                                           months: lengths, alpha: alpha, power: power, threads: size.workerThreads)
        } catch let e as SizingError {
            throw CommandFailure(e.description, help: "Check --campaign, --strategy and --kpi against the scenario.", exitCode: ExitCodes.invalidInput)
        }
        print(Self.text(sizing, strategy: model.strategies[index].name, agentWeight: model.agentWeight))
        if let out {
            let chart = PowerChart.make(campaign: campaign.name, kpi: kpi, alpha: alpha, target: power, paths: sizing.paths,
                                        points: sizing.designs.map { .init(holdout: $0.holdout, months: $0.months, power: $0.power, standardError: $0.powerStandardError) })
            let gnuplot = try ReportInput.gnuplot()
            let svg = try ReportInput.catching { try gnuplot.render(chart.script(.svg), name: chart.name) }
            AtomicDirectory.nextWriteIsFinal()
            try CommandFailure.catching {
                try AtomicDirectory.write(to: URL(fileURLWithPath: out).standardizedFileURL) { dir in
                    try Self.csv(sizing).write(to: dir.appendingPathComponent("plan-test.csv"), atomically: false, encoding: .utf8)
                    try svg.write(to: dir.appendingPathComponent("power.svg"))
                }
            }
            print("Output: \(out)")
        }
        StandardError.write("\(sizing.designs.count) designs, \(sizing.paths) simulated tests each, in \(String(format: "%.1f", clock.seconds)) s\n")
    }

    static func text(_ s: HoldoutSizing, strategy: String, agentWeight: Double) -> String {
        var out = "Holdout test of \(strategy)'s \(s.kind.name) campaign on \(s.kpi) (\(s.unit)): two-sided at \(s.alpha), \(s.paths) simulated tests per design, noise scaled to customers (agent weight \(String(format: "%.4g", agentWeight)))\n"
        func pad(_ s: String, _ n: Int) -> String { String(repeating: " ", count: max(0, n - s.count)) + s }
        out += "holdout   months           power   true effect   critical value   holdout agents\n"
        for d in s.designs {
            let power = String(format: "%.1f%% ± %.1f", d.power * 100, d.powerStandardError * 100)
            out += pad(String(format: "%g%%", d.holdout * 100), 7) + "   " + pad(String(d.months), 6) + "   " + pad(power, 13)
                + "   " + pad(QuantityText.compact(d.meanEffect), 11) + "   " + pad(d.criticalValue.isFinite ? QuantityText.compact(d.criticalValue) : "n/a", 14)
                + "   " + pad(String(format: "%.1f", d.holdoutAgents), 14) + "\n"
        }
        if s.designs.contains(where: { $0.holdoutAgents < 30 }) {
            out += "warning: some designs hold fewer than 30 agents in the holdout per test, too few for the scaling to customers; raise --agents\n"
        }
        if let r = s.recommended {
            out += "Smallest holdout reaching \(Int((s.targetPower * 100).rounded()))% power: \(String(format: "%g", r.holdout * 100))% of the selected customers over \(r.months) months (power \(String(format: "%.1f", r.power * 100))% ± \(String(format: "%.1f", r.powerStandardError * 100)))"
        } else {
            out += "No design tried reaches \(Int((s.targetPower * 100).rounded()))% power: try larger --holdouts or longer --test-months."
        }
        return out
    }

    static func csv(_ s: HoldoutSizing) -> String {
        var out = "campaign,kpi,holdout,months,power,power_standard_error,mean_true_effect,critical_value,paths,alpha\n"
        for d in s.designs {
            out += "\(s.kind.name),\(s.kpi),\(d.holdout),\(d.months),\(d.power),\(d.powerStandardError),\(d.meanEffect),\(d.criticalValue),\(s.paths),\(s.alpha)\n"
        }
        return out
    }
}
