import Foundation

/// A gnuplot script under construction: commands, and data inline as named data blocks
/// (`$name << EOD … EOD`), so that one script read from standard input draws the chart
/// without temporary files.
struct GnuplotScript {
    private(set) var text = ""

    /// Appends one command line.
    mutating func add(_ line: String) { text += line + "\n" }

    /// Appends a data block of numeric rows; `nil` cells are written as `NaN` (not drawn).
    mutating func data(_ name: String, _ rows: [[Double?]]) {
        text += "$\(name) << EOD\n"
        for row in rows { text += row.map { $0.map(GnuplotScript.number) ?? "NaN" }.joined(separator: " ") + "\n" }
        text += "EOD\n"
    }

    /// A double-quoted string literal holding `s` verbatim. Backslashes and quotes are escaped;
    /// line breaks, tabs and other control characters become spaces, so that text from a
    /// scenario can never end the string or the command.
    static func string(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F { out += " " } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out + "\""
    }

    /// Two lines of title text, `first` over `second`, as one string literal.
    static func lines(_ first: String, _ second: String) -> String {
        let a = string(first), b = string(second)
        return String(a.dropLast()) + "\\n" + String(b.dropFirst())
    }

    /// A number for gnuplot: integers as integers, others to 10 significant digits (far
    /// beyond what a chart shows, and short of the last bits that differ with the order of
    /// floating-point sums).
    static func number(_ x: Double) -> String {
        guard x.isFinite else { return "NaN" }
        if x == x.rounded(), abs(x) < 1e15 { return String(Int64(x)) }
        return String(format: "%.10g", x)
    }

    /// A colour as `0xRRGGBB`, for `lc rgb variable` columns.
    static func colourValue(_ hex: String) -> Double {
        Double(UInt32(hex.dropFirst(), radix: 16) ?? 0)
    }
}

/// Colours of strategies (champion first; Okabe-Ito, distinguishable with colour-blindness)
/// and of chart elements.
enum Palette {
    static let strategies = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#999933"]
    static func strategy(_ s: Int) -> String { strategies[s % strategies.count] }
    static let positive = "#009E73"
    static let negative = "#D55E00"
    static let total = "#0072B2"
    static let band = "#888888"
    static let zero = "#777777"
    /// Delinquency buckets 1-29 … 150-179 days, light to dark.
    static let buckets = ["#FEE391", "#FEC44F", "#FE9929", "#EC7014", "#CC4C02", "#8C2D04"]
}
