import CardsimOutput

/// KPI values as people read them: `54.7M yuan`, `52.7%`, `1.42% a year`.
enum ValueText {
    /// `x` in KPI unit `unit`.
    static func value(_ x: Double, unit: String, digits: Int = 3) -> String {
        switch unit {
        case "fraction": return QuantityText.percent(x, digits: digits)
        case "fraction per year": return QuantityText.percent(x, digits: digits) + " a year"
        default: return QuantityText.compact(x, digits: digits) + (unit.isEmpty ? "" : " " + unit)
        }
    }

    /// A difference, with its sign: `+1.2M yuan`, `-0.35%` (percentage points for fractions).
    static func difference(_ x: Double, unit: String, digits: Int = 3) -> String {
        let sign = x > 0 ? "+" : x < 0 ? "\u{2212}" : ""
        switch unit {
        case "fraction", "fraction per year":
            return sign + QuantityText.percent(abs(x), digits: digits).replacingOccurrences(of: "%", with: " pp")
        default:
            return sign + QuantityText.compact(abs(x), digits: digits) + (unit.isEmpty ? "" : " " + unit)
        }
    }

    /// A number without unit, compact: `1.2M`, `52.7%` for fractions.
    static func bare(_ x: Double, unit: String, digits: Int = 3) -> String {
        guard !x.isNaN else { return "n/a" }
        return unit.hasPrefix("fraction") ? QuantityText.percent(x, digits: digits) : QuantityText.compact(x, digits: digits)
    }

    /// `[low, high]` of an interval in the unit of a difference.
    static func interval(_ e: PathEstimate, unit: String) -> String {
        guard let low = e.low, let high = e.high else { return "n/a (one path)" }
        return "[\(difference(low, unit: unit)), \(difference(high, unit: unit))]"
    }
}
