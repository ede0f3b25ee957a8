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

    /// Index in `results` of each path.
    static func positions(_ results: [PathResult]) -> [Int: Int] {
        var position: [Int: Int] = [:]
        for (k, r) in results.enumerated() { position[r.path] = k }
        return position
    }
}
