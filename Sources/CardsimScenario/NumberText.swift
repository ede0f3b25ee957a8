import Foundation

/// Number formatting for messages, documentation and JSON, and the percentage hint.
enum NumberText {
    /// Shortest text that reads back as the same Double; integral values without ".0".
    static func format(_ value: Double) -> String {
        if value.isNaN { return ".nan" }
        if value.isInfinite { return value > 0 ? ".inf" : "-.inf" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }

    /// A computed value (e.g. a sum of shares) at 12 significant digits, so that
    /// 0.8999999999999999 reads as 0.9.
    static func rounded(_ value: Double) -> String {
        guard value.isFinite else { return format(value) }
        return format(Double(String(format: "%.12g", value)) ?? value)
    }

    /// `text` divided by 100, written by moving the decimal point so that "18.25" gives
    /// "0.1825" exactly; nil when `text` is not a plain decimal numeral.
    static func dividedByHundred(_ text: String) -> String? {
        var body = text.replacingOccurrences(of: "_", with: "")
        if body.hasPrefix("+") { body.removeFirst() }
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, let whole = parts.first,
              whole.allSatisfy(\.isASCIIDigit), (parts.count == 1 || parts[1].allSatisfy(\.isASCIIDigit)),
              !(whole.isEmpty && (parts.count == 1 || parts[1].isEmpty)) else { return nil }
        let fraction = parts.count == 2 ? String(parts[1]) : ""
        var digits = String(repeating: "0", count: 2) + whole + fraction
        let point = digits.count - fraction.count - 2
        var integerPart = String(digits.prefix(point))
        var fractionPart = String(digits.dropFirst(point))
        while integerPart.count > 1, integerPart.first == "0" { integerPart.removeFirst() }
        while fractionPart.last == "0" { fractionPart.removeLast() }
        digits = fractionPart.isEmpty ? integerPart : integerPart + "." + fractionPart
        return digits.isEmpty ? "0" : digits
    }
}

private extension Character {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
