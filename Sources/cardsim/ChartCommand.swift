import ArgumentParser
import CardsimReport
import Foundation

extension ChartFormat: ExpressibleByArgument {}

/// `cardsim chart DIR --out CHARTDIR`: draw a run's charts with gnuplot.
struct ChartCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chart",
        abstract: "Draw a run's charts with gnuplot: fan charts, comparison, waterfalls, delinquency, funnel.",
        discussion: """
            Reads DIR (written by 'cardsim run' or 'cardsim merge') and writes into CHARTDIR: \
            fan-KPI (each selected KPI over months: median, 50% and 90% of paths, one colour \
            per strategy); with challengers, comparison (each challenger's difference from the \
            champion with its 95% confidence interval, per KPI) and waterfall-N (where \
            challenger N's NPV difference comes from, by P&L line); delinquency (past-due \
            receivables by bucket over months); funnel (applications, new accounts, first \
            swipes; applications by channel). Each file is written whole or not at all. \
            gnuplot reads the script and its data on a pipe: no other file is written. \
            Guide: docs/reports.md.
            """
    )

    @Argument(help: ArgumentHelp("A run's output directory.", valueName: "dir"))
    var directory: String

    @Option(help: ArgumentHelp("Directory for the charts (created if needed).", valueName: "chartdir"))
    var out: String

    @Option(help: ArgumentHelp("File format: png, svg or pdf.", valueName: "format"))
    var format: ChartFormat = .png

    @Option(name: .customLong("kpi"),
            help: ArgumentHelp("KPIs of the fan and comparison charts: ids of paths.csv, comma-separated or repeated, 'headline' (the default) or 'all'.",
                               valueName: "kpi"))
    var kpis: [String] = []

    @Flag(help: "Also write each chart's gnuplot script, data inline, as NAME.gp.")
    var scripts = false

    func run() throws {
        let gnuplot = try ReportInput.gnuplot()
        let run = try ReportInput.load(directory)
        let plan = try ReportInput.catching { try ChartPlan(run, kpis: kpis) }
        let clock = Stopwatch()
        let written = try ReportInput.catching {
            try ChartWriter.write(plan, format: format, to: URL(fileURLWithPath: out), gnuplot: gnuplot, scripts: scripts)
        }
        let seconds = clock.seconds
        for w in written { print("\(w.file.path)  \(w.drawn.chart.title)") }
        for note in plan.notes { print("note: \(note)") }
        StandardError.write("\(written.count) charts in \(String(format: "%.3f", seconds)) s\n")
    }
}
