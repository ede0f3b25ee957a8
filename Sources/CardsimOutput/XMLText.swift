/// Text for XML written by cardsim (JUnit reports, spreadsheet workbooks): one escaper.
public enum XMLText {
    /// Text for an XML attribute or element: markup characters as entities, tab, newline and
    /// return as character references, characters XML 1.0 cannot hold (other control
    /// characters, U+FFFE, U+FFFF) as U+FFFD.
    public static func escape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\t", "\n", "\r": out += "&#\(scalar.value);"
            default:
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF {
                    out += "\u{FFFD}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }
}
