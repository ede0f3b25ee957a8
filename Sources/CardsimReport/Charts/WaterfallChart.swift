/// Where a challenger's NPV difference comes from: each P&L line's paired difference as a
/// floating bar (up for lines that raise the challenger's NPV, down for lines that lower it),
/// running from left to right to the total difference.
enum WaterfallChart {
    static func make(_ run: RunData, comparison c: Comparison) -> Chart {
        let a = c.attribution
        var bars: [(label: String, estimate: PathEstimate)] = a.lines.map { ($0.label, $0.difference) }
        let tolerance = 1e-6 * max(1, abs(a.total.mean))
        if abs(a.residual) > tolerance {
            bars.append(("other", PathEstimate(count: 0, mean: a.residual, standardError: 0, low: nil, high: nil)))
        }
        let largest = ([a.total] + bars.map(\.estimate)).flatMap { [abs($0.mean), abs($0.low ?? 0), abs($0.high ?? 0)] }.max() ?? 0
        var level = 0.0
        var runningMax = 0.0
        for b in bars { level += b.estimate.mean; runningMax = max(runningMax, abs(level)) }
        let scale = DisplayScale.of(unit: "yuan", largest: max(largest, runningMax))
        let kpiLabel = a.kpi == "npv" ? "NPV" : KPIText.label(a.kpi)

        // Rows: x, bar bottom, bar top, colour, whisker low, whisker high.
        var rows: [[Double?]] = []
        level = 0
        for (i, b) in bars.enumerated() {
            let start = level, end = level + b.estimate.mean
            let colour = b.estimate.mean >= 0 ? Palette.positive : Palette.negative
            rows.append([Double(i + 1), start * scale.factor, end * scale.factor, GnuplotScript.colourValue(colour),
                         b.estimate.low.map { (end - b.estimate.mean + $0) * scale.factor },
                         b.estimate.high.map { (end - b.estimate.mean + $0) * scale.factor }])
            level = end
        }
        let totalX = Double(bars.count + 1)
        rows.append([totalX, 0, a.total.mean * scale.factor, GnuplotScript.colourValue(Palette.total),
                     a.total.low.map { $0 * scale.factor }, a.total.high.map { $0 * scale.factor }])

        var s = GnuplotScript()
        ChartStyle.common(&s)
        s.add("set title " + GnuplotScript.lines("Where the \(kpiLabel) difference comes from: \(c.name) vs \(c.against)",
                                                 "mean paired difference by P&L line over \(run.paths) paths; whiskers: 95% confidence interval"))
        s.add("set ylabel " + GnuplotScript.string(scale.unit))
        s.add("set xrange [0.3:\(GnuplotScript.number(totalX + 0.7))]")
        let tics = bars.enumerated().map { i, b in GnuplotScript.string(b.label) + " \(i + 1)" }
            + [GnuplotScript.string("\(kpiLabel) difference") + " \(bars.count + 1)"]
        s.add("set xtics (" + tics.joined(separator: ", ") + ") rotate by -35")
        s.add("set offsets 0, 0, graph 0.08, graph 0.08")
        s.add("set key outside bottom center horizontal")
        s.data("w", rows)
        s.add("plot 0 with lines dt 2 lw 1 lc rgb \"\(Palette.zero)\", \\\n"
              + "     $w using 1:(($2+$3)/2):($1-0.35):($1+0.35):2:3:4 with boxxyerror fs solid 0.85 noborder lc rgb variable, \\\n"
              + "     $w using 1:5:(0):($6-$5) with vectors heads size screen 0.006,90 lw 1.5 lc rgb \"#333333\", \\\n"
              + "     keyentry with boxes fs solid 0.85 lc rgb \"\(Palette.positive)\" title \"raises the challenger's \(kpiLabel)\", \\\n"
              + "     keyentry with boxes fs solid 0.85 lc rgb \"\(Palette.negative)\" title \"lowers it\", \\\n"
              + "     keyentry with boxes fs solid 0.85 lc rgb \"\(Palette.total)\" title \"total difference\"")
        return Chart(name: "waterfall-\(c.challenger)", kind: .waterfall,
                     title: "Where the \(kpiLabel) difference comes from: \(c.name) vs \(c.against)",
                     caption: "Profit attribution of \(c.name) against \(c.against): each P&L line's paired difference "
                         + "in discounted contribution to \(kpiLabel) (revenue lines count positive, cost lines negative), "
                         + "stacked from left to right to the total \(kpiLabel) difference; whiskers are 95% confidence intervals.",
                     width: 960, height: 600, body: s.text, subject: c.name, scales: ["": scale])
    }
}
