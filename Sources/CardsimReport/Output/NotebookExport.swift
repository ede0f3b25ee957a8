import CardsimEngine
import CardsimOutput
import Foundation

/// A run exported as a Jupyter notebook (nbformat 4.5) that reads well without running:
/// markdown cells explain the scenario, the strategies and the results; each chart is a code
/// cell that redraws it with pandas and matplotlib, holding cardsim's gnuplot drawing as its
/// stored image output. The run's data sits in a folder beside the notebook, `NAME-data/`
/// (the run's files plus `bands.csv` and `attribution.csv`), which the code reloads.
public enum NotebookExport {
    /// The data folder's name for a notebook file: `baseline.ipynb` -> `baseline-data`.
    public static func dataFolderName(for notebook: URL) -> String {
        notebook.deletingPathExtension().lastPathComponent + "-data"
    }

    /// Writes the data folder, then the notebook, each atomically. `pngCharts[i]` is the PNG
    /// of `plan.charts[i]`. Returns the data folder's URL.
    @discardableResult
    public static func write(_ run: RunData, plan: ChartPlan, pngCharts: [Data], to notebook: URL) throws -> URL {
        let folderName = dataFolderName(for: notebook)
        let folder = notebook.deletingLastPathComponent().appendingPathComponent(folderName)
        try checkReplaceable(folder)
        try AtomicDirectory.write(to: folder) { dir in
            let fm = FileManager.default
            for name in RunDirectory.fileNames {
                let from = run.directory.appendingPathComponent(name), to = dir.appendingPathComponent(name)
                guard fm.fileExists(atPath: from.path) else { continue }
                do { try fm.copyItem(at: from, to: to) } catch {
                    throw ReportError(.write, "cannot copy \(from.path) to \(to.path)", help: "Check that the directory is writable and the disk has space.")
                }
            }
            try AtomicFile.write(bandsCSV(run, kpis: plan.kpis), to: dir.appendingPathComponent(bandsFile))
            try AtomicFile.write(attributionCSV(run), to: dir.appendingPathComponent(attributionFile))
        }
        try AtomicFile.write(text(run, plan: plan, pngCharts: pngCharts, dataFolder: folderName), to: notebook)
        return folder
    }

    /// The tables the export adds to the run's files in its data folder.
    static let bandsFile = "bands.csv", attributionFile = "attribution.csv"
    static var dataTables: Set<String> { [bandsFile, attributionFile] }

    /// Refuses to replace a folder that is neither missing, empty, nor an earlier export
    /// holding only the files an export writes, so that neither a mistyped name nor a file
    /// a user put in the folder is deleted.
    static func checkReplaceable(_ url: URL) throws {
        switch AtomicDirectory.replaceability(of: url) {
        case .replaceable: return
        case .fileInTheWay, .notAnOutput:
            throw ReportError(.write, "\(url.path) exists and is not an exported notebook's data folder; it was left untouched",
                              help: "Choose another notebook name, or remove \(url.path) first.")
        case .foreign(let names):
            throw ReportError(.write, "\(url.path) holds files cardsim did not write (\(names.joined(separator: ", "))); it was left untouched",
                              help: "Move those files out of the folder, or choose another notebook name.")
        }
    }

