/// Reads the CSV files of a run directory (RFC 4180 as cardsim writes them: `\n` line ends,
/// fields quoted only when they hold a comma, a quote or a line break).
enum CSVReader {
    /// The records of `text`, each a list of fields; blank lines are skipped. Returns nil if a
    /// quoted field is never closed.
    static func records(_ text: String) -> [[String]]? {
        var records: [[String]] = []
        var record: [String] = []
        var field = ""
        var inQuotes = false
        var fieldStarted = false
        var iterator = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = nil
        func next() -> Unicode.Scalar? {
            if let p = pending { pending = nil; return p }
            return iterator.next()
        }
        while let c = next() {
            if inQuotes {
                if c == "\"" {
                    if let n = next() {
                        if n == "\"" { field.unicodeScalars.append("\"") } else { inQuotes = false; pending = n }
                    } else {
                        inQuotes = false
                    }
                } else {
                    field.unicodeScalars.append(c)
                }
                continue
            }
            switch c {
            case "\"" where field.isEmpty && !fieldStarted:
                inQuotes = true; fieldStarted = true
            case ",":
                record.append(field); field = ""; fieldStarted = false
            case "\n":
                record.append(field); field = ""; fieldStarted = false
                if !(record.count == 1 && record[0].isEmpty) { records.append(record) }
                record = []
            case "\r":
                continue
            default:
                field.unicodeScalars.append(c); fieldStarted = true
            }
        }
        if inQuotes { return nil }
        if fieldStarted || !field.isEmpty || !record.isEmpty {
            record.append(field)
            records.append(record)
        }
        return records
    }
}
