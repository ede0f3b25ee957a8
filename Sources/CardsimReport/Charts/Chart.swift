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

    /// The whole script for `format`: read by gnuplot from standard input, it writes the chart
    /// to standard output.
    public func script(_ format: ChartFormat) -> String {
        "# cardsim chart \(name): gnuplot 5 script with its data inline; gnuplot < \(name).gp > \(name).\(format.fileExtension)\n"
            + "set encoding utf8\n" + format.terminal(width: width, height: height) + "\n" + body
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
