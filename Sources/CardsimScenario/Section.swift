/// A mapping in the scenario file that fills one engine struct (or a draft of one), described
/// by a table of fields. Decoding starts from the current value and changes only the keys
/// present, so the same table reads a full section and a challenger's overlay.
struct Section<Root> {
    /// The value a field has when the file does not give it; defaults in the guide and the schema
    /// are read from here.
    var defaultValue: Root
    var fields: [Field<Root>]
    /// Checks across fields, run on the decoded value.
    var checks: [SectionCheck<Root>] = []

    var info: SectionInfo {
        SectionInfo(fields: fields.map { field in
            FieldInfo(key: field.key, shape: field.shape, required: field.required,
                      defaultValue: field.required || !field.shape.hasDefault ? nil : field.encode(defaultValue),
                      unit: field.unit, doc: field.doc, source: field.source)
        })
    }

    /// Applies the mapping `node` to `value`, reporting unknown keys, missing required keys and
    /// every bad value.
    func decode(_ node: DocumentNode, into value: inout Root, path: String, context: inout DecodeContext) {
        guard let entries = context.mapping(node, path) else { return }
        context.record(path, node.location)
        var present = Set<String>()
        for entry in entries {
            guard let key = context.key(entry, path) else { continue }
            guard let field = fields.first(where: { $0.key == key }) else {
                context.report(entry.key.location,
                               "unknown key in \(DecodeContext.label(path)); expected a known key, found '\(key)'",
                               hint: Suggestion.hint(for: key, among: fields.map(\.key)))
                continue
            }
            present.insert(key)
            let fieldPath = path.isEmpty ? key : "\(path).\(key)"
            context.record(fieldPath, entry.value.location)
            field.decode(entry.value, &value, &context, fieldPath)
        }
        for field in fields where field.required && !present.contains(field.key) {
            context.fail(path.isEmpty ? field.key : "\(path).\(field.key)")
            context.report(node.location,
                           "missing required key '\(field.key)' in \(DecodeContext.label(path)); expected \(field.shape.expectedDescription), found no '\(field.key)'")
        }
        for check in checks where !context.hasFailed(check.fields.map { "\(path).\($0)" }) {
            check.run(value, &context, path)
        }
    }

    /// Every field's current value, as JSON.
    func encode(_ value: Root) -> JSONValue {
        .object(fields.compactMap { field in field.encode(value).map { JSONValue.Member(field.key, $0) } })
    }
}

/// A rule across fields of one section, checked when the fields it reads were read cleanly.
struct SectionCheck<Root> {
    /// Keys of the fields the rule reads.
    var fields: [String]
    /// Reports a problem if the rule is broken; gets the value and the section's path.
    var run: (Root, inout DecodeContext, String) -> Void
}

extension FieldShape {
    /// Sections and overlays have no default of their own: their fields carry the defaults.
    var hasDefault: Bool {
        switch self {
        case .section, .overlay: return false
        default: return true
        }
    }

    /// A single value: paths cannot go below it.
    var isLeaf: Bool {
        switch self {
        case .number, .integer, .unsigned, .boolean, .text, .choice, .numbers, .optionalInteger, .integerOrNone, .optionalNumber, .modelFile, .names, .numberList:
            return true
        default: return false
        }
    }

    /// "a number", "a mapping", ... as used in "expected ..." phrases.
    var expectedDescription: String {
        switch self {
        case .number: return "a number"
        case .integer, .unsigned: return "an integer"
        case .boolean: return "true or false"
        case .text: return "a string"
        case .choice(let options): return "one of " + options.joined(separator: ", ")
        case .numbers(let count, _, _): return "a list of \(count) numbers"
        case .categoryShares: return "a mapping of spending categories"
        case .keyedValues(_, let noun, _): return "a mapping of \(noun) names to numbers"
        case .numberMap: return "a mapping of names to numbers"
        case .section, .overlay, .optionalSection: return "a mapping"
        case .list(_, let noun, _): return "a list of \(noun)s"
        case .optionalInteger: return "an integer or null"
        case .integerOrNone: return "an integer or none"
        case .optionalNumber: return "a number or null"
        case .modelFile: return "a file path or null"
        case .names(let noun, _): return "a list of \(noun) names"
        case .numberList: return "a list of numbers"
        case .sectionMap(_, let noun, _): return "a mapping of \(noun)s to mappings"
        }
    }
}
