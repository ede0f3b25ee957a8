/// Each challenger's paired difference from the champion with its 95% confidence interval,
/// one panel per KPI, in the KPI's unit.
enum ComparisonChart {
    static func make(_ run: RunData, comparisons: [Comparison], kpis: [String]) -> Chart? {
        let ids = kpis.filter { id in comparisons.contains { $0.differences[id] != nil } }
        guard !comparisons.isEmpty, !ids.isEmpty else { return nil }
        let columns = ids.count > 1 ? 2 : 1
        let rows = (ids.count + columns - 1) / columns
        let height = 110 + 250 * rows
        let n = comparisons.count

        var s = GnuplotScript()
        ChartStyle.common(&s)
        s.add("set multiplot layout \(rows),\(columns) title " + GnuplotScript.lines(
            "Difference from the champion, \(run.strategyNames[0])",
            "challenger - champion, mean and 95% confidence interval over \(run.paths) paired paths"))
        s.add("set xrange [0.5:\(n).5]")
        let tics = comparisons.enumerated().map { i, c in GnuplotScript.string(c.name) + " \(i + 1)" }
        s.add("set xtics (" + tics.joined(separator: ", ") + ")" + (n > 2 ? " rotate by -20" : ""))
        s.add("set offsets 0, 0, graph 0.1, graph 0.1")
        var scales: [String: DisplayScale] = [:]
        for (k, id) in ids.enumerated() {
            let estimates = comparisons.map { $0.differences[id] }
            let largest = estimates.compactMap { $0 }.flatMap { [abs($0.mean), abs($0.low ?? 0), abs($0.high ?? 0)] }.max() ?? 0
            // Differences of rates are percentage points.
            let scale = DisplayScale.difference(unit: run.units[id] ?? "", largest: largest)
            scales[id] = scale
            s.add("set title " + GnuplotScript.string(FanChart.capitalized(KPIText.label(id))))
            s.add("set ylabel " + GnuplotScript.string(scale.unit))
            s.data("k\(k)", estimates.enumerated().map { i, e in
                guard let e else { return [Double(i + 1), nil, nil, nil, GnuplotScript.colourValue(Palette.strategy(i + 1))] }
                return [Double(i + 1), e.mean * scale.factor, (e.low ?? e.mean) * scale.factor,
                        (e.high ?? e.mean) * scale.factor, GnuplotScript.colourValue(Palette.strategy(i + 1))]
            })
            s.add("plot 0 with lines dt 2 lw 1 lc rgb \"\(Palette.zero)\", \\\n"
                  + "     $k\(k) using 1:2:3:4:5 with yerrorbars pt 7 ps 1.3 lw 2 lc rgb variable")
        }
        s.add("unset multiplot")
        return Chart(name: "comparison", kind: .comparison, title: "Difference from the champion",
                     caption: "Each challenger's paired difference from the champion (challenger - champion) "
                         + "by KPI: dot at the mean over paths, bar the 95% confidence interval; "
                         + "an interval that misses the dashed zero line is a significant difference.",
                     width: 960, height: height, body: s.text, scales: scales)
    }
}
