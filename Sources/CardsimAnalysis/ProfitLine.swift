import CardsimEngine

/// A P&L line with the id of the KPI that totals it, as the attribution lists them.
public struct ProfitLineEntry: Sendable {
    public let id: String
    public let line: ProfitLine
    public var label: String { line.label }
    public var sign: Double { line.sign }
    public var value: WritableKeyPath<ProfitAndLoss, Double> & Sendable { line.value }
    @inline(__always)
    public func contribution(_ pnl: ProfitAndLoss) -> Double { line.contribution(pnl) }
}

extension ProfitLine {
    /// Every P&L line, revenue first, in catalogue order (`KPI.profitLines`).
    public static let all: [ProfitLineEntry] = KPI.profitLines.map { ProfitLineEntry(id: $0.id, line: $0.profitLine!) }
}
