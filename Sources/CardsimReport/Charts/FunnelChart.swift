import CardsimOutput

/// The acquisition and activation funnel: applications, new accounts and first swipes over the
/// horizon (left), and applications by channel (right), one colour per strategy.
enum FunnelChart {
    static func make(_ run: RunData) -> Chart {
        let n = run.strategyNames.count
        let funnels = (0..<n).map { run.funnel($0) }
        let channels = run.applicationsByChannel()
        let largest = funnels.map { max($0.applications, $0.newAccounts, $0.activations) }.max() ?? 0
        let scale = DisplayScale.of(unit: "", largest: largest)
        let unit = scale.unit.trimmingCharacters(in: .whitespaces)
        let width = 0.8 / Double(n)
        func x(_ group: Int, _ s: Int) -> Double { Double(group) + (Double(s) - Double(n - 1) / 2) * width }

        var s = GnuplotScript()
        ChartStyle.common(&s)
        s.add("set multiplot layout 1,2 title " + GnuplotScript.lines(
            "Acquisition and activation funnel",
            "whole region over \(run.months) months, mean over \(run.paths) paths"))
        s.add("set style fill solid 0.85 noborder")
        s.add("set yrange [0:*]")
        s.add("set offsets 0, 0, graph \(n > 1 ? "0.3" : "0.12"), 0")
        s.add("set key outside bottom center horizontal")

        // Left: funnel stages. Rows: x, value, half width, colour; labels: x, value, text.
        s.add("set title \"Funnel\"")
        s.add("set ylabel " + GnuplotScript.string(unit.isEmpty ? "count" : "\(unit)s"))
        s.add("set xrange [-0.6:2.6]")
        s.add("set xtics (\"applications\" 0, \"new accounts\" 1, \"first swipes\" 2)")
        var rows: [[Double?]] = []
        var labels: [String] = []
        for (i, f) in funnels.enumerated() {
            for (g, v) in [f.applications, f.newAccounts, f.activations].enumerated() {
                rows.append([x(g, i), v * scale.factor, width / 2, GnuplotScript.colourValue(Palette.strategy(i))])
                let share = f.applications > 0 ? v / f.applications : 0
                let text = g == 0 ? QuantityText.compact(v) : "\(QuantityText.compact(v)) (\(QuantityText.percent(share, digits: 2)))"
                labels.append("\(GnuplotScript.number(x(g, i))) \(GnuplotScript.number(v * scale.factor)) \(GnuplotScript.dataText(text))")
            }
        }
        s.data("f", rows)
        s.add("$fl << EOD\n" + labels.joined(separator: "\n") + "\nEOD")
        var clauses = ["$f using 1:($2/2):3:($2/2):4 with boxxyerror lc rgb variable",
                       n > 1 ? "$fl using 1:2:3 with labels rotate by 90 left offset 0,0.5 font \",9\""
                           : "$fl using 1:2:3 with labels offset 0,0.7 font \",9\""]
        for i in 0..<n {
            clauses.append("keyentry with boxes lc rgb \"\(Palette.strategy(i))\" title " + GnuplotScript.string(run.strategyNames[i]))
        }
        s.add("plot " + clauses.joined(separator: ", \\\n     "))

        // Right: applications by channel.
        s.add("set title \"Applications by channel\"")
        s.add("set xrange [-0.6:\(GnuplotScript.number(Double(channels.channels.count) - 0.4))]")
        let tics = channels.channels.enumerated().map { c, name in GnuplotScript.string(name) + " \(c)" }
        s.add("set xtics (" + tics.joined(separator: ", ") + ")")
        var channelRows: [[Double?]] = []
        for (i, counts) in channels.counts.enumerated() {
            for (c, v) in counts.enumerated() {
                channelRows.append([x(c, i), v * scale.factor, width / 2, GnuplotScript.colourValue(Palette.strategy(i))])
            }
        }
        s.data("c", channelRows)
        s.add("plot $c using 1:($2/2):3:($2/2):4 with boxxyerror lc rgb variable")
        s.add("unset multiplot")
        return Chart(name: "funnel", kind: .funnel, title: "Acquisition and activation funnel",
                     caption: "Applications received, new accounts opened (with the share of applications) and first "
                         + "swipes (activations, including cards from before the horizon) over the run, for the whole region; "
                         + "right: applications by acquisition channel.",
                     width: 960, height: 600, body: s.text,
                     scales: ["": DisplayScale(factor: scale.factor, unit: unit.isEmpty ? "count" : "\(unit)s")])
    }
}
