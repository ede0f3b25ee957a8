import Foundation

/// One bar pair of a tornado chart: a parameter's one-at-a-time change of a KPI.
public struct TornadoBar: Sendable, Equatable {
    /// The parameter's path, as in `--set`.
    public var parameter: String
    /// The low and high ends, as written in the sweep's tables.
    public var lowText: String
    public var highText: String
    /// KPI at the low end minus KPI of the scenario itself, and the same at the high end.
    public var changeLow: Double
    public var changeHigh: Double
    /// Monte Carlo standard errors of `changeLow` and `changeHigh` (same unit), drawn as error
    /// bars of ±1 standard error; nil draws none.
    public var errorLow: Double?
    public var errorHigh: Double?

    public init(parameter: String, lowText: String, highText: String, changeLow: Double, changeHigh: Double,
                errorLow: Double? = nil, errorHigh: Double? = nil) {
        self.parameter = parameter; self.lowText = lowText; self.highText = highText
        self.changeLow = changeLow; self.changeHigh = changeHigh
        self.errorLow = errorLow; self.errorHigh = errorHigh
    }
}

/// A tornado chart of one-at-a-time sensitivities: for each parameter (largest first, at the
/// top), a bar from 0 to the KPI's change with the parameter at its low end and one to the
/// change at its high end, the others at the scenario's values.
public enum TornadoChart {
    /// The chart of `bars` (in display order, largest first) for KPI `kpi` in `unit`, whose
    /// value in the scenario itself is `base`.
    public static func make(kpi: String, unit: String, base: Double, bars: [TornadoBar], points: Int) -> Chart {
        let largest = bars.flatMap { [abs($0.changeLow), abs($0.changeHigh)] }.max() ?? 0
        let scale = DisplayScale.of(unit: unit, largest: largest)
        let label = kpi == "npv" ? "NPV" : KPIText.label(kpi)
        let n = bars.count
        // Rows: y centre, x from, x to, y low, y high, colour. Bar i sits at y = n - i (top first);
        // the low end's bar above the centre line, the high end's below it.
        var rows: [[Double?]] = []
        for (i, b) in bars.enumerated() {
            let y = Double(n - i)
            rows.append([y + 0.18, 0, b.changeLow * scale.factor, y + 0.02, y + 0.36, GnuplotScript.colourValue(Palette.negative)])
            rows.append([y - 0.18, 0, b.changeHigh * scale.factor, y - 0.36, y - 0.02, GnuplotScript.colourValue(Palette.total)])
        }
        var s = GnuplotScript()
        ChartStyle.common(&s)
        s.add("set grid noytics xtics lw 1 lc rgb \"#E0E0E0\"")
        s.add("set title " + GnuplotScript.lines("One-at-a-time sensitivity of \(label)",
                                                 "change from the scenario's \(String(format: "%.4g", base * scale.factor)) \(scale.unit); each parameter at its low and high end"))
        s.add("set xlabel " + GnuplotScript.string("change in \(label) (\(scale.unit))"))
        s.add("set yrange [0.3:\(GnuplotScript.number(Double(n) + 0.7))]")
        let tics = bars.enumerated().map { i, b in
            GnuplotScript.string("\(b.parameter) (\(b.lowText) to \(b.highText))") + " \(n - i)"
        }
        s.add("set ytics (" + tics.joined(separator: ", ") + ")")
        s.add("set offsets graph 0.05, graph 0.05, 0, 0")
        s.add("set key outside bottom center horizontal")
        s.add("set arrow from 0, graph 0 to 0, graph 1 nohead dt 2 lw 1 lc rgb \"\(Palette.zero)\"")
        s.data("t", rows)
        // Error bars: x (change), y (bar centre), x error (one standard error).
        var errors: [[Double?]] = []
        for (i, b) in bars.enumerated() {
            let y = Double(n - i)
            if let e = b.errorLow { errors.append([b.changeLow * scale.factor, y + 0.18, e * scale.factor]) }
            if let e = b.errorHigh { errors.append([b.changeHigh * scale.factor, y - 0.18, e * scale.factor]) }
        }
        var errorPlot = ""
        if !errors.isEmpty {
            s.data("e", errors)
            errorPlot = "     $e using 1:2:3 with xerrorbars pt 0 lw 1.5 lc rgb \"\(Palette.zero)\" title \"±1 standard error (paired, common random numbers)\", \\\n"
        }
        s.add("plot $t using (($2+$3)/2):1:2:3:4:5:6 with boxxyerror fs solid 0.85 noborder lc rgb variable, \\\n"
              + errorPlot
              + "     keyentry with boxes fs solid 0.85 lc rgb \"\(Palette.negative)\" title \"parameter at its low end\", \\\n"
              + "     keyentry with boxes fs solid 0.85 lc rgb \"\(Palette.total)\" title \"parameter at its high end\"")
        return Chart(name: "tornado", kind: .tornado, title: "One-at-a-time sensitivity of \(label)",
                     caption: "Change of \(label) (mean over paths, champion) when one parameter is set to its low or high end "
                         + "and the others keep the scenario's values, over \(points) runs on common random numbers; largest first"
                         + (bars.contains { $0.errorLow != nil || $0.errorHigh != nil }
                            ? "; error bars span ±1 Monte Carlo standard error of each change (paired over paths)." : "."),
                     width: 960, height: max(360, 120 + 60 * n), body: s.text, subject: kpi, scales: ["": scale])
    }
}
