/// Past-due receivables by delinquency bucket over months, stacked, one panel per strategy.
enum DelinquencyChart {
    static let bucketNames = ["1-29 days", "30-59 days", "60-89 days", "90-119 days", "120-149 days", "150-179 days"]

    static func make(_ run: RunData) -> Chart {
        let shares = run.bucketShares()
        let count = shares.count
        let columns = count > 1 ? 2 : 1
        let rows = (count + columns - 1) / columns
        let height = count > 1 ? 110 + 330 * rows : 600

        var s = GnuplotScript()
        ChartStyle.common(&s)
        let heading = GnuplotScript.lines("Past-due receivables by delinquency bucket",
                                          "share of receivables at month end, mean over \(run.paths) paths; current balances not shown")
        s.add("set multiplot layout \(rows),\(columns) title \(heading)")
        s.add("set xlabel \"month\"")
        s.add("set ylabel \"% of receivables\"")
        s.add(run.months > 1 ? "set xrange [1:\(run.months)]" : "set xrange [0.5:1.5]")
        s.add("set yrange [0:*]")
        s.add("set key outside right top vertical")
        // The key sits beside the first panel; the same right margin on every panel keeps them
        // equally wide.
        if count > 1 { s.add("set rmargin 17") }
        for (i, strategy) in shares.enumerated() {
            s.add("set title " + GnuplotScript.string(run.strategyNames[i]))
            // Columns: month, then the running sum over buckets 1…6, in percent.
            s.data("b\(i)", strategy.enumerated().map { t, buckets in
                var row: [Double?] = [Double(t + 1)]
                var sum = 0.0
                for b in 1..<min(buckets.count, bucketNames.count + 1) { sum += buckets[b] * 100; row.append(sum) }
                return row
            })
            let bands = (1...bucketNames.count).map { b -> String in
                let lower = b == 1 ? "(0)" : "\(b)"
                let title = i == 0 ? " title " + GnuplotScript.string(bucketNames[b - 1]) : ""
                return "$b\(i) using 1:\(lower):\(b + 1) with filledcurves fs solid 0.9 noborder lc rgb \"\(Palette.buckets[b - 1])\"\(title)"
            }
            s.add("plot " + bands.reversed().joined(separator: ", \\\n     "))
        }
        s.add("unset multiplot")
        return Chart(name: "delinquency", kind: .delinquency, title: "Past-due receivables by delinquency bucket",
                     caption: "Receivables 1-29, 30-59, …, 150-179 days past due as a share of all receivables at month end "
                         + "(mean over paths), stacked; the top of the stack is the share past due, the part from 30 days "
                         + "up is the overdue rate.",
                     width: 960, height: height, body: s.text)
    }
}
