import CardsimOutput
import CardsimReport
import CardsimSweep
import Foundation

/// `cardsim chart DIR` when DIR is a sweep directory: the tornado chart from its tornado.csv.
enum SweepChart {
    /// Which kind of directory `cardsim chart` was given.
    enum Kind { case run, sweep }

    /// A run directory (it has summary.json) or a sweep directory (it has sweep.json); else a
    /// failure with exit 2 saying what was expected.
    static func kind(of directory: String) throws -> Kind {
        let fm = FileManager.default
        let url = URL(fileURLWithPath: directory)
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw CommandFailure("\(directory) is not a directory",
                                 help: "Give a run's output directory (cardsim run, cardsim merge) or a sweep's (cardsim sweep).",
                                 exitCode: ExitCodes.invalidInput)
        }
        if fm.fileExists(atPath: url.appendingPathComponent(SummaryFile.fileName).path) { return .run }
        if fm.fileExists(atPath: url.appendingPathComponent(PointStore.identityFileName).path) { return .sweep }
        throw CommandFailure("\(directory) is neither a cardsim run directory (no \(SummaryFile.fileName)) nor a sweep directory (no \(PointStore.identityFileName))",
                             help: "Give a run's output directory (cardsim run, cardsim merge) or a sweep's (cardsim sweep).",
                             exitCode: ExitCodes.invalidInput)
    }

    /// The tornado of the complete sweep in `directory`: exit 2 if its tables were never
    /// assembled (a sweep cut short or run in shards and not merged) or tornado.csv is damaged.
    static func tornado(_ directory: String) throws -> Tornado {
        let url = URL(fileURLWithPath: directory)
        for name in [SweepTables.sweepFileName, SweepTables.tornadoFileName] {
            guard FileManager.default.fileExists(atPath: url.appendingPathComponent(name).path) else {
                throw CommandFailure("\(directory) is a sweep that is not complete: it has no \(name)",
                                     help: "Finish the sweep (re-run the same cardsim sweep command) or assemble its shards with --require-complete, then draw it.",
                                     exitCode: ExitCodes.invalidInput)
            }
        }
        let file = url.appendingPathComponent(SweepTables.tornadoFileName).path
        guard let data = FileManager.default.contents(atPath: file) else {
            throw CommandFailure("\(file) cannot be read", help: "Check its permissions.", exitCode: ExitCodes.invalidInput)
        }
        return try sweepCatching { try Tornado(tornadoCSV: String(decoding: data, as: UTF8.self), file: file) }
    }

    /// Draws the tornado chart of the sweep in `directory` into `out` as `tornado.EXT` (and
    /// `tornado.gp` with `scripts`); each file written atomically. Returns the chart and file.
    static func draw(_ directory: String, out: URL, format: ChartFormat, gnuplot: Gnuplot, scripts: Bool) throws -> (Chart, URL) {
        let chart = try tornado(directory).chart()
        let data = try ReportInput.catching { try gnuplot.render(chart.script(format), name: chart.name) }
        let file = out.appendingPathComponent("\(chart.name).\(format.fileExtension)")
        try ReportInput.catching {
            try AtomicFile.write(data, to: file)
            if scripts { try AtomicFile.write(chart.script(format), to: out.appendingPathComponent("\(chart.name).gp")) }
        }
        return (chart, file)
    }
}