    /// The notebook's JSON text.
    public static func text(_ run: RunData, plan: ChartPlan, pngCharts: [Data], dataFolder: String) -> String {
        var cells: [NotebookJSON] = []
        func markdown(_ text: String) {
            cells.append(.object(["cell_type": .string("markdown"), "id": .string(String(format: "cell-%02d", cells.count + 1)),
                                  "metadata": .object([:]), "source": NotebookJSON.lines(text)]))
        }
        func code(_ text: String, image: Data? = nil, alt: String = "") {
            var outputs: [NotebookJSON] = []
            if let image {
                outputs.append(.object([
                    "data": .object(["image/png": .string(image.base64EncodedString()),
                                     "text/plain": .array([.string("<\(alt) (drawn by cardsim with gnuplot)>")])]),
                    "metadata": .object([:]), "output_type": .string("display_data"),
                ]))
            }
            cells.append(.object(["cell_type": .string("code"), "execution_count": .null,
                                  "id": .string(String(format: "cell-%02d", cells.count + 1)),
                                  "metadata": .object([:]), "outputs": .array(outputs), "source": NotebookJSON.lines(text)]))
        }

        markdown(NotebookText.introduction(run, dataFolder: dataFolder))
        markdown(NotebookText.runTable(run))
        markdown(NotebookText.strategies(run))
        code(NotebookCode.setup(run, dataFolder: dataFolder))
        code(NotebookCode.functions)
        markdown(NotebookText.results(run))
        if !plan.comparisons.isEmpty { markdown(NotebookText.comparisons(run, plan.comparisons)) }
        let campaigns = CampaignRows(run)
        if !campaigns.campaigns.isEmpty {
            markdown(NotebookText.campaigns(campaigns))
            code(NotebookCode.campaigns)
        }
        let breakdowns = BreakdownRows(run)
        if !breakdowns.isEmpty {
            markdown(NotebookText.breakdowns(breakdowns, strategies: run.strategyNames))
            code(NotebookCode.segments)
        }
        markdown("## Charts\n\nEach picture below is the chart cardsim drew with gnuplot (`cardsim chart`); running a cell redraws it from the data with matplotlib.")
        for (chart, png) in zip(plan.charts, pngCharts) {
            markdown("### \(NotebookText.escape(chart.title))\n\n\(NotebookText.escape(chart.caption))")
            code(call(chart, run: run, plan: plan), image: png, alt: chart.title)
        }
        markdown(NotebookText.scenario(run))
        markdown(NotebookText.notes(run, plan: plan, dataFolder: dataFolder))

        let root: NotebookJSON = .object([
            "cells": .array(cells),
            "metadata": .object([
                "cardsim": .object([
                    "scenario": .string(run.info.scenarioName), "scenario_hash": .string(run.info.scenarioHash),
                    "run_version": .string(run.info.version), "exported_by": .string("cardsim \(CardsimVersion.current)"),
                    "data": .string(dataFolder),
                ]),
                "kernelspec": .object(["display_name": .string("Python 3"), "language": .string("python"), "name": .string("python3")]),
                "language_info": .object(["name": .string("python")]),
            ]),
            "nbformat": .integer(4),
            "nbformat_minor": .integer(5),
        ])
        return root.document
    }

    /// The code cell that redraws `chart` with matplotlib.
    static func call(_ chart: Chart, run: RunData, plan: ChartPlan) -> String {
        let py = NotebookCode.py, num = NotebookCode.number
        switch chart.kind {
        case .fan:
            let scale = chart.scales[""] ?? DisplayScale(factor: 1, unit: "")
            return "fan(\(py(chart.subject ?? "")), \(py(chart.title)), \(num(scale.factor)), \(py(scale.unit)))"
        case .comparison:
            let rows = plan.kpis.compactMap { id -> String? in
                guard let s = chart.scales[id] else { return nil }
                return "    (\(py(id)), \(py(FanChart.capitalized(KPIText.label(id)))), \(num(s.factor)), \(py(s.unit))),"
            }
            return "comparison([\n" + rows.joined(separator: "\n") + "\n])"
        case .waterfall:
            let scale = chart.scales[""] ?? DisplayScale(factor: 1, unit: "yuan")
            return "waterfall(\(py(chart.subject ?? "")), \(num(scale.factor)), \(py(scale.unit)))"
        case .delinquency:
            return "delinquency()"
        case .funnel:
            let scale = chart.scales[""] ?? DisplayScale(factor: 1, unit: "count")
            return "funnel(\(num(scale.factor)), \(py(scale.unit)))"
        case .vintage:
            return "vintage_curves()"
        case .tornado, .calibration, .power:
            // Tornado and calibration charts come from sweeps and calibrations, never from a
            // run's chart plan.
            return "None"
        }
    }

    /// `bands.csv`: month, strategy, kpi, p5, p25, p50, p75, p95 of the one-month value of
    /// each of `kpis` over paths (the fan charts' data).
    public static func bandsCSV(_ run: RunData, kpis: [String]) -> String {
        var out = "month,strategy,kpi,p5,p25,p50,p75,p95\n"
        let all = kpis.compactMap { id in run.monthlyBands(id).map { (id, $0) } }
        for t in 0..<run.months {
            for (s, name) in run.strategyNames.enumerated() {
                for (id, bands) in all {
                    let b = bands[s][t]
                    out += "\(t + 1),\(csvField(name)),\(id),\(b.p5),\(b.p25),\(b.p50),\(b.p75),\(b.p95)\n"
                }
            }
        }
        return out
    }

    /// `attribution.csv`: path, strategy, line, the P&L line's discounted contribution to the
    /// path's NPV in yuan (revenue positive, cost negative); the lines add up to the NPV.
    public static func attributionCSV(_ run: RunData) -> String {
        var out = "path,strategy,line,contribution\n"
        let lines = Comparison.attributionContributions(run)
        for p in 0..<run.paths {
            for (s, name) in run.strategyNames.enumerated() {
                for line in lines { out += "\(p),\(csvField(name)),\(line.id),\(line.contributions[s][p])\n" }
            }
        }
        return out
    }

    static func csvField(_ s: String) -> String {
        guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
