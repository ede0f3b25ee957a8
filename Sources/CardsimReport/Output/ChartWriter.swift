import Dispatch
import Foundation

/// Draws a plan's charts, one gnuplot process per chart, as many at a time as there are cores.
public enum ChartWriter {
    /// A chart drawn: its bytes and the time gnuplot took.
    public struct Drawn: Sendable {
        public var chart: Chart
        public var data: Data
        public var seconds: Double
    }

    /// Draws every chart of `plan` in `format`, in plan order.
    public static func render(_ plan: ChartPlan, format: ChartFormat, gnuplot: Gnuplot) throws -> [Drawn] {
        let charts = plan.charts
        let results = Results(count: charts.count)
        DispatchQueue.concurrentPerform(iterations: charts.count) { i in
            let start = DispatchTime.now()
            do {
                let data = try gnuplot.render(charts[i].script(format), name: charts[i].name)
                let seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
                results.set(i, .success(Drawn(chart: charts[i], data: data, seconds: seconds)))
            } catch {
                results.set(i, .failure(error))
            }
        }
        return try results.values.map { try $0!.get() }
    }

    /// Draws every chart of `plan` in `format` into `directory` (created if needed) as
    /// `NAME.EXT` with its data as `NAME.csv` (`Chart.dataCSV`), each file written atomically;
    /// with `scripts`, also writes each gnuplot script as `NAME.gp`. Returns the charts' files
    /// in plan order.
    public static func write(_ plan: ChartPlan, format: ChartFormat, to directory: URL, gnuplot: Gnuplot,
                             scripts: Bool = false) throws -> [(drawn: Drawn, file: URL)] {
        let drawn = try render(plan, format: format, gnuplot: gnuplot)
        return try drawn.map { d in
            let file = directory.appendingPathComponent("\(d.chart.name).\(format.fileExtension)")
            try AtomicFile.write(d.data, to: file)
            try AtomicFile.write(d.chart.dataCSV, to: directory.appendingPathComponent("\(d.chart.name).csv"))
            if scripts { try AtomicFile.write(d.chart.script(format), to: directory.appendingPathComponent("\(d.chart.name).gp")) }
            return (d, file)
        }
    }

    private final class Results: @unchecked Sendable {
        private let lock = NSLock()
        private var storage: [Result<Drawn, Error>?]
        init(count: Int) { storage = Array(repeating: nil, count: count) }
        func set(_ i: Int, _ r: Result<Drawn, Error>) { lock.lock(); storage[i] = r; lock.unlock() }
        var values: [Result<Drawn, Error>?] { lock.lock(); defer { lock.unlock() }; return storage }
    }
}
