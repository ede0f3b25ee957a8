import CardsimEngine

/// `discrimination.csv`: how well each strategy's approval score separated the accounts it
/// booked during the run, path by path (`ScoreDiscrimination`): one row per path and strategy,
/// in that nesting, columns `path,strategy,accounts,bads,auc,ks`. `accounts` counts the
/// accounts booked in months 1...M (agents, not adults), `bads` those that reached 90+ days
/// past due or were charged off by the end of the run; `auc` and `ks` are `nan` when there
/// were no bads or no goods. Lossless, so that a merge of shards rebuilds the same results.
public enum DiscriminationTable {
    public static let fileName = "discrimination.csv"
    static let header = ["path", "strategy", "accounts", "bads", "auc", "ks"]

    /// The text for results sorted by path index. `strategyNames[s]` names
    /// `discrimination[s]` of every result.
    public static func text(results: [PathResult], strategyNames: [String]) -> String {
        var out = CSV.record(header)
        let names = strategyNames.map(CSV.field)
        for result in results {
            for (s, d) in result.discrimination.enumerated() {
                out += "\(result.path),\(names[s]),\(d.accounts),\(d.bads),\(NumberText.double(d.auc)),\(NumberText.double(d.ks))\n"
            }
        }
        return out
    }

    /// Reads the text back into `results` (which must hold the paths it lists): every path of
    /// `results` gets one row per strategy, in scenario order, or the file has no rows (results
    /// built without discrimination). `file` names the file in errors.
    public static func read(_ text: String, into results: inout [PathResult], strategyNames: [String],
                            file: String = fileName) throws {
        let reader = PathRowsReader(fileName: fileName, file: file), bad = reader.bad
        let rows = try reader.records(text, header: header)
        let position = PathRowsReader.positions(results)
        for k in results.indices { results[k].discrimination = [] }
        for (r, row) in rows.enumerated().dropFirst() {
            let line = r + 1
            guard row.count == header.count else { throw bad("line \(line) has \(row.count) fields, expected \(header.count)") }
            guard let path = Int(row[0]), let k = position[path] else { throw bad("line \(line): path '\(row[0])' is not in ledger.csv") }
            let s = results[k].discrimination.count
            guard s < strategyNames.count, row[1] == Substring(strategyNames[s]) else {
                throw bad("line \(line): expected strategy '\(s < strategyNames.count ? strategyNames[s] : "none")' of path \(path), found '\(row[1])'")
            }
            guard let accounts = Int(row[2]), let bads = Int(row[3]), let auc = Double(row[4]), let ks = Double(row[5]),
                  accounts >= 0, bads >= 0, bads <= accounts else {
                throw bad("line \(line): expected counts and two numbers, found '\(row.joined(separator: ","))'")
            }
            results[k].discrimination.append(ScoreDiscrimination(auc: auc, ks: ks, accounts: accounts, bads: bads))
        }
        if rows.count == 1 { return }
        if let missing = results.first(where: { $0.discrimination.count != strategyNames.count }) {
            throw bad("path \(missing.path) has \(missing.discrimination.count) of \(strategyNames.count) strategies")
        }
    }
}
