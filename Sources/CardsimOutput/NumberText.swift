/// How numbers are spelled in output files.
///
/// Doubles use Swift's shortest round-trip spelling (`Double.description`), so reading a value
/// back with `Double(_:)` gives the same bits; integers are written as integers.
enum NumberText {
    /// The shortest text that reads back as exactly `x` (`"0.30000000000000004"`, `"1e-300"`,
    /// `"-0.0"`, `"nan"`, `"inf"`).
    @inline(__always)
    static func double(_ x: Double) -> String { x.description }

    /// An amount in fen as yuan with exactly two decimals (`12345` -> `"123.45"`, `-5` ->
    /// `"-0.05"`): exact, unlike a division by 100 in floating point.
    static func yuan(fen: Int64) -> String {
        let magnitude = fen.magnitude
        let cents = magnitude % 100
        return (fen < 0 ? "-" : "") + "\(magnitude / 100)." + (cents < 10 ? "0" : "") + "\(cents)"
    }

    /// The fen of a yuan amount written by `yuan(fen:)`; nil for any other text.
    static func fen<S: StringProtocol>(yuan text: S) -> Int64? {
        let negative = text.hasPrefix("-")
        let body = negative ? text.dropFirst() : text[...]
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[1].count == 2, !parts[0].isEmpty,
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let whole = Int64(parts[0]), whole >= 0, let cents = Int64(parts[1]) else { return nil }
        let (scaled, overflow) = whole.multipliedReportingOverflow(by: 100)
        guard !overflow, scaled <= Int64.max - cents else { return nil }
        return negative ? -(scaled + cents) : scaled + cents
    }
}
