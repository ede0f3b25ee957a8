/// A JSON value written deterministically: object keys sorted by their UTF-8 bytes, two-space
/// indentation, arrays of scalars on one line, doubles in their shortest round-trip spelling
/// and integers as integers.
///
/// JSON has no spelling for NaN or infinity; non-finite doubles are written as `null`.
public enum JSONText: Sendable, Equatable {
    case object([String: JSONText])
    case array([JSONText])
    case string(String)
    case double(Double)
    case integer(Int64)
    case unsigned(UInt64)
    case bool(Bool)
    case null

    /// The document: the value followed by a newline.
    public var document: String {
        var out = ""
        write(into: &out, indent: 0)
        out += "\n"
        return out
    }

    private var isScalar: Bool {
        switch self {
        case .object, .array: false
        default: true
        }
    }

    private func write(into out: inout String, indent: Int) {
        switch self {
        case .object(let members):
            if members.isEmpty { out += "{}"; return }
            let pad = String(repeating: " ", count: indent + 2)
            out += "{\n"
            let keys = members.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
            for (i, key) in keys.enumerated() {
                out += pad
                JSONText.writeString(key, into: &out)
                out += ": "
                members[key]!.write(into: &out, indent: indent + 2)
                out += i + 1 < keys.count ? ",\n" : "\n"
            }
            out += String(repeating: " ", count: indent) + "}"
        case .array(let elements):
            if elements.isEmpty { out += "[]"; return }
            if elements.allSatisfy(\.isScalar) {
                out += "["
                for (i, e) in elements.enumerated() {
                    if i > 0 { out += ", " }
                    e.write(into: &out, indent: indent)
                }
                out += "]"
                return
            }
            let pad = String(repeating: " ", count: indent + 2)
            out += "[\n"
            for (i, e) in elements.enumerated() {
                out += pad
                e.write(into: &out, indent: indent + 2)
                out += i + 1 < elements.count ? ",\n" : "\n"
            }
            out += String(repeating: " ", count: indent) + "]"
        case .string(let s):
            JSONText.writeString(s, into: &out)
        case .double(let x):
            out += x.isFinite ? NumberText.double(x) : "null"
        case .integer(let n):
            out += String(n)
        case .unsigned(let n):
            out += String(n)
        case .bool(let b):
            out += b ? "true" : "false"
        case .null:
            out += "null"
        }
    }

    /// A JSON string literal: quotes, backslashes, control characters, DEL and the line and
    /// paragraph separators escaped, everything else as UTF-8 (so it is also a valid Python
    /// string literal). The one string escaper of cardsim's JSON writers.
    public static func quoted(_ s: String) -> String {
        var out = ""
        writeString(s, into: &out)
        return out
    }

    /// Appends `quoted(s)` to `out`.
    public static func writeString(_ s: String, into out: inout String) {
        out += "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || scalar.value == 0x2028 || scalar.value == 0x2029 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }
}
