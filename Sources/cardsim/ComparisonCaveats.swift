import CardsimAnalysis
import CardsimEngine
import CardsimOutput
import Foundation

/// What the comparison tables say about figures that are absent or not to be trusted: the
/// `?` marks and footnotes of unreliable intervals, "n/a" for figures that do not exist, the
/// caveat of tail figures from few paths, the horizon of totals, and variance reductions
/// rounded to what their uncertainty supports.
enum ComparisonCaveats {
    /// Shown for a figure that does not exist (one path, no bad accounts).
    static let absent = "n/a"

    /// Fewest paths for a 5% quantile or expected shortfall to be more than the worst path or two.
    static let tailPaths = 20

    /// The footnote of the levels and differences tables with one path.
    static let onePath = "n/a: one path, so no standard error or confidence interval"

    /// `95% CI` cell of a paired difference: the interval, `n/a` without one, and a trailing
    /// `?` when it cannot be trusted.
    static func intervalCell(_ d: PairedDifference, _ show: (Double) -> String) -> String {
        guard let low = d.difference.low, let high = d.difference.high else { return absent }
        let cell = "[\(show(low)), \(show(high))]"
        return d.reliability.isReliable ? cell : cell + "?"
    }

    /// The footnotes of the unreliable intervals (with two paths or more), one per reason:
    /// `? label: interval not reliable, reason; about N paths needed`, or with several KPIs
    /// sharing the reason, `? 3 KPIs: interval not reliable, reason: label, label, label`.
    static func footnotes(_ differences: [PairedDifference], paths: Int, label: (Int) -> String) -> [String] {
        guard paths > 1 else { return [onePath] }
        var order: [String] = []
        var labels: [String: [String]] = [:]
        for (k, d) in differences.enumerated() {
            guard let reason = d.reliability.reason else { continue }
            let text = reason + (d.reliability.pathsNeeded.map { "; about \($0) paths needed" } ?? "")
            if labels[text] == nil { order.append(text) }
            labels[text, default: []].append(label(k))
        }
        return order.map { text in
            let names = labels[text]!
            return names.count == 1
                ? "? \(names[0]): interval not reliable, \(text)"
                : "? \(names.count) KPIs: interval not reliable, \(text): \(names.joined(separator: ", "))"
        }
    }

    /// `5-year` for 60 months, `18-month` otherwise: the horizon of totals over the run.
    static func horizon(months: Int) -> String {
        months % 12 == 0 ? "\(months / 12)-year" : "\(months)-month"
    }

    /// A total over the run says its horizon (`5-year net income`); other KPIs keep their name.
    static func horizonLabel(_ kpi: KPI, _ name: String, months: Int) -> String {
        kpi.kind == .flow ? "\(horizon(months: months)) \(name)" : name
    }

    /// The caveat of the NPV risk table below `tailPaths` paths; nil from there on.
    static func tailCaveat(paths: Int) -> String? {
        guard paths < tailPaths else { return nil }
        return "caveat: with \(paths) paths (fewer than \(tailPaths)) the 5% quantile and expected shortfall rest on the worst one or two paths; treat them as rough"
    }

    /// A variance reduction with the significant digits its uncertainty supports: 2, or 1
    /// below `tailPaths` paths (its ratio of two sample variances is uncertain by ± 30% and more).
    static func varianceReduction(_ x: Double?, paths: Int) -> String {
        guard let x, x.isFinite, x != 0 else { return x.map { QuantityText.compact($0) + "x" } ?? "-" }
        let digits = paths < tailPaths ? 1 : 2
        let scale = pow(10, floor(log10(abs(x))) - Double(digits - 1))
        return QuantityText.compact((x / scale).rounded() * scale, digits: digits) + "x"
    }
}
