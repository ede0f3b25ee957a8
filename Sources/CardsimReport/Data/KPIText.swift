import CardsimEngine

/// How KPIs are named and scaled on charts and in tables.
public enum KPIText {
    /// The headline KPIs (`KPI.headline`): the default selection of fan and comparison charts
    /// and the rows of the terminal results table.
    public static let headline: [String] = KPI.headline.map(\.id)

    /// A KPI's name for people: `net income`, `active-card rate` (`KPI.label`).
    public static func label(_ id: String) -> String { KPI.label(id) }

    /// A P&L line's short name on a waterfall: `interest`, `credit losses`; for ids the
    /// catalogue does not hold, the id without its `_income`/`_cost` suffix.
    public static func lineLabel(_ id: String) -> String {
        if let l = KPI.named(id)?.profitLine?.label { return l }
        var s = id
        for suffix in ["_income", "_cost"] where s.hasSuffix(suffix) { s.removeLast(suffix.count) }
        return s.replacingOccurrences(of: "_", with: " ")
    }

    /// The P&L lines among `ids` (the catalogue's `profitLine`), with their sign in net income,
    /// in the order given. Totals (`revenue`, `net_income`, `npv`) and ratios are not lines.
    public static func profitLines(_ ids: [String]) -> [(id: String, sign: Double)] {
        ids.compactMap { id in KPI.named(id)?.profitLine.map { (id, $0.sign) } }
    }
}

/// A unit for display: values are multiplied by `factor` and labelled `unit`.
public struct DisplayScale: Sendable, Equatable {
    public var factor: Double
    public var unit: String

    /// The scale for values of a KPI `unit` whose largest magnitude is `largest`: percentages
    /// for fractions; thousands, millions or billions for counts and money.
    /// The scale of a difference of a KPI in `unit`: rates differ in percentage points (`pp`,
    /// `pp a year`), everything else as `of(unit:largest:)`.
    public static func difference(unit: String, largest: Double) -> DisplayScale {
        switch unit {
        case "fraction": return DisplayScale(factor: 100, unit: "pp")
        case "fraction per year": return DisplayScale(factor: 100, unit: "pp a year")
        default: return of(unit: unit, largest: largest)
        }
    }

    public static func of(unit: String, largest: Double) -> DisplayScale {
        switch unit {
        case "fraction": return DisplayScale(factor: 100, unit: "%")
        case "fraction per year": return DisplayScale(factor: 100, unit: "% a year")
        default:
            let m = abs(largest)
            if m >= 1e9 { return DisplayScale(factor: 1e-9, unit: "billion \(unit)") }
            if m >= 1e6 { return DisplayScale(factor: 1e-6, unit: "million \(unit)") }
            if m >= 1e4 { return DisplayScale(factor: 1e-3, unit: "thousand \(unit)") }
            return DisplayScale(factor: 1, unit: unit)
        }
    }
}
