import CardsimEngine

/// A KPI over months: for each strategy the median over paths (line) and the central 50% and
/// 90% of paths (dark and light bands), one colour, dash pattern and point symbol per strategy;
/// the scenario's target on the KPI, if any, as a dashed line.
enum FanChart {
    static func make(_ run: RunData, kpi id: String) -> Chart? {
        guard let bands = run.monthlyBands(id), let kpi = KPI.named(id) else { return nil }
        let unit = run.units[id] ?? kpi.unit
        let largest = bands.flatMap { $0.flatMap { [abs($0.p5), abs($0.p95)] } }.max() ?? 0
        let scale = DisplayScale.of(unit: unit, largest: largest)
        let perMonth = kpi.aggregation == .total
        let label = KPIText.label(id)
        let title = perMonth ? "\(label) per month" : label
        let what = id == "npv" ? "net income of the month discounted to the start" : kpi.summary

        var s = GnuplotScript()
        ChartStyle.common(&s)
        s.add("set title " + GnuplotScript.lines(capitalized(title),
              "\(run.info.scenarioName): median, 50% and 90% of \(run.paths) paths"))
        s.add("set xlabel \"month\"")
        s.add("set ylabel " + GnuplotScript.string(perMonth ? "\(scale.unit) per month" : scale.unit))
        s.add(run.months > 1 ? "set xrange [1:\(run.months)]" : "set xrange [0.5:1.5]")
        s.add("set key outside bottom center horizontal height 0.5")
        for (i, strategy) in bands.enumerated() {
            s.data("s\(i)", strategy.enumerated().map { t, b in
                [Double(t + 1), b.p5 * scale.factor, b.p25 * scale.factor, b.p50 * scale.factor,
                 b.p75 * scale.factor, b.p95 * scale.factor]
            })
        }
        // Every strategy stays visible where they overlap: lighter bands the more strategies
        // there are, and each median with its own dash pattern and point symbol, the symbols
        // staggered so that identical lines still show each.
        let n = bands.count
        let (outer, inner) = n > 2 ? (0.07, 0.16) : n == 2 ? (0.10, 0.22) : (0.12, 0.28)
        var clauses: [String] = []
        for i in bands.indices {
            let c = "lc rgb \"\(Palette.strategy(i))\""
            clauses.append("$s\(i) using 1:2:6 with filledcurves fs transparent solid \(outer) noborder \(c)")
            clauses.append("$s\(i) using 1:3:5 with filledcurves fs transparent solid \(inner) noborder \(c)")
        }
        let every = max(1, run.months / 8)
        for i in bands.indices {
            let offset = n > 1 ? (i * every) / n : 0
            clauses.append("$s\(i) every \(every)::\(offset) using 1:4 with points pt \(5 + 2 * (i % 5)) ps 1.1 lc rgb \"\(Palette.strategy(i))\" notitle")
            clauses.append("$s\(i) using 1:4 with lines lw 2.5 dt \(1 + i % 5) lc rgb \"\(Palette.strategy(i))\" title "
                           + GnuplotScript.string(run.strategyNames[i]))
        }
        // The scenario's target on a month-end KPI (a stock or a share), as a dashed line.
        if !perMonth, let target = run.storedTargets.first?.first(where: { $0.kpi == id && $0.period != "by_year" }) {
            // As data, so that the y range takes it in.
            let y = target.threshold * scale.factor
            s.data("target", [[1, y], [Double(max(run.months, 1)), y]])
            clauses.append("$target using 1:2 with lines dt 3 lw 1.5 lc rgb \"\(Palette.zero)\" title "
                           + GnuplotScript.string("target \(target.symbol) \(ValueText.value(target.threshold, unit: unit))"))
        }
        clauses.append("keyentry with filledcurves fs transparent solid 0.45 noborder lc rgb \"\(Palette.band)\" title \"50% of paths\"")
        clauses.append("keyentry with filledcurves fs transparent solid 0.2 noborder lc rgb \"\(Palette.band)\" title \"90% of paths\"")
        s.add("plot " + clauses.joined(separator: ", \\\n     "))
        return Chart(name: "fan-\(id)", kind: .fan, title: capitalized(title),
                     caption: "\(capitalized(title)) (\(scale.unit)): \(what). Line: median over paths (each strategy its own "
                         + "dash pattern and symbol); dark band: the central 50% of paths; light band: the central 90%"
                         + (!perMonth && run.storedTargets.first?.contains(where: { $0.kpi == id && $0.period != "by_year" }) == true
                            ? "; dotted line: the scenario's target." : "."),
                     width: 960, height: 600, body: s.text, subject: id,
                     scales: ["": DisplayScale(factor: scale.factor, unit: perMonth ? "\(scale.unit) per month" : scale.unit)])
    }

    static func capitalized(_ s: String) -> String {
        guard let first = s.first else { return s }
        return first.uppercased() + s.dropFirst()
    }
}
