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
            When DIR is a sweep directory (written by 'cardsim sweep'), writes its tornado \
            chart instead, with error bars of one standard error (docs/sweeps.md). \
            Guide: docs/reports.md.
            """
    )

    @Argument(help: ArgumentHelp("A run's output directory, or a sweep's.", valueName: "dir"))
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

    @Option(help: ArgumentHelp("Size of every chart in pixels (PDF at 96 per inch), e.g. 600x400 for a journal column.", valueName: "WxH"))
    var size: String?

    @Option(name: .customLong("font-size"), help: ArgumentHelp("Font size in points (default: 11 PNG, 12 SVG, 10 PDF).", valueName: "pt"))
    var fontSize: Int?

    /// `--size` as (width, height).
    var dimensions: (Int, Int)? {
        guard let size else { return nil }
        let parts = size.lowercased().split(separator: "x").map { Int($0) }
        guard parts.count == 2, let w = parts[0], let h = parts[1] else { return nil }
        return (w, h)
    }

    func validate() throws {
        if size != nil {
            guard let (w, h) = dimensions, (100...10_000).contains(w), (100...10_000).contains(h) else {
                throw ValidationError("--size must be WIDTHxHEIGHT in pixels, each from 100 to 10000, e.g. 600x400; found '\(size!)'.")
            }
        }
        if let fontSize, !(4...72).contains(fontSize) {
            throw ValidationError("--font-size must be from 4 to 72 points, found \(fontSize).")
        }
        try OutputPath.check(out)
    }

    func run() throws {
        if try SweepChart.kind(of: directory) == .sweep { return try drawSweep() }
        let gnuplot = try ReportInput.gnuplot()
        let run = try ReportInput.load(directory)
        var plan = try ReportInput.catching { try ChartPlan(run, kpis: kpis) }
        for c in plan.charts.indices {
            if let (w, h) = dimensions { plan.charts[c].width = w; plan.charts[c].height = h }
            if let fontSize { plan.charts[c].fontSize = fontSize }
        }
        let clock = Stopwatch()
        let written = try ReportInput.catching {
            try ChartWriter.write(plan, format: format, to: URL(fileURLWithPath: out), gnuplot: gnuplot, scripts: scripts)
        }
        let seconds = clock.seconds
        for w in written { print("\(w.file.path)  \(w.drawn.chart.title)") }
        for note in plan.notes { print("note: \(note)") }
        StandardError.write("\(written.count) charts in \(String(format: "%.3f", seconds)) s\n")
    }

    /// The tornado chart of a sweep directory.
    private func drawSweep() throws {
        let gnuplot = try ReportInput.gnuplot()
        let clock = Stopwatch()
        let (chart, file) = try SweepChart.draw(directory, out: URL(fileURLWithPath: out), format: format, gnuplot: gnuplot, scripts: scripts)
        print("\(file.path)  \(chart.title)")
        if !kpis.isEmpty { print("note: --kpi ignored: a sweep's tornado chart shows its objective KPI, \(chart.subject ?? "")") }
        StandardError.write("1 chart in \(String(format: "%.3f", clock.seconds)) s\n")
    }
}
