/// Vintage curves of the champion: the share of each acquisition year's accounts ever 90+
/// days past due (the "bad rate") against months on book, mean over paths, one line per year.
enum VintageChart {
    /// The chart, or nil when the run has no vintage tables or booked no account.
    static func make(_ run: RunData) -> Chart? {
        let curves = run.vintageCurves(0).filter { $0.shares.contains { $0 != nil } }
        guard !curves.isEmpty else { return nil }
        let longest = curves.map(\.shares.count).max() ?? 1

        var s = GnuplotScript()
        ChartStyle.common(&s)
        s.add("set title " + GnuplotScript.lines("Vintage curves: accounts ever 90+ days past due",
              "\(run.strategyNames[0]), by year of acquisition, mean over \(run.paths) paths"))
        s.add("set xlabel \"months on book\"")
        s.add("set ylabel \"% of the vintage's accounts\"")
        s.add(longest > 1 ? "set xrange [0:\(longest - 1)]" : "set xrange [-0.5:0.5]")
        s.add("set yrange [0:*]")
        s.add("set key inside left top vertical")
        var clauses: [String] = []
        for (i, curve) in curves.enumerated() {
            s.data("y\(i)", curve.shares.enumerated().map { m, share in [Double(m), share.map { $0 * 100 }] })
            let style = curve.shares.count > 1 ? "with lines lw 2.5" : "with points pt 7 ps 1.2"
            let months = curve.firstMonth == curve.lastMonth ? "month \(curve.firstMonth)" : "months \(curve.firstMonth)-\(curve.lastMonth)"
            clauses.append("$y\(i) using 1:2 \(style) lc rgb \"\(Palette.strategy(i))\" title "
                           + GnuplotScript.string("year \(curve.year) (\(months))"))
        }
        s.add("plot " + clauses.joined(separator: ", \\\n     "))
        return Chart(name: "vintages", kind: .vintage, title: "Vintage curves: accounts ever 90+ days past due",
                     caption: "The share of the champion's accounts booked in each year of the run that have been 90+ days "
                         + "past due, by months on book (mean over paths): the bad rate practitioners draw for vintages. "
                         + "A year's later quarters are observed for fewer months: beyond, the curve adds the new 90+ "
                         + "accounts of its earlier quarters per account they booked.",
                     width: 960, height: 600, body: s.text)
    }
}
