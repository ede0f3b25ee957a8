import CardsimEngine

/// What reading a per-path table back shares (`discrimination.csv`, `vintages.csv`, whose rows
/// add to the results read from `ledger.csv`): its error messages, the check of its header and
/// where each path of the results is.
struct PathRowsReader {
    /// The table's standard name, and the file read (for messages).
    let fileName: String, file: String

    /// A read error about the file.
    func bad(_ what: String) -> OutputError {
        OutputError(.read, "\(file): \(what)",
                    help: "The file must be the \(fileName) written by 'cardsim run'; re-run the shard that wrote it.")
    }

    /// The records of `text`, header first; the header must be `header`.
    func records(_ text: String, header: [String]) throws -> [[Substring]] {
        guard let rows = CSV.records(text), let head = rows.first else { throw bad("the file is empty or not CSV") }
        guard head.map(String.init) == header else { throw bad("unexpected header; expected '\(header.joined(separator: ","))'") }
        return rows
    }

    /// The position in `results` (`positions`) and the strategy index of data row `row`
    /// (line `line`), whose first fields are the path and the strategy's name; checks its width.
    func locate(_ row: [Substring], line: Int, width: Int, positions: [Int: Int],
                strategyNames: [String]) throws -> (k: Int, path: Int, s: Int) {
        guard row.count == width else { throw bad("line \(line) has \(row.count) fields, expected \(width)") }
        guard let path = Int(row[0]), let k = positions[path] else { throw bad("line \(line): path '\(row[0])' is not in ledger.csv") }
        guard let s = strategyNames.firstIndex(where: { Substring($0) == row[1] }) else {
            throw bad("line \(line): unknown strategy '\(row[1])'")
        }
        return (k, path, s)
    }

    /// Index in `results` of each path.
    static func positions(_ results: [PathResult]) -> [Int: Int] {
        var position: [Int: Int] = [:]
        for (k, r) in results.enumerated() { position[r.path] = k }
        return position
    }
}
