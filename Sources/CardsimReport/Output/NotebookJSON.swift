import CardsimOutput

/// JSON as Jupyter writes notebooks: keys sorted, one-space indentation, non-ASCII text as
/// is. The same value always gives the same bytes.
indirect enum NotebookJSON: Sendable, Equatable {
    case object([String: NotebookJSON])
    case array([NotebookJSON])
    case string(String)
    case integer(Int)
    case bool(Bool)
    case null

    /// The document, with a final newline.
    var document: String {
        var out = ""
        write(into: &out, indent: 0)
        return out + "\n"
    }

    /// Text as a notebook stores it: a list of lines, each but the last ending in `\n`.
    static func lines(_ text: String) -> NotebookJSON {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { String($0) + "\n" }
        if let last = lines.last {
            lines[lines.count - 1] = String(last.dropLast())
            if lines[lines.count - 1].isEmpty { lines.removeLast() }
        }
        return .array(lines.map { .string($0) })
    }

    private func write(into out: inout String, indent: Int) {
        let pad = String(repeating: " ", count: indent + 1)
        switch self {
        case .object(let members):
            if members.isEmpty { out += "{}"; return }
            out += "{\n"
            let keys = members.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
            for (i, key) in keys.enumerated() {
                out += pad
                NotebookJSON.writeString(key, into: &out)
                out += ": "
                members[key]!.write(into: &out, indent: indent + 1)
                out += i + 1 < keys.count ? ",\n" : "\n"
            }
            out += String(repeating: " ", count: indent) + "}"
        case .array(let elements):
            if elements.isEmpty { out += "[]"; return }
            out += "[\n"
            for (i, e) in elements.enumerated() {
                out += pad
                e.write(into: &out, indent: indent + 1)
                out += i + 1 < elements.count ? ",\n" : "\n"
            }
            out += String(repeating: " ", count: indent) + "]"
        case .string(let s): NotebookJSON.writeString(s, into: &out)
        case .integer(let n): out += String(n)
        case .bool(let b): out += b ? "true" : "false"
        case .null: out += "null"
        }
    }

    /// A JSON string literal; also a valid Python string literal.
    static func literal(_ s: String) -> String {
        var out = ""
        writeString(s, into: &out)
        return out
    }

    private static func writeString(_ s: String, into out: inout String) {
        JSONText.writeString(s, into: &out)
    }
}
