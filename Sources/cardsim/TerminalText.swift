/// Text bound for the terminal with its control characters made visible.
///
/// Scenario, strategy and competitor names are the user's data: a name holding an escape
/// sequence (a window title, a screen clear, a cursor move) must not act on the terminal it is
/// printed to. Every line the command line prints goes through `safe`: each control character
/// (Unicode general category Cc) other than line feed and tab becomes `\u{XX}`, so
/// "\u{1B}]0;title\u{07}" prints as the literal text `\u{1B}]0;title\u{07}`. The progress bar's own
/// escape sequences are written separately (`StandardError.writeControl`).
enum TerminalText {
    static func safe(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isUnsafe) else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            if isUnsafe(scalar) {
                out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    private static func isUnsafe(_ s: Unicode.Scalar) -> Bool {
        s.properties.generalCategory == .control && s != "\n" && s != "\t"
    }
}

/// Standard output of the command line: `Swift.print` with the text made safe for a terminal
/// (`TerminalText.safe`). It shadows `Swift.print` throughout this module, so no command can
/// print a name raw.
func print(_ items: Any..., separator: String = " ", terminator: String = "\n") {
    Swift.print(TerminalText.safe(items.map { "\($0)" }.joined(separator: separator)), terminator: terminator)
}
