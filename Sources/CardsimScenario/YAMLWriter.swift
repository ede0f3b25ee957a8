import Yams

/// Writes a node tree as YAML in one fixed layout, the scenario's canonical text: block
/// mappings indented by two spaces, lists of mappings as `- key: value` blocks, lists of
/// scalars and short mappings of scalars in flow style (`[0, 100, 200]`, `{name: online,
/// intensity: 1.0}`), a blank line between top-level keys, keys in the tree's order. Numbers and booleans keep the spelling they were read with, null is `null`,
/// and a string is written plain when it reads back as the same string, else double-quoted.
///
/// Reading the text back gives the same tree (up to locations), so writing it again gives the
/// same text: two trees have the same text exactly when they hold the same keys in the same
/// order with the same scalars.
enum YAMLWriter {
    /// The canonical text of `root`, ending in a newline.
    static func text(_ root: DocumentNode) -> String {
        var out = ""
        switch root.content {
        case .mapping(let entries) where !entries.isEmpty:
            for (index, entry) in entries.enumerated() {
                if index > 0 { out += "\n" }
                writeEntry(entry, indent: 0, into: &out)
            }
        case .sequence(let items) where !items.isEmpty && !isFlow(root):
            writeItems(items, indent: 0, into: &out)
        default:
            out = flow(root) + "\n"
        }
        return out
    }

    /// Longest one-line form of a mapping of scalars.
    static let flowWidth = 72

    /// Whether the node is written on one line: a scalar, an empty mapping or list, a list of
    /// scalars, a mapping of scalars whose one-line form is at most `flowWidth` characters.
    private static func isFlow(_ node: DocumentNode) -> Bool {
        func isScalar(_ node: DocumentNode) -> Bool { if case .scalar = node.content { return true } else { return false } }
        switch node.content {
        case .scalar: return true
        case .mapping(let entries):
            return entries.isEmpty || entries.allSatisfy { isScalar($0.key) && isScalar($0.value) } && flow(node).count <= flowWidth
        case .sequence(let items): return items.allSatisfy(isScalar)
        }
    }

    /// One-line form: a scalar, `{}`, `[a, b]`, or (for keys that are not scalars) a flow mapping.
    private static func flow(_ node: DocumentNode) -> String {
        switch node.content {
        case .scalar(let scalar): return self.scalar(scalar)
        case .sequence(let items): return "[" + items.map(flow).joined(separator: ", ") + "]"
        case .mapping(let entries):
            return "{" + entries.map { "\(flow($0.key)): \(flow($0.value))" }.joined(separator: ", ") + "}"
        }
    }

    private static func writeEntry(_ entry: DocumentNode.Entry, indent: Int, into out: inout String) {
        let pad = String(repeating: " ", count: indent)
        let key = flow(entry.key)
        if isFlow(entry.value) {
            out += "\(pad)\(key): \(flow(entry.value))\n"
            return
        }
        out += "\(pad)\(key):\n"
        switch entry.value.content {
        case .mapping(let entries): for child in entries { writeEntry(child, indent: indent + 2, into: &out) }
        case .sequence(let items): writeItems(items, indent: indent + 2, into: &out)
        case .scalar: break
        }
    }

    private static func writeItems(_ items: [DocumentNode], indent: Int, into out: inout String) {
        let pad = String(repeating: " ", count: indent)
        for item in items {
            if isFlow(item) {
                out += "\(pad)- \(flow(item))\n"
                continue
            }
            var block = ""
            switch item.content {
            case .mapping(let entries):
                for child in entries { writeEntry(child, indent: indent + 2, into: &block) }
                // The first key goes on the dash's line.
                out += pad + "- " + block.dropFirst(indent + 2)
            case .sequence(let nested):
                writeItems(nested, indent: indent + 2, into: &block)
                out += "\(pad)-\n" + block
            case .scalar: break
            }
        }
    }

    /// A scalar as it reads back with the same type and text.
    static func scalar(_ scalar: ScalarValue) -> String {
        switch scalar.kind {
        case .null:
            return "null"
        case .bool, .int, .float:
            let tag: Tag.Name = scalar.kind == .bool ? .bool : scalar.kind == .int ? .int : .float
            if isPlainSafe(scalar.text), Resolver.default.resolveTag(of: Node(scalar.text)) == tag { return scalar.text }
            return "!!\(tag.rawValue.split(separator: ":").last ?? "str") \(JSONValue.quoted(scalar.text))"
        case .string:
            if isPlainSafe(scalar.text), Resolver.default.resolveTag(of: Node(scalar.text)) == .str { return scalar.text }
            return JSONValue.quoted(scalar.text)
        }
    }

    /// Text that a YAML reader takes as one plain scalar, in block and in flow context.
    private static func isPlainSafe(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last else { return false }
        if first == " " || last == " " || last == ":" { return false }
        if "-?:,[]{}#&*!|>'\"%@`".unicodeScalars.contains(first), !(first == "-" && text.count > 1 && isNumberLike(text)) {
            return false
        }
        if text.contains(":") || text.contains(" #") { return false }
        return !text.unicodeScalars.contains { $0.value < 0x20 || (0x7f...0x9f).contains($0.value) || ",[]{}".unicodeScalars.contains($0) }
    }

    /// A leading '-' is plain when the rest starts like a number (`-0.2`, `-.inf`).
    private static func isNumberLike(_ text: String) -> Bool {
        guard let second = text.dropFirst().first else { return false }
        return second.isNumber || second == "."
    }
}
