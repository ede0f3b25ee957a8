import CardsimOutput

/// A JSON value written deterministically, as `summary.json` is: object keys sorted by their
/// UTF-8 bytes, two-space indentation, arrays of scalars on one line, doubles in their shortest
/// round-trip spelling (`Double.description`), non-finite doubles as `null`.
enum CheckJSON {
    case object([String: CheckJSON])
    case array([CheckJSON])
    case string(String)
    case double(Double)
    case integer(Int64)
    case unsigned(UInt64)

    /// The document: the value followed by a newline.
    var document: String {
        var out = ""
        write(into: &out, indent: 0)
        return out + "\n"
    }

    private var isScalar: Bool {
        switch self {
        case .object, .array: false
        default: true
        }
    }

    private func write(into out: inout String, indent: Int) {
        let pad = String(repeating: " ", count: indent + 2)
        switch self {
        case .object(let members):
            if members.isEmpty { out += "{}"; return }
            out += "{\n"
            let keys = members.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
            for (i, key) in keys.enumerated() {
                out += pad + CheckJSON.quoted(key) + ": "
                members[key]!.write(into: &out, indent: indent + 2)
                out += i + 1 < keys.count ? ",\n" : "\n"
            }
            out += String(repeating: " ", count: indent) + "}"
        case .array(let elements):
            if elements.isEmpty { out += "[]"; return }
            if elements.allSatisfy(\.isScalar) {
                out += "[" + elements.map { e in var s = ""; e.write(into: &s, indent: indent); return s }.joined(separator: ", ") + "]"
                return
            }
            out += "[\n"
            for (i, e) in elements.enumerated() {
                out += pad
                e.write(into: &out, indent: indent + 2)
                out += i + 1 < elements.count ? ",\n" : "\n"
            }
            out += String(repeating: " ", count: indent) + "]"
        case .string(let s): out += CheckJSON.quoted(s)
        case .double(let x): out += x.isFinite ? x.description : "null"
        case .integer(let n): out += String(n)
        case .unsigned(let n): out += String(n)
        }
    }

    /// A JSON string literal (the shared escaper of `JSONText`).
    static func quoted(_ s: String) -> String { JSONText.quoted(s) }
}
