import Foundation

extension Tornado {
    /// Reads a sweep's `tornado.csv` (`SweepTables.tornadoCSV`) back, bars in file order (the
    /// `parameter` index of each bar is its row). A file without the `_se` columns (written
    /// before they were recorded) gives bars without standard errors. Throws `SweepError`
    /// (input) naming the file and line when the text is not such a table.
    public init(tornadoCSV text: String, file: String) throws {
        func bad(_ what: String) -> SweepError {
            SweepError(.input, "\(file): \(what)", help: "Assemble the sweep's tables again: cardsim sweep SCENARIO --out DIR --require-complete (with the sweep's options).")
        }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: true).map {
            $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        }
        // Earlier tables lack the `strategy` column (14 columns) and the `_se` columns (9).
        let full = SweepTables.tornadoColumns, old = Array(full.prefix(9)), noStrategy = Array(full.prefix(14))
        guard let head = lines.first, head == full || head == old || head == noStrategy else {
            throw bad("not a cardsim tornado table (expected the header '\(full.joined(separator: ","))')")
        }
        guard lines.count > 1 else { throw bad("holds no bars") }
        func number(_ row: [String], _ column: String, line: Int) throws -> Double {
            let i = head.firstIndex(of: column)!
            guard let v = Double(row[i]) else { throw bad("line \(line): \(column) '\(row[i])' is not a number") }
            return v
        }
        func optional(_ row: [String], _ column: String, line: Int) throws -> Double? {
            head.contains(column) ? try number(row, column, line: line) : nil
        }
        var bars: [Bar] = []
        var kpi = "", base: Double? = nil, baseSE: Double? = nil
        for (r, row) in lines.dropFirst().enumerated() {
            let line = r + 2
            guard row.count == head.count else { throw bad("line \(line) has \(row.count) fields, expected \(head.count)") }
            if r == 0 { kpi = row[0] } else if row[0] != kpi {
                throw bad("line \(line): kpi '\(row[0])' differs from the first bar's '\(kpi)'")
            }
            let strategy = head.firstIndex(of: "strategy").map { row[$0] }.flatMap { $0.isEmpty ? nil : $0 }
            let rowBase = try number(row, "base", line: line)
            if strategy == nil && base == nil { base = rowBase; baseSE = try optional(row, "base_se", line: line) }
            bars.append(Bar(parameter: r, path: row[1], low: try number(row, "low", line: line), high: try number(row, "high", line: line),
                            atLow: try number(row, "at_low", line: line), atHigh: try number(row, "at_high", line: line),
                            changeLow: try number(row, "change_low", line: line), changeHigh: try number(row, "change_high", line: line),
                            atLowStandardError: try optional(row, "at_low_se", line: line),
                            atHighStandardError: try optional(row, "at_high_se", line: line),
                            changeLowStandardError: try optional(row, "change_low_se", line: line),
                            changeHighStandardError: try optional(row, "change_high_se", line: line),
                            strategy: strategy, strategyBase: strategy == nil ? nil : rowBase))
        }
        let firstBase = try number(lines[1], "base", line: 2)
        self.init(kpi: kpi, base: base ?? firstBase, baseStandardError: baseSE, bars: bars)
    }
}
