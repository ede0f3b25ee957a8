import CardsimOutput
import CardsimScenario
import Foundation

/// One evaluation of the calibration: the parameter values tried, the distance and every
/// target's model moment. `trace.csv` holds one row per evaluation, in the order asked.
public struct TraceRow: Sendable, Equatable {
    /// 1-based.
    public var number: Int
    /// 1-based start of the optimiser; 0 for the standard errors' evaluations.
    public var start: Int
    public var phase: Phase
    /// The values as written in the `--set` overrides (`ValueText.text`).
    public var valueTexts: [String]
    public var distance: Double
    /// Mean over paths of each target's moment.
    public var model: [Double]

    public enum Phase: String, Sendable {
        case search, jacobian
    }
}

/// `trace.csv`: a header, then one row per evaluation. Doubles are written in their shortest
/// round-trip spelling, so a resumed calibration reads back exactly what was computed.
public enum TraceFile {
    public static let fileName = "trace.csv"

    /// Column name of a target: `active_rate[60]`, `receivables_per_card[49-60]`, `active_rate[all]`.
    public static func column(_ t: CalibrationTarget) -> String {
        switch t.window {
        case .month(let m): return "\(t.kpi)[\(m)]"
        case .months(let a, let b): return "\(t.kpi)[\(a)-\(b)]"
        case .run: return "\(t.kpi)[all]"
        }
    }

    public static func header(_ spec: CalibrationSpec) -> String {
        CSV.record(["evaluation", "start", "phase"] + spec.parameters.map(\.path) + ["distance"] + spec.targets.map(column))
    }

    public static func line(_ row: TraceRow) -> String {
        CSV.record([String(row.number), String(row.start), row.phase.rawValue] + row.valueTexts
                   + ["\(row.distance)"] + row.model.map { "\($0)" })
    }

    public static func text(_ rows: [TraceRow], spec: CalibrationSpec) -> String {
        ([header(spec)] + rows.map(line)).joined()
    }

    /// The rows of a trace written for `spec`: complete lines only (a line cut by an
    /// interrupt is dropped), nil when the header differs or a row does not parse.
    public static func rows(_ text: String, spec: CalibrationSpec) -> [TraceRow]? {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        if lines.last == "" { lines.removeLast() } else if !lines.isEmpty { lines.removeLast() }   // unfinished last line
        guard let first = lines.first, String(first) + "\n" == header(spec) else { return nil }
        let p = spec.parameters.count, k = spec.targets.count
        var rows: [TraceRow] = []
        for line in lines.dropFirst() {
            let cells = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            guard cells.count == 3 + p + 1 + k, let number = Int(cells[0]), number == rows.count + 1,
                  let start = Int(cells[1]), let phase = TraceRow.Phase(rawValue: cells[2]),
                  let distance = Double(cells[3 + p]) else { return nil }
            let model = cells[(4 + p)...].compactMap(Double.init)
            guard model.count == k else { return nil }
            rows.append(TraceRow(number: number, start: start, phase: phase, valueTexts: Array(cells[3..<(3 + p)]),
                                 distance: distance, model: model))
        }
        return rows
    }
}
