/// The power curve of a holdout test (`cardsim plan-test`): the test's power against the
/// holdout share, one line per test length, with ±1 binomial standard error bars and the
/// target power as a dashed line.
public enum PowerChart {
    /// One point: holdout share, test length in months, power and its standard error.
    public struct Point: Sendable, Equatable {
        public var holdout: Double, months: Int, power: Double, standardError: Double
        public init(holdout: Double, months: Int, power: Double, standardError: Double) {
            self.holdout = holdout; self.months = months; self.power = power; self.standardError = standardError
        }
    }

    public static func make(campaign: String, kpi: String, alpha: Double, target: Double, paths: Int, points: [Point]) -> Chart {
        var s = GnuplotScript()
        ChartStyle.common(&s)
        s.add("set title " + GnuplotScript.lines("Power of the holdout test: \(campaign), \(kpi)",
                                                 "two-sided test at significance \(String(format: "%.3g", alpha)); \(paths) simulated tests per point"))
        s.add("set xlabel " + GnuplotScript.string("holdout share (%)"))
        s.add("set ylabel " + GnuplotScript.string("power (%)"))
        s.add("set yrange [0:105]")
        s.add("set key outside bottom center horizontal")
        let lengths = Array(Set(points.map(\.months))).sorted()
        var plots: [String] = []
        for (i, m) in lengths.enumerated() {
            let rows = points.filter { $0.months == m }.sorted { $0.holdout < $1.holdout }
                .map { [Optional($0.holdout * 100), $0.power * 100, $0.standardError * 100] }
            s.data("m\(m)", rows)
            let colour = Palette.strategy(i)
            plots.append("$m\(m) using 1:2 with linespoints lw 2 pt 7 lc rgb \"\(colour)\" title \(GnuplotScript.string("\(m)-month test"))")
            plots.append("$m\(m) using 1:2:3 with yerrorbars pt 0 lw 1 lc rgb \"\(colour)\" notitle")
        }
        plots.append("\(GnuplotScript.number(target * 100)) with lines dt 2 lw 1.5 lc rgb \"\(Palette.zero)\" title \(GnuplotScript.string("target power \(Int((target * 100).rounded()))%"))")
        s.add("plot " + plots.joined(separator: ", \\\n     "))
        return Chart(name: "power", kind: .power, title: "Power of the holdout test: \(campaign), \(kpi)",
                     caption: "Share of simulated tests that detect the campaign's effect on \(kpi) against the holdout share, one line per test length; "
                         + "error bars ±1 binomial standard error; the dashed line is the target power.",
                     width: 900, height: 560, body: s.text, subject: kpi)
    }
}
