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

    /// A string literal holding `s` verbatim, safe to place anywhere in a gnuplot command.
    ///
    /// It is single-quoted: gnuplot expands back-quoted shell commands (`` `cmd` ``) inside
    /// double-quoted strings, and `@name` macros and escapes only outside single quotes, so
    /// a single-quoted string is inert text. A quote inside it is doubled (`''`, gnuplot's
    /// only escape in single quotes); line breaks, tabs and other control characters become
    /// spaces, so that text from a scenario can never end the string or the command.
    static func string(_ s: String) -> String {
        var out = "'"
        for scalar in s.unicodeScalars {
            switch scalar {
            case "'": out += "''"
            default:
                if isControl(scalar) { out += " " } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out + "'"
    }

    /// Two lines of title text, `first` over `second`: two single-quoted literals joined by
    /// gnuplot's string concatenation around a double-quoted line break (`'a'."\n".'b'`).
    static func lines(_ first: String, _ second: String) -> String {
        string(first) + ".\"\\n\"." + string(second)
    }

    /// A quoted text cell for a data block (`$name << EOD`), such as a point label. gnuplot
    /// reads data-block lines as data, never as commands (no back-quote or macro expansion),
    /// and its data reader knows only double-quoted cells, so the text is double-quoted with
    /// its own double quotes turned into single ones and control characters into spaces.
    static func dataText(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            if scalar == "\"" { out += "'" } else if isControl(scalar) { out += " " } else { out.unicodeScalars.append(scalar) }
        }
        return out + "\""
    }

    /// C0 controls, DEL, the C1 controls (U+0080-U+009F) and the Unicode line and paragraph
    /// separators: never written into a script.
    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
            || scalar.value == 0x2028 || scalar.value == 0x2029
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
