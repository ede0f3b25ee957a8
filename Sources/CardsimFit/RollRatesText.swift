import Foundation

extension RollRates {
    /// The roll-rate file: deterministic, with `base_roll` and `base_cure` as a scenario's
    /// `market.credit` takes them, then the states, the counts and the full matrix.
    public var yaml: String {
        let file = (source as NSString).lastPathComponent
        func list(_ values: [Double]) -> String { "[" + values.map(YAMLText.number).joined(separator: ", ") + "]" }
        var lines = [
            "# Monthly delinquency roll rates estimated by `cardsim fit rollrates` from \(file) (cohort method):",
            "# \(clients) clients, status columns \(columns.joined(separator: ", ")) (oldest first), \(transitions) month-to-month transitions.",
            "# States: 0 current (status -2, -1 or 0); k = 1..6: k months late (1-29 ... 150-179 days past due);",
            "# 7: 7 or more months late (180+ days), charged off, absorbing.",
            "# probabilities[k][j] = counts[k][j] / transitions from k; the 180+ row is absorbing by definition.",
            "# base_roll[k] = probabilities[k][k+1], base_cure[k] = probabilities[k][0] (base_cure[0] unused, 0):",
            "# copy them into a scenario's market.credit section.",
        ]
        for warning in warnings { lines.append("# warning: \(warning)") }
        lines.append("base_roll: \(list(baseRoll))")
        lines.append("base_cure: \(list(baseCure))")
        lines.append("clients: \(clients)")
        lines.append("transitions: \(transitions)")
        lines.append("states: [" + RollRates.stateNames.map(YAMLText.string).joined(separator: ", ") + "]")
        lines.append("counts:")
        for row in counts { lines.append("  - [" + row.map(String.init).joined(separator: ", ") + "]") }
        lines.append("probabilities:")
        for row in probabilities { lines.append("  - \(list(row))") }
        return lines.joined(separator: "\n") + "\n"
    }

    /// What `cardsim fit rollrates` prints: status codes per column, the counts, the matrix,
    /// base_roll and base_cure.
    public var report: String {
        var out: [String] = []
        out.append("roll rates from \(source): \(clients) clients, \(transitions) transitions")
        out.append("months, oldest first: \(columns.joined(separator: " -> "))")
        out.append("")
        out.append("status codes per column (-2, -1, 0: no delay; k: k months late; 7 and up: 180+ days)")
        let allCodes = Array(Set(codes.joined().map(\.code))).sorted()
        var table = [["code"] + columns]
        for code in allCodes {
            table.append([String(code)] + codes.map { column in String(column.first { $0.code == code }?.count ?? 0) })
        }
        out += TextTable.render(table)
        out.append("")
        out.append("transition counts (rows: from, columns: to)")
        let names = RollRates.stateNames
        var countTable = [["from \\ to"] + names + ["total"]]
        for k in 0..<RollRates.states {
            countTable.append([names[k]] + counts[k].map(String.init) + [String(rowTotals[k])])
        }
        out += TextTable.render(countTable, leftAligned: [0])
        out.append("")
        out.append("transition probabilities (180+ absorbing)")
        var pTable = [["from \\ to"] + names]
        for (k, row) in probabilities.enumerated() {
            pTable.append([names[k]] + row.map { NumberFormat.fixed($0, 4) })
        }
        out += TextTable.render(pTable, leftAligned: [0])
        out.append("")
        let rates = [["bucket"] + names.prefix(RollRates.buckets), ["base_roll"] + baseRoll.map { NumberFormat.fixed($0, 4) },
                     ["base_cure"] + baseCure.map { NumberFormat.fixed($0, 4) }]
        out += TextTable.render(rates, leftAligned: [0])
        let (skips, partial) = skipsAndPartialCures
        if skips + partial > 0 {
            out.append("")
            out.append("not in base_roll/base_cure: \(skips) skips past the next bucket, \(partial) partial cures "
                       + "(the simulator's chain only rolls one bucket, stays or cures to current)")
        }
        for warning in warnings { out.append("warning: \(warning)") }
        out.append("")
        func short(_ values: [Double]) -> String { "[" + values.map { NumberFormat.significant($0, 6) }.joined(separator: ", ") + "]" }
        out.append("in a scenario (rounded; the output file has the exact ratios):")
        out.append("  --set \"market.credit.base_roll=\(short(baseRoll))\" --set \"market.credit.base_cure=\(short(baseCure))\"")
        return out.joined(separator: "\n") + "\n"
    }
}
