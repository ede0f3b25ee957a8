/// Comma-separated values as cardsim writes and reads them (RFC 4180): records end with `\n`;
/// a field that holds a comma, a double quote, `\n` or `\r` is written in double quotes with
/// inner quotes doubled. Only text fields (strategy names) ever need quoting.
public enum CSV {
    /// The field as it appears in a record.
    public static func field(_ s: String) -> String {
        guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// One record, fields joined by commas, with its terminating newline.
    public static func record(_ fields: [String]) -> String {
        fields.lazy.map(field).joined(separator: ",") + "\n"
    }

    /// Splits text into records of fields. Records without quotes (nearly all) are split
    /// without copying; quoted fields are unescaped. A final newline is optional; blank lines
    /// are skipped. Returns `nil` if a quoted field is never closed.
    static func records(_ text: String) -> [[Substring]]? {
        var result: [[Substring]] = []
        let newline = UInt8(ascii: "\n"), comma = UInt8(ascii: ","), quote = UInt8(ascii: "\"")
        var lines = text.utf8.split(separator: newline, omittingEmptySubsequences: false)
            .map { Substring($0) }[...]
        while let line = lines.popFirst() {
            if line.isEmpty { continue }
            if !line.utf8.contains(quote) {
                result.append(line.utf8.split(separator: comma, omittingEmptySubsequences: false).map { Substring($0) })
                continue
            }
            // A quoted field may hold newlines: join lines until the quotes balance.
            var joined = String(line)
            while joined.reduce(0, { $0 + ($1 == "\"" ? 1 : 0) }) % 2 == 1 {
                guard let next = lines.popFirst() else { return nil }
                joined += "\n" + next
            }
            guard let fields = quotedRecord(joined) else { return nil }
            result.append(fields)
        }
        return result
    }

    /// Parses one record that contains quoted fields.
    private static func quotedRecord(_ line: String) -> [Substring]? {
        var fields: [Substring] = []
        var current = ""
        var inQuotes = false
        var wasQuoted = false
        var chars = line[...]
        while let c = chars.popFirst() {
            if inQuotes {
                if c == "\"" {
                    if chars.first == "\"" { current.append("\""); chars.removeFirst() } else { inQuotes = false }
                } else {
                    current.append(c)
                }
            } else if c == "," {
                fields.append(Substring(current)); current = ""; wasQuoted = false
            } else if c == "\"" && current.isEmpty && !wasQuoted {
                inQuotes = true; wasQuoted = true
            } else {
                current.append(c)
            }
        }
        if inQuotes { return nil }
        fields.append(Substring(current))
        return fields
    }
}
