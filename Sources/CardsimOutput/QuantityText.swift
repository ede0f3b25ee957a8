import Foundation

/// Numbers as people read them in a terminal: `1.23M`, `45.6K`, `63.2%`.
///
/// For display only; files always hold full-precision values.
public enum QuantityText {
    /// `x` with `digits` significant digits and a K (10^3), M (10^6) or B (10^9) suffix.
    /// Zero is `0`; magnitudes below 1 keep up to `digits` significant digits (`0.0123`).
    public static func compact(_ x: Double, digits: Int = 3) -> String {
        guard x.isFinite else { return x.description }
        if x == 0 { return "0" }
        let suffixes: [(Double, String)] = [(1e9, "B"), (1e6, "M"), (1e3, "K"), (1, "")]
        for (i, (scale, suffix)) in suffixes.enumerated() where abs(x) >= scale || i == suffixes.count - 1 {
            let text = significant(x / scale, digits: digits)
            // Rounding may carry into the next scale (999.6K -> 1000K): use the larger suffix.
            if i > 0, let v = Double(text), abs(v) >= 1000 {
                return significant(x / suffixes[i - 1].0, digits: digits) + suffixes[i - 1].1
            }
            return text + suffix
        }
        return x.description
    }

    /// A fraction as a percentage with `digits` significant digits, at most 2 decimals
    /// (`0.6321` -> `63.2%`, `0.0185` -> `1.85%`, `0.00004` -> `0.00%`).
    public static func percent(_ x: Double, digits: Int = 3) -> String {
        guard x.isFinite else { return x.description }
        let p = x * 100
        if p == 0 { return "0%" }
        let magnitude = Int(floor(log10(abs(p))))
        let decimals = min(2, max(0, digits - 1 - magnitude))
        return String(format: "%.\(decimals)f%%", p)
    }

    /// `x` rounded to `digits` significant digits, without exponent.
    static func significant(_ x: Double, digits: Int) -> String {
        if x == 0 { return "0" }
        let magnitude = Int(floor(log10(abs(x))))
        let decimals = max(0, digits - 1 - magnitude)
        let text = String(format: "%.\(decimals)f", x)
        // Rounding up to the next power of ten (0.9996 -> 1.000) adds a digit: drop one.
        if decimals > 0, let v = Double(text), abs(v) >= pow(10, Double(magnitude + 1)) {
            return String(format: "%.\(decimals - 1)f", x)
        }
        return text
    }

    /// `mean ± se` rounded to what the standard error supports: the mean to the decimal place of
    /// the standard error's second significant digit, both with the same K/M/B suffix, then the
    /// unit (`134.7M ± 4.7M yuan`; fractions as percentages, `2.81% ± 0.05%`). Without a finite
    /// standard error the mean has 3 significant digits and no `±`.
    public static func withError(_ mean: Double, _ se: Double?, unit: String) -> String {
        let fraction = unit.hasPrefix("fraction")
        let tail = fraction ? (unit == "fraction" ? "" : unit.replacingOccurrences(of: "fraction", with: "")) : (unit.isEmpty ? "" : " " + unit)
        guard mean.isFinite else { return mean.description }
        guard let se, se.isFinite, se > 0 else { return (fraction ? percent(mean) : compact(mean)) + tail }
        let (m, e) = fraction ? (mean * 100, se * 100) : (mean, se)
        let largest = max(abs(m), e)
        let (scale, suffix): (Double, String) = fraction ? (1, "%")
            : largest >= 1e9 ? (1e9, "B") : largest >= 1e6 ? (1e6, "M") : largest >= 1e3 ? (1e3, "K") : (1, "")
        let place = Int(floor(log10(e / scale))) - 1
        let decimals = max(0, -place)
        func show(_ x: Double) -> String { String(format: "%.\(decimals)f", x / scale) + suffix }
        return "\(show(m)) ± \(show(e))" + tail
    }
}
