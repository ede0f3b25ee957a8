/// One chart: what it shows and the gnuplot commands that draw it, data included.
public struct Chart: Sendable {
    public enum Kind: String, Sendable {
        case fan, comparison, waterfall, delinquency, funnel, vintage, tornado, calibration, power
    }

    /// File name without extension: `fan-npv`, `comparison`, `waterfall-1`.
    public var name: String
    public var kind: Kind
    /// The chart's title in one line, for listings and captions.
    public var title: String
    /// What the chart shows and how to read it, one or two sentences.
    public var caption: String
    /// Size in pixels (PDF pages are this size at 96 pixels per inch).
    public var width: Int
    public var height: Int
    /// The commands after `set terminal`: style, data blocks and the plot.
    public var body: String
    /// What the chart is about: the KPI of a fan chart, the challenger of a waterfall.
    public var subject: String? = nil
    /// The display scales used, by KPI id ("" for the chart's one scale), so that a notebook
    /// redraws the chart in the same units.
    public var scales: [String: DisplayScale] = [:]
    /// Font size in points; nil = the format's default (`ChartFormat.terminal`).
    public var fontSize: Int? = nil

    /// The whole script for `format`: read by gnuplot from standard input, it writes the chart
    /// to standard output.
    public func script(_ format: ChartFormat) -> String {
        "# cardsim chart \(name): gnuplot 5 script with its data inline; gnuplot < \(name).gp > \(name).\(format.fileExtension)\n"
            + "set encoding utf8\n" + format.terminal(width: width, height: height, fontSize: fontSize) + "\n" + body
    }

    /// The data the chart draws, as CSV: one row per data row of each inline block
    /// (`block,row,c1,c2,...`, numbers as the script holds them, `NaN` for a gap); the columns
    /// are those the `plot` commands read (their `using` clauses in `NAME.gp`).
    public var dataCSV: String {
        var rows: [[String]] = []
        var block: String? = nil, index = 0
        for line in body.split(separator: "\n", omittingEmptySubsequences: false) {
            if let name = block {
                if line == "EOD" { block = nil; continue }
                index += 1
                rows.append([name, String(index)] + line.split(separator: " ").map(String.init))
            } else if line.hasPrefix("$"), line.hasSuffix(" << EOD") {
                block = String(line.dropFirst().dropLast(7)); index = 0
            }
        }
        let width = rows.map(\.count).max() ?? 2
        var out = (["block", "row"] + (0..<max(0, width - 2)).map { "c\($0 + 1)" }).joined(separator: ",") + "\n"
        for r in rows { out += r.joined(separator: ",") + "\n" }
        return out
    }
}

/// Style shared by every chart.
enum ChartStyle {
    static func common(_ script: inout GnuplotScript) {
        script.add("set border 3 lw 1 lc rgb \"#444444\"")
        script.add("set tics nomirror out")
        script.add("set grid ytics lw 1 lc rgb \"#E0E0E0\"")
        script.add("set key noautotitle")
        script.add("set datafile missing \"NaN\"")
    }
}
