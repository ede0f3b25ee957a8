import CardsimEngine

/// `ledger.csv`: the raw records of every path, strategy and month, lossless, so that shards
/// can be merged into exactly the results an unsharded run produces.
///
/// Header `path,strategy,month,` followed by `LedgerColumns`; one row per path (0-based),
/// strategy (by name, in scenario order) and month (1-based), in that nesting. Reading the
/// text back gives `PathResult`s equal to those written, bit for bit.
public enum LedgerTable {
    public static let fileName = "ledger.csv"

    /// The text of `ledger.csv`. `strategyNames[s]` names `months[s]` of every result.
    public static func text(results: [PathResult], strategyNames: [String]) -> String {
        func widest(_ count: (MonthLedger) -> Int) -> Int {
            var most = 0
            for r in results { for m in r.months { if let first = m.first { most = max(most, count(first.ledger)) } } }
            return most
        }
        let columns = LedgerColumns(channels: widest { $0.applicationsByChannel.count },
                                    alliances: widest { $0.allianceSpend.count },
                                    themeCards: widest { $0.themeSpend.count },
                                    competitors: widest { $0.competitorApplications.count })
        var out = CSV.record(["path", "strategy", "month"] + columns.header)
        let names = strategyNames.map(CSV.field)
        for result in results {
            for (s, records) in result.months.enumerated() {
                for (t, record) in records.enumerated() {
                    out += "\(result.path),\(names[s]),\(t + 1)"
                    columns.append(record, to: &out)
                    out += "\n"
                }
            }
        }
        return out
    }

    /// Reads `ledger.csv` text back into results sorted by path index.
    ///
    /// Every path present must have every strategy of `strategyNames` and the same months
    /// `1...M` for each, once. `file` names the file in errors.
    public static func read(_ text: String, strategyNames: [String], file: String = fileName) throws -> [PathResult] {
        func bad(_ what: String) -> OutputError {
            OutputError(.read, "\(file): \(what)",
                        help: "The file must be the ledger.csv written by 'cardsim run'; re-run the shard that wrote it.")
        }
        guard let rows = CSV.records(text), let head = rows.first else { throw bad("the file is empty or not CSV") }
        let columns = LedgerColumns(channels: head.filter { $0.hasPrefix(LedgerColumns.channelPrefix) }.count,
                                    alliances: head.filter { $0.hasPrefix("alliance_spend_") }.count,
                                    themeCards: head.filter { $0.hasPrefix("theme_spend_") }.count,
                                    competitors: head.filter { $0.hasPrefix("competitor_applications_") }.count)
        let expected = ["path", "strategy", "month"] + columns.header
        guard head.map(String.init) == expected else {
            let at = zip(head, expected).enumerated().first { $0.element.0 != $0.element.1 }?.offset
                ?? min(head.count, expected.count)
            throw bad("unexpected header at column \(at + 1): expected '\(at < expected.count ? expected[at] : "end of line")'")
        }
        var strategyIndex: [Substring: Int] = [:]
        for (s, name) in strategyNames.enumerated() { strategyIndex[Substring(name)] = s }

        // months[path][s][t]
        var byPath: [Int: [[MonthRecord?]]] = [:]
        for (r, row) in rows.enumerated().dropFirst() {
            let line = r + 1
            guard row.count == expected.count else { throw bad("line \(line) has \(row.count) fields, expected \(expected.count)") }
            guard let path = Int(row[0]), path >= 0 else { throw bad("line \(line): invalid path '\(row[0])'") }
            guard let s = strategyIndex[row[1]] else { throw bad("line \(line): unknown strategy '\(row[1])'") }
            guard let month = Int(row[2]), month >= 1 else { throw bad("line \(line): invalid month '\(row[2])'") }
            let record: MonthRecord
            switch columns.record(row[3...]) {
            case .success(let value): record = value
            case .failure(let e): throw bad("line \(line): column \(e.column) holds '\(e.cell)', not a number")
            }
            if byPath[path] == nil { byPath[path] = Array(repeating: [], count: strategyNames.count) }
            let have = byPath[path]![s].count
            if have < month { byPath[path]![s].append(contentsOf: repeatElement(nil, count: month - have)) }
            guard byPath[path]![s][month - 1] == nil else {
                throw bad("line \(line): path \(path) month \(month) of '\(row[1])' appears twice")
            }
            byPath[path]![s][month - 1] = record
        }

        let horizon = byPath.values.lazy.flatMap { $0.map(\.count) }.max() ?? 0
        return try byPath.keys.sorted().map { path in
            let months = byPath[path]!
            let complete: [[MonthRecord]] = try months.enumerated().map { s, records in
                let present = records.compactMap { $0 }
                guard present.count == horizon else {
                    throw bad("path \(path) of '\(strategyNames[s])' has \(present.count) of \(horizon) months")
                }
                return present
            }
            return PathResult(path: path, months: complete)
        }
    }
}
