import Yams

/// A YAML node with its source location: the scenario file as composed by Yams, merged over
/// the files it extends (each node keeps the file it came from), with `--set` overrides
/// spliced in. Values are interpreted by the field tables, not here.
struct DocumentNode {
    enum Content {
        case scalar(ScalarValue)
        case mapping([Entry])
        case sequence([DocumentNode])
    }

    /// One `key: value` pair of a mapping.
    struct Entry {
        var key: DocumentNode
        var value: DocumentNode
    }

    var content: Content
    var location: SourceLocation
    /// A mapping tagged `!replace` in the file: in an overlay it replaces the parent's mapping
    /// instead of merging into it (`OverlayMerge`).
    var replacesParent = false

    /// A key's text when the node is a scalar, else nil.
    var scalarText: String? {
        if case .scalar(let scalar) = content { return scalar.text }
        return nil
    }

    var entries: [Entry]? {
        if case .mapping(let entries) = content { return entries }
        return nil
    }

    var isNull: Bool {
        if case .scalar(let scalar) = content { return scalar.kind == .null }
        return false
    }

    /// The value under `key` when this node is a mapping.
    subscript(key: String) -> DocumentNode? {
        entries?.first { $0.key.scalarText == key }?.value
    }

    /// How the node reads in a message: "the string \"abc\"", "the number 18.25", "a list", ...
    var foundDescription: String {
        switch content {
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .scalar(let scalar):
            switch scalar.kind {
            case .null: return "nothing"
            case .bool: return "the boolean \(scalar.text)"
            case .int, .float: return "the number \(scalar.text)"
            case .string: return "the string \"\(scalar.text)\""
            }
        }
    }

    /// The same tree with every location replaced, for values that come from an override.
    func relocated(to location: SourceLocation) -> DocumentNode {
        var copy = self
        copy.location = location
        switch content {
        case .scalar: break
        case .mapping(let entries):
            copy.content = .mapping(entries.map {
                Entry(key: $0.key.relocated(to: location), value: $0.value.relocated(to: location))
            })
        case .sequence(let items):
            copy.content = .sequence(items.map { $0.relocated(to: location) })
        }
        return copy
    }
}

/// A scalar's text and the YAML 1.1 type the default resolver gave it.
struct ScalarValue {
    enum Kind { case null, bool, int, float, string }
    var text: String
    var kind: Kind
}

extension DocumentNode {
    /// Converts a composed Yams tree, taking positions from each node's mark.
    init(_ node: Node, file: String) {
        let location = SourceLocation(file: file, line: node.mark?.line, column: node.mark?.column)
        switch node {
        case .scalar(let scalar):
            let kind: ScalarValue.Kind
            switch node.tag.rawValue {
            case Tag.Name.null.rawValue: kind = .null
            case Tag.Name.bool.rawValue: kind = .bool
            case Tag.Name.int.rawValue: kind = .int
            case Tag.Name.float.rawValue: kind = .float
            default: kind = .string
            }
            self.init(content: .scalar(ScalarValue(text: scalar.string, kind: kind)), location: location)
        case .mapping(let mapping):
            let entries = mapping.map { Entry(key: DocumentNode($0.key, file: file), value: DocumentNode($0.value, file: file)) }
            self.init(content: .mapping(entries), location: location,
                      replacesParent: mapping.tag.rawValue == OverlayMerge.replaceTag)
        case .sequence(let sequence):
            self.init(content: .sequence(sequence.map { DocumentNode($0, file: file) }), location: location)
        case .alias(let alias):
            // Yams resolves aliases while composing; an unresolved one reads as a plain string.
            self.init(content: .scalar(ScalarValue(text: "*\(alias.anchor.rawValue)", kind: .string)), location: location)
        }
    }

    /// A node built from a value (a default or a plain string), located at `location`.
    init(_ value: JSONValue, at location: SourceLocation) {
        switch value {
        case .null: self.init(content: .scalar(ScalarValue(text: "", kind: .null)), location: location)
        case .bool(let flag): self.init(content: .scalar(ScalarValue(text: flag ? "true" : "false", kind: .bool)), location: location)
        case .integer(let number): self.init(content: .scalar(ScalarValue(text: String(number), kind: .int)), location: location)
        case .unsigned(let number): self.init(content: .scalar(ScalarValue(text: String(number), kind: .int)), location: location)
        case .number(let number):
            let text = NumberText.format(number)
            let kind: ScalarValue.Kind = text.contains(where: { ".eE".contains($0) }) ? .float : .int
            self.init(content: .scalar(ScalarValue(text: text, kind: kind)), location: location)
        case .string(let text): self.init(content: .scalar(ScalarValue(text: text, kind: .string)), location: location)
        case .array(let items): self.init(content: .sequence(items.map { DocumentNode($0, at: location) }), location: location)
        case .object(let pairs):
            let entries = pairs.map {
                Entry(key: DocumentNode(.string($0.key), at: location), value: DocumentNode($0.value, at: location))
            }
            self.init(content: .mapping(entries), location: location)
        }
    }
}
