import Foundation

/// How a swept value is spelled in a `--set` override and in the sweep's tables.
public enum ValueText {
    /// `value` at 12 significant digits, so that designs drawn on the unit cube give short,
    /// exactly re-readable values (0.30000000000000004 becomes 0.3).
    public static func rounded(_ value: Double) -> Double {
        guard value.isFinite else { return value }
        let r = Double(String(format: "%.12g", value)) ?? value
        return r == 0 ? 0 : r                                   // no "-0"
    }

    /// Plain decimal text that YAML reads back as exactly `value`: integers without a point
    /// (`150`), others in positional notation without an exponent (`0.00001`, `-0.25`).
    public static func text(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        let shortest = "\(value)"
        guard shortest.contains("e") else { return shortest }
        return "\(Decimal(string: shortest) ?? Decimal(value))"
    }
}
