import ArgumentParser
import CardsimReport
import Foundation

/// `cardsim report DIR --out report.html`: one self-contained HTML page about a run.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write a self-contained HTML report of a run: KPI tables, comparisons, charts, the scenario.",
        discussion: """
            Reads DIR (written by 'cardsim run' or 'cardsim merge') and writes one HTML file \
            holding the run's metadata, a table of every KPI (mean ± standard error, 5th, 50th \
            and 95th percentiles) per strategy, each challenger's paired differences and NPV \
            attribution, the charts of 'cardsim chart' as inline SVG (drawn with gnuplot) and \
            the scenario text. The page loads nothing from elsewhere and runs no scripts; text \
            from the scenario is escaped. Guide: docs/reports.md.
            """
    )

    @Argument(help: ArgumentHelp("A run's output directory.", valueName: "dir"))
    var directory: String

    @Option(help: ArgumentHelp("The HTML file to write (replaced if it exists).", valueName: "file"))
    var out: String

    @Option(name: .customLong("kpi"),
            help: ArgumentHelp("KPIs of the fan and comparison charts: ids of paths.csv, comma-separated or repeated, 'headline' (the default) or 'all'.",
                               valueName: "kpi"))
    var kpis: [String] = []

    func validate() throws {
        try OutputPath.check(out)
    }

    func run() throws {
        let gnuplot = try ReportInput.gnuplot()
        let run = try ReportInput.load(directory)
        let clock = Stopwatch()
        let html = try ReportInput.catching { () throws -> String in
            let plan = try ChartPlan(run, kpis: kpis)
            let svgs = try ChartWriter.render(plan, format: .svg, gnuplot: gnuplot).map { String(decoding: $0.data, as: UTF8.self) }
            let page = HTMLReport.html(run, plan: plan, svgCharts: svgs)
            try AtomicFile.write(page, to: URL(fileURLWithPath: out))
            for note in plan.notes { print("note: \(note)") }
            return page
        }
        print("Report: \(out) (\(html.utf8.count / 1024) KiB)")
        StandardError.write("report in \(String(format: "%.3f", clock.seconds)) s\n")
    }
}
