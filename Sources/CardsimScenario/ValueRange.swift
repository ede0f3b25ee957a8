/// The allowed values of a numeric field.
struct NumberRange: Equatable {
    var minimum: Double?
    var maximum: Double?
    var minimumExclusive = false
    var maximumExclusive = false

    /// [0, 1]: probabilities, shares and rates given as fractions.
    static let fraction = NumberRange(minimum: 0, maximum: 1)
    /// [0, 1): probabilities that must leave room for something else.
    static let fractionBelowOne = NumberRange(minimum: 0, maximum: 1, maximumExclusive: true)
    /// [0, +inf).
    static let nonNegative = NumberRange(minimum: 0)
    /// (0, +inf).
    static let positive = NumberRange(minimum: 0, minimumExclusive: true)

    static func closed(_ low: Double, _ high: Double) -> NumberRange { NumberRange(minimum: low, maximum: high) }
    static func atLeast(_ low: Double) -> NumberRange { NumberRange(minimum: low) }

    func contains(_ value: Double) -> Bool {
        if let minimum, minimumExclusive ? value <= minimum : value < minimum { return false }
        if let maximum, maximumExclusive ? value >= maximum : value > maximum { return false }
        return true
    }

    /// Rates are fractions: a value in (max, 100] with max <= 1 was probably written as a percentage.
    var acceptsPercentageHint: Bool { (maximum ?? .infinity) <= 1 }

    /// "from 0 to 1", "at least 0", "greater than 0 and at most 1", ...
    var phrase: String {
        let low = minimum.map(NumberText.format)
        let high = maximum.map(NumberText.format)
        switch (low, high) {
        case let (low?, high?) where !minimumExclusive && !maximumExclusive: return "from \(low) to \(high)"
        case let (low?, high?):
            return (minimumExclusive ? "greater than \(low)" : "at least \(low)")
                + " and " + (maximumExclusive ? "below \(high)" : "at most \(high)")
        case let (low?, nil): return minimumExclusive ? "greater than \(low)" : "at least \(low)"
        case let (nil, high?): return maximumExclusive ? "below \(high)" : "at most \(high)"
        case (nil, nil): return "any finite number"
        }
    }

    /// Interval notation for the parameter guide: "[0, 1]", "(0, inf)".
    var interval: String {
        let low = minimum.map(NumberText.format) ?? "-inf"
        let high = maximum.map(NumberText.format) ?? "inf"
        let open = (minimum == nil || minimumExclusive) ? "(" : "["
        let close = (maximum == nil || maximumExclusive) ? ")" : "]"
        return "\(open)\(low), \(high)\(close)"
    }
}

/// The allowed values of an integer field (both ends inclusive).
struct IntegerRange: Equatable {
    var minimum: Int?
    var maximum: Int?

    static func closed(_ low: Int, _ high: Int) -> IntegerRange { IntegerRange(minimum: low, maximum: high) }
    static func atLeast(_ low: Int) -> IntegerRange { IntegerRange(minimum: low) }

    func contains(_ value: Int) -> Bool {
        if let minimum, value < minimum { return false }
        if let maximum, value > maximum { return false }
        return true
    }

    var phrase: String {
        switch (minimum, maximum) {
        case let (low?, high?): return "from \(low) to \(high)"
        case let (low?, nil): return "at least \(low)"
        case let (nil, high?): return "at most \(high)"
        case (nil, nil): return "any integer"
        }
    }

    var interval: String {
        let low = minimum.map(String.init) ?? "-inf"
        let high = maximum.map(String.init) ?? "inf"
        return (minimum == nil ? "(" : "[") + "\(low), \(high)" + (maximum == nil ? ")" : "]")
    }
}
