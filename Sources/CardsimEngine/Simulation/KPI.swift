/// A key performance indicator: how to read it off one month of a path, and off a whole path.
///
/// Counts and money are scaled by the agent weight (adults per agent) so that they speak of the
/// whole region; shares and ratios are not. A path's value aggregates its months as
/// `aggregation` says.
public final class KPI: Sendable {
    public enum Aggregation: Sendable {
        /// Sum of the monthly values over the horizon (flows: spend, income, new accounts).
        case total
        /// Value in the last month (stocks and shares: cards in force, active rate).
        case last
        /// Ratio of the summed numerators to the summed denominators over the horizon
        /// (e.g. acquisition cost per new account).
        case ratioOfTotals
    }

    /// Identifier used in files (snake case).
    public let id: String
    /// Unit of the value.
    public let unit: String
    /// One line saying what it measures.
    public let summary: String
    /// Name for people, in tables and on charts: `active-card rate`.
    public let label: String
    /// Which way is better (nil: neither, e.g. a count that is a means, not an end).
    public let direction: KPIDirection?
    /// Kind of quantity: a flow summed over months, a stock read at the end, or a ratio.
    public let kind: Kind
    /// Among the headline KPIs: the rows of the terminal results table and the default charts.
    public let headline: Bool
    /// When the KPI totals one line of the P&L: the line (its short label, sign and value).
    public let profitLine: ProfitLine?
    public let aggregation: Aggregation
    /// Whether counts or money: multiplied by the agent weight.
    public let weighted: Bool
    /// Whether monthly values are discounted (NPV).
    public let discounted: Bool
    /// Numerator and denominator in month index `t` of a path's records (denominator 1 for
    /// plain quantities).
    let parts: @Sendable (_ records: [MonthRecord], _ t: Int) -> (Double, Double)

    init(id: String, unit: String, summary: String, label: String, direction: KPIDirection?, kind: Kind,
         headline: Bool, profitLine: ProfitLine?, aggregation: Aggregation, weighted: Bool, discounted: Bool,
         parts: @escaping @Sendable (_ records: [MonthRecord], _ t: Int) -> (Double, Double)) {
        self.id = id; self.unit = unit; self.summary = summary; self.label = label; self.direction = direction
        self.kind = kind; self.headline = headline; self.profitLine = profitLine; self.aggregation = aggregation
        self.weighted = weighted; self.discounted = discounted; self.parts = parts
    }

    public enum Kind: String, Sendable {
        case flow, stock, ratio
    }

    /// The KPI in month index `t` (0-based) of a path. `discount` multiplies flows (NPV only).
    public func monthly(_ records: [MonthRecord], _ t: Int, weight: Double, discount: Double) -> Double {
        let (n, d) = parts(records, t)
        let scale = (weighted ? weight : 1) * (discounted ? discount : 1)
        if d == 1 { return n * scale }
        return d > 0 ? n / d * scale : 0
    }

    /// The KPI over a whole path (months 1...M), with monthly discount factors.
    public func path(_ records: [MonthRecord], weight: Double, discountFactors: [Double]) -> Double {
        switch aggregation {
        case .total:
            var s = 0.0
            for t in records.indices { s += monthly(records, t, weight: weight, discount: discountFactors[t]) }
            return s
        case .last:
            return records.isEmpty ? 0 : monthly(records, records.count - 1, weight: weight, discount: 1)
        case .ratioOfTotals:
            var n = 0.0, d = 0.0
            for t in records.indices { let (a, b) = parts(records, t); n += a; d += b }
            return d > 0 ? n / d * (weighted ? weight : 1) : 0
        }
    }

    /// Monthly discount factors (1 + r)^(-t/12) for t = 1...months.
    public static func discountFactors(rate: Double, months: Int) -> [Double] {
        (0..<months).map { t in _pow(1 + rate, -Double(t + 1) / 12) }
    }
}

/// Which way a KPI is better, so that "the challenger is better" has a meaning.
public enum KPIDirection: String, Sendable, Equatable {
    case higherIsBetter = "higher"
    case lowerIsBetter = "lower"

    /// +1 when higher is better, -1 when lower is: `sign · difference > 0` favours the challenger.
    public var sign: Double { self == .higherIsBetter ? 1 : -1 }

    /// The direction of KPI `id` from the catalogue; for ids the catalogue does not hold (files
    /// of other versions), guessed from the name (`…_income` higher; `…_cost`, `…_losses` lower).
    public static func of(_ id: String) -> KPIDirection? {
        if let kpi = KPI.named(id) { return kpi.direction }
        if id.hasSuffix("_income") { return .higherIsBetter }
        if id.hasSuffix("_cost") || id.hasSuffix("_losses") { return .lowerIsBetter }
        return nil
    }
}

/// One line of the bank's P&L and its sign in net income: revenue lines add (+1), cost lines
/// subtract (-1), so that for every month
///
///     netIncome = Σ over lines of sign · value
///
/// to floating-point rounding. A line is declared with the KPI that totals it (`KPI.all`); a
/// test checks that the lines name every stored property of `ProfitAndLoss` once.
public struct ProfitLine: Sendable {
    /// Short name for tables and waterfalls: `interest`, `credit losses`.
    public let label: String
    public let sign: Double
    public let value: WritableKeyPath<ProfitAndLoss, Double> & Sendable

    /// The line's contribution to net income in one month: `sign · value`.
    @inline(__always)
    public func contribution(_ pnl: ProfitAndLoss) -> Double { sign * pnl[keyPath: value] }
}
