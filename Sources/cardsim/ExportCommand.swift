import ArgumentParser
import CardsimAnalysis
import CardsimEngine
import CardsimOutput
import CardsimReport
import Foundation

/// `cardsim export DIR --xlsx FILE`: a run's KPI and comparison tables as an Excel workbook;
/// `--excel-csv DIR2`: its CSV files with a UTF-8 byte-order mark, which Excel needs to read
/// Chinese names.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export a run's tables for spreadsheets: an .xlsx workbook, or CSV files Excel opens as UTF-8.",
        discussion: """
            Reads DIR (written by 'cardsim run' or 'cardsim merge'). With --xlsx FILE writes one \
            workbook: sheet KPIs (every KPI per strategy: mean, standard error, 95% interval), \
            Comparison (each challenger's paired difference from the champion per KPI, with its \
            interval, P(better) and whether the interval is reliable), Ranking (by NPV, with \
            P(best)), Targets, and Campaigns when the run has any. With --excel-csv OUTDIR copies \
            the run's CSV files into OUTDIR with a UTF-8 byte-order mark (the files in DIR stay \
            plain UTF-8). Each file is written whole or not at all. Guide: docs/reports.md.
            """
    )

    @Argument(help: ArgumentHelp("A run's output directory.", valueName: "dir"))
    var directory: String

    @Option(help: ArgumentHelp("Workbook to write (.xlsx).", valueName: "file"))
    var xlsx: String?

    @Option(name: .customLong("excel-csv"), help: ArgumentHelp("Directory for copies of the CSV files with a UTF-8 byte-order mark.", valueName: "dir"))
    var excelCSV: String?

    func validate() throws {
        guard xlsx != nil || excelCSV != nil else { throw ValidationError("give --xlsx FILE, --excel-csv DIR or both.") }
        if let xlsx { try OutputPath.check(xlsx) }
        if let excelCSV { try OutputPath.check(excelCSV) }
    }

    func run() throws {
        let run = try ReportInput.load(directory)
        if let xlsx {
            let data = Self.workbook(run).data
            try ReportInput.catching { try AtomicFile.write(data, to: URL(fileURLWithPath: xlsx)) }
            print("Workbook: \(xlsx) (\(data.count / 1024) KiB)")
        }
        if let excelCSV {
            let out = URL(fileURLWithPath: excelCSV)
            try CommandFailure.catching { try AtomicDirectory.makeParent(of: out.appendingPathComponent("x")) }
            var names: [String] = []
            for name in RunDirectory.fileNames where name.hasSuffix(".csv") {
                let file = run.directory.appendingPathComponent(name)
                guard let data = FileManager.default.contents(atPath: file.path) else { continue }
                try ReportInput.catching { try AtomicFile.write(Data([0xEF, 0xBB, 0xBF]) + data, to: out.appendingPathComponent(name)) }
                names.append(name)
            }
            print("Excel CSV files: \(excelCSV) (\(names.joined(separator: ", ")))")
        }
    }

    static func workbook(_ run: RunData) -> XLSXWorkbook {
        typealias Cell = XLSXWorkbook.Cell
        let report = ComparisonReport(results: run.results, scenario: run.scenario)
        let names = run.strategyNames
        var kpis: [[Cell]] = [[.text("KPI"), .text("unit")] + names.flatMap { [.text("\($0) mean"), .text("\($0) standard error"), .text("\($0) 95% low"), .text("\($0) 95% high")] }]
        for (k, kpi) in KPI.all.enumerated() {
            var row: [Cell] = [.text(kpi.id), .text(kpi.unit)]
            for s in report.strategies {
                let e = s.levels[k]
                row += [.number(e.mean), e.count > 1 ? .number(e.standardError) : .empty, e.low.map(Cell.number) ?? .empty, e.high.map(Cell.number) ?? .empty]
            }
            kpis.append(row)
        }
        var comparison: [[Cell]] = [[.text("challenger"), .text("against"), .text("KPI"), .text("unit"), .text("difference"), .text("standard error"),
                                     .text("95% low"), .text("95% high"), .text("P(better)"), .text("interval reliable")]]
        for s in report.strategies.dropFirst() {
            guard let c = s.comparison else { continue }
            for (k, d) in c.differences.enumerated() {
                comparison.append([.text(s.name), .text(c.against), .text(KPI.all[k].id), .text(KPI.all[k].unit),
                                   .number(d.difference.mean), d.difference.count > 1 ? .number(d.difference.standardError) : .empty,
                                   d.difference.low.map(Cell.number) ?? .empty, d.difference.high.map(Cell.number) ?? .empty,
                                   d.probabilityBetter.map(Cell.number) ?? .empty, .text(d.reliability.isReliable ? "yes" : "no")])
            }
        }
        var ranking: [[Cell]] = [[.text("rank"), .text("strategy"), .text("NPV mean"), .text("NPV standard error"), .text("P(best)")]]
        if let r = Ranking(results: run.results, scenario: run.scenario, objective: "npv") {
            for (i, e) in r.entries.enumerated() {
                ranking.append([.number(Double(i + 1)), .text(e.strategy), .number(e.mean), .number(e.standardError), .number(e.probabilityBest)])
            }
        }
        var targets: [[Cell]] = [[.text("strategy"), .text("KPI"), .text("relation"), .text("threshold"), .text("period"), .text("mean"),
                                  .text("mean meets"), .text("share of paths meeting"), .text("first missed month")]]
        for (s, list) in run.storedTargets.enumerated() where s < names.count {
            for t in list {
                targets.append([.text(names[s]), .text(t.kpi), .text(t.relation), .number(t.threshold), .text(t.period), .number(t.mean),
                                .text(t.meanMeets ? "yes" : "no"), .number(t.shareOfPathsMeeting), t.firstMissedMonth.map { .number(Double($0)) } ?? .empty])
            }
        }
        var sheets = [XLSXWorkbook.Sheet(name: "KPIs", rows: kpis), XLSXWorkbook.Sheet(name: "Comparison", rows: comparison),
                      XLSXWorkbook.Sheet(name: "Ranking", rows: ranking), XLSXWorkbook.Sheet(name: "Targets", rows: targets)]
        var campaigns: [[Cell]] = [[.text("strategy"), .text("campaign"), .text("KPI"), .text("holdout estimate"), .text("standard error"),
                                    .text("true effect"), .text("standard error")]]
        for (s, name) in names.enumerated() {
            for e in CampaignEffect.all(run.results, strategy: s, agentWeight: run.scenario.agentWeight) {
                for (k, kpi) in CampaignTally.kpis.enumerated() {
                    let h = e.holdoutEstimate[k], t = e.trueEffect[k]
                    campaigns.append([.text(name), .text(e.kind.name), .text(kpi.id), .number(h.mean), .number(h.standardError),
                                      .number(t.mean), .number(t.standardError)])
                }
            }
        }
        if campaigns.count > 1 { sheets.append(XLSXWorkbook.Sheet(name: "Campaigns", rows: campaigns)) }
        return XLSXWorkbook(sheets: sheets)
    }
}
