import ArgumentParser
import CardsimReport
import Foundation

/// `cardsim notebook DIR --out NAME.ipynb`: a run as a Jupyter notebook.
struct NotebookCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "notebook",
        abstract: "Export a run as a Jupyter notebook (nbformat 4) with its charts and data.",
        discussion: """
            Reads DIR (written by 'cardsim run' or 'cardsim merge') and writes NAME.ipynb and \
            the folder NAME-data beside it (the run's files, plus bands.csv and \
            attribution.csv). Markdown cells explain the scenario, the strategies and the \
            results; each chart is a code cell that redraws it with pandas and matplotlib from \
            NAME-data, with cardsim's gnuplot drawing stored as its output, so the notebook \
            reads well without running. The same run gives the same bytes. Guide: \
            docs/reports.md.
            """
    )

    @Argument(help: ArgumentHelp("A run's output directory.", valueName: "dir"))
    var directory: String

    @Option(help: ArgumentHelp("The notebook to write, e.g. notebooks-export/baseline.ipynb.", valueName: "file"))
    var out: String

    @Option(name: .customLong("kpi"),
            help: ArgumentHelp("KPIs of the fan and comparison charts: ids of paths.csv, comma-separated or repeated, 'headline' (the default) or 'all'.",
                               valueName: "kpi"))
    var kpis: [String] = []

    func validate() throws {
        try OutputPath.check(out)
        if !out.hasSuffix(".ipynb") { throw ValidationError("--out must name a .ipynb file.") }
    }

    func run() throws {
        let gnuplot = try ReportInput.gnuplot()
        let run = try ReportInput.load(directory)
        let clock = Stopwatch()
        let notebook = URL(fileURLWithPath: out)
        let folder = try ReportInput.catching { () throws -> URL in
            let plan = try ChartPlan(run, kpis: kpis)
            let pngs = try ChartWriter.render(plan, format: .png, gnuplot: gnuplot).map(\.data)
            let folder = try NotebookExport.write(run, plan: plan, pngCharts: pngs, to: notebook)
            for note in plan.notes { print("note: \(note)") }
            return folder
        }
        print("Notebook: \(out)")
        print("Data: \(folder.path)")
        StandardError.write("notebook in \(String(format: "%.3f", clock.seconds)) s\n")
    }
}
