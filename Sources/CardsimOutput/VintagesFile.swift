import CardsimEngine

/// `vintages.csv`: the vintage risk of the accounts each strategy booked during the run
/// (`VintageTable`), one row per path, strategy, acquisition quarter and months on book, in
/// that nesting; each quarter has rows for the months on book observed for all its accounts
/// (m = 0 ... T - min(3q, T) for quarter q = 1, 2, ...). Columns:
///
/// | column | unit | meaning |
/// |---|---|---|
/// | `path`, `strategy` | | the path (0-based) and the strategy's name |
/// | `quarter` | | acquisition quarter: run months 3q-2 ... 3q |
/// | `months_on_book` | months | m, as observed at run month ends |
/// | `booked` | accounts | the vintage's size |
/// | `initial_lines` | yuan | the credit limits the vintage was booked with, summed |
/// | `open` | accounts | still in force (issued or open) at m |
/// | `open_never_90` | accounts | in force at m and never 90+ days past due |
/// | `ever_30`, `ever_90` | accounts | reached 30+ / 90+ days past due by m |
/// | `charged_off` | accounts | written off by m |
/// | `net_loss` | yuan | written-off receivables minus recoveries by m |
/// | `ever_30_share`, `ever_90_share` | fraction | `ever_30 / booked`, `ever_90 / booked` |
/// | `loss_rate` | fraction | `net_loss / initial_lines` (cumulative loss rate) |
///
/// Counts are agents (not scaled to adults). Yuan amounts are fen written with two decimals,
/// exactly; the ratios are derived from them (`nan` for an empty vintage) and written in
/// round-trip spelling. Reading the text back rebuilds the tables exactly, so a merge of
/// shards writes the same bytes as the unsharded run.
public enum VintagesFile {
    public static let fileName = "vintages.csv"
    static let header = ["path", "strategy", "quarter", "months_on_book", "booked", "initial_lines", "open",
                         "open_never_90", "ever_30", "ever_90", "charged_off", "net_loss",
                         "ever_30_share", "ever_90_share", "loss_rate"]

    /// The text for results sorted by path index. `strategyNames[s]` names `vintages[s]` of
    /// every result.
    public static func text(results: [PathResult], strategyNames: [String]) -> String {
        var out = CSV.record(header)
        let names = strategyNames.map(CSV.field)
        for result in results {
            for (s, table) in result.vintages.enumerated() {
                for q in 0..<table.quarters {
                    let booked = table.booked[q], lines = table.initialLines[q]
                    let prefix = "\(result.path),\(names[s]),\(q + 1),"
                    for m in 0..<table.monthsObserved(quarter: q) {
                        let c = table.cell(quarter: q, monthsOnBook: m)!
                        out += prefix + "\(m),\(booked),\(NumberText.yuan(fen: lines)),\(c.open),\(c.openNever90),"
                            + "\(c.ever30),\(c.ever90),\(c.chargedOff),\(NumberText.yuan(fen: c.netLoss)),"
                            + "\(NumberText.double(ratio(c.ever30, booked))),\(NumberText.double(ratio(c.ever90, booked))),"
                            + "\(NumberText.double(ratio(c.netLoss, lines)))\n"
                    }
                }
            }
        }
        return out
    }

    /// `n / d`, NaN when d is 0.
    static func ratio(_ n: Int64, _ d: Int64) -> Double { d == 0 ? .nan : Double(n) / Double(d) }

    /// Reads the text back into `results` (which must hold the paths it lists): every path of
    /// `results` gets one table per strategy, in scenario order, each with every cell of a
    /// run of `months` months; or the file has no rows (results built without vintages).
    /// `file` names the file in errors.
    public static func read(_ text: String, into results: inout [PathResult], strategyNames: [String],
                            months: Int, file: String = fileName) throws {
        let reader = PathRowsReader(fileName: fileName, file: file), bad = reader.bad
        let rows = try reader.records(text, header: header)
        let position = PathRowsReader.positions(results)
        for k in results.indices { results[k].vintages = [] }
        let cellsPerTable = VintageTable(months: months).cells.count
        // The table being filled, its position in `results`, and the next cell expected.
        var current: (k: Int, table: VintageTable, next: Int)?
        func finish() throws {
            guard let c = current else { return }
            guard c.next == cellsPerTable else {
                throw bad("path \(results[c.k].path) of '\(strategyNames[results[c.k].vintages.count])' has \(c.next) of \(cellsPerTable) rows")
            }
            results[c.k].vintages.append(c.table)
            current = nil
        }
        for (r, row) in rows.enumerated().dropFirst() {
            let line = r + 1
            guard row.count == header.count else { throw bad("line \(line) has \(row.count) fields, expected \(header.count)") }
            guard let path = Int(row[0]), let k = position[path] else { throw bad("line \(line): path '\(row[0])' is not in ledger.csv") }
            if current == nil || current!.next == cellsPerTable {
                try finish()
                current = (k, VintageTable(months: months), 0)
            }
            let s = results[k].vintages.count
            guard current!.k == k else {
                throw bad("line \(line): path \(results[current!.k].path) has \(current!.next) of \(cellsPerTable) rows, then path \(path) begins")
            }
            guard s < strategyNames.count, row[1] == Substring(strategyNames[s]) else {
                throw bad("line \(line): expected strategy '\(s < strategyNames.count ? strategyNames[s] : "none")' of path \(path), found '\(row[1])'")
            }
            let index = current!.next
            let numbers = [row[2], row[3], row[4], row[6], row[7], row[8], row[9], row[10]].map { Int64($0) }
            guard numbers.allSatisfy({ $0 != nil }), let lines = NumberText.fen(yuan: row[5]),
                  let loss = NumberText.fen(yuan: row[11]) else {
                throw bad("line \(line): expected counts and yuan amounts, found '\(row.joined(separator: ","))'")
            }
            let n = numbers.map { $0! }
            let q = Int(n[0]) - 1, m = Int(n[1])
            guard current!.table.index(quarter: q, monthsOnBook: m) == index else {
                throw bad("line \(line): expected the next row of path \(path) of '\(row[1])', found quarter \(row[2]) at \(row[3]) months on book")
            }
            if m == 0 {
                current!.table.booked[q] = n[2]
                current!.table.initialLines[q] = lines
            } else if current!.table.booked[q] != n[2] || current!.table.initialLines[q] != lines {
                throw bad("line \(line): the size of quarter \(row[2]) differs from its first row")
            }
            current!.table.cells[index] = VintageTable.Cell(open: n[3], openNever90: n[4], ever30: n[5], ever90: n[6],
                                                            chargedOff: n[7], netLoss: loss)
            current!.next += 1
        }
        try finish()
        if rows.count == 1 { return }
        if let missing = results.first(where: { $0.vintages.count != strategyNames.count }) {
            throw bad("path \(missing.path) has \(missing.vintages.count) of \(strategyNames.count) strategies")
        }
    }
}
