import Foundation

/// The charts of `cardsim calibrate`: how the distance fell over the evaluations, and each
/// target beside the fitted model.
public enum CalibrationCharts {
    /// One evaluation of the trace: its number, its start (0 for the standard errors' runs)
    /// and its distance.
    public struct Evaluation: Sendable {
        public var number: Int
        public var start: Int
        public var distance: Double
        public init(number: Int, start: Int, distance: Double) { self.number = number; self.start = start; self.distance = distance }
    }

    /// One target at the fitted values: its label, the model's distance from it in tolerances
    /// and the Monte Carlo standard error of that distance.
    public struct TargetFit: Sendable {
        public var label: String
        public var gap: Double
        public var gapError: Double
        public init(label: String, gap: Double, gapError: Double) { self.label = label; self.gap = gap; self.gapError = gapError }
    }

    /// Distance of every evaluation (points, one colour per start; the standard errors' runs
    /// grey) and the best so far (a step line), on a log scale.
    public static func convergence(_ evaluations: [Evaluation]) -> Chart {
        var best = Double.infinity
        var rows: [[Double?]] = []
        for e in evaluations {
            if e.start > 0 { best = min(best, e.distance) }
            let colour = e.start > 0 ? Palette.strategy(e.start - 1) : Palette.band
            rows.append([Double(e.number), max(e.distance, 1e-12), best.isFinite ? max(best, 1e-12) : nil, GnuplotScript.colourValue(colour)])
        }
        var s = GnuplotScript()
        ChartStyle.common(&s)
        s.add("set title " + GnuplotScript.lines("Calibration: distance to the targets",
                                                 "sum over targets of ((model - target) / tolerance)², each evaluation and the best so far"))
        s.add("set xlabel " + GnuplotScript.string("evaluation"))
        s.add("set ylabel " + GnuplotScript.string("distance (log scale)"))
        s.add("set logscale y")
        s.add("set key outside bottom center horizontal")
        s.data("d", rows)
        s.add("plot $d using 1:2:4 with points pt 7 ps 0.8 lc rgb variable title 'evaluation (colour: start; grey: standard errors)', \\\n"
              + "     $d using 1:3 with steps lw 2 lc rgb \"\(Palette.total)\" title 'best so far'")
        return Chart(name: "convergence", kind: .calibration, title: "Calibration: distance to the targets",
                     caption: "Weighted distance of every evaluation (one colour per start of the optimiser, grey for the finite differences "
                         + "of the standard errors) and the best distance so far, on a log scale.",
                     width: 960, height: 540, body: s.text)
    }

    /// Each target's gap (model - target) / tolerance with ±1.96 Monte Carlo standard errors,
    /// over the band of ±1 tolerance.
    public static func targets(_ fits: [TargetFit]) -> Chart {
        let n = fits.count
        let rows: [[Double?]] = fits.enumerated().map { i, f in [f.gap, Double(n - i), 1.96 * f.gapError] }
        let largest = max(1.5, (fits.map { abs($0.gap) + 1.96 * $0.gapError }.max() ?? 1) * 1.1)
        var s = GnuplotScript()
        ChartStyle.common(&s)
        s.add("set grid noytics xtics lw 1 lc rgb \"#E0E0E0\"")
        s.add("set title " + GnuplotScript.lines("Calibration: model against targets",
                                                 "(model - target) / tolerance at the fitted values; the band is within tolerance"))
        s.add("set xlabel " + GnuplotScript.string("(model - target) / tolerance"))
        s.add("set xrange [\(GnuplotScript.number(-largest)):\(GnuplotScript.number(largest))]")
        s.add("set yrange [0.3:\(GnuplotScript.number(Double(n) + 0.7))]")
        let tics = fits.enumerated().map { i, f in GnuplotScript.string(f.label) + " \(n - i)" }
        s.add("set ytics (" + tics.joined(separator: ", ") + ")")
        s.add("set lmargin 34")
        s.add("set object 1 rect from -1, graph 0 to 1, graph 1 behind fc rgb \"#E8F4EC\" fs solid noborder")
        s.add("set arrow from 0, graph 0 to 0, graph 1 nohead dt 2 lw 1 lc rgb \"\(Palette.zero)\"")
        s.add("set key outside bottom center horizontal")
        s.data("t", rows)
        s.add("plot $t using 1:2:3 with xerrorbars pt 7 ps 1.2 lw 1.5 lc rgb \"\(Palette.total)\" title 'model (±1.96 Monte Carlo standard errors)', \\\n"
              + "     keyentry with boxes fs solid lc rgb \"#E8F4EC\" title 'within tolerance'")
        return Chart(name: "targets", kind: .calibration, title: "Calibration: model against targets",
                     caption: "For each target, the fitted model's distance from the observed value in units of the target's tolerance, "
                         + "with ±1.96 Monte Carlo standard errors; the shaded band is within tolerance.",
                     width: 960, height: max(360, 140 + 48 * n), body: s.text)
    }
}
