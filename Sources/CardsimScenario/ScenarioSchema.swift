import CardsimEngine

/// The scenario format as a JSON Schema, generated from the field tables the loader reads with.
public enum ScenarioSchema {
    /// JSON Schema (draft 2020-12) of a scenario file, pretty-printed with sorted keys and a
    /// final newline. The keys and their shapes hold for every file; the required keys (`name`,
    /// `market.adults`, ...) only for a file without `extends`, which takes them from its
    /// parent otherwise (`else`). Rules that span fields (shares summing to 1, overlays changing
    /// something) are checked by the loader only.
    public static func jsonSchema() -> String {
        let info = Tables.scenario.info
        var root = section(info, overlay: false, required: false)
        root.append(.init("if", .object([.init("required", .array([.string(ScenarioOverlay.key)]))])))
        root.append(.init("else", .object(requiredKeys(info))))
        root.append(.init("$schema", .string("https://json-schema.org/draft/2020-12/schema")))
        root.append(.init("title", .string("cardsim scenario")))
        root.append(.init("description", .string(
            "A cardsim scenario: the market, the economy, the competitors, the run size and the strategies to compare. Rates are fractions, money is yuan.")))
        return JSONValue.object(root).rendered() + "\n"
    }

    /// The JSON Schema of another file format read with field tables (targets files): the
    /// section's keys, shapes and required keys, titled.
    static func jsonSchema(of info: SectionInfo, title: String, description: String) -> String {
        var root = section(info, overlay: false)
        root.append(.init("$schema", .string("https://json-schema.org/draft/2020-12/schema")))
        root.append(.init("title", .string(title)))
        root.append(.init("description", .string(description)))
        return JSONValue.object(root).rendered() + "\n"
    }

    /// A section's schema; `required: false` leaves out the required keys of it and of its
    /// nested sections (not of list items, which are complete in every file).
    private static func section(_ info: SectionInfo, overlay: Bool, required: Bool = true) -> [JSONValue.Member] {
        var members: [JSONValue.Member] = [
            .init("type", .string("object")),
            .init("additionalProperties", .bool(false)),
            .init("properties", .object(info.fields.map { JSONValue.Member($0.key, .object(field($0, overlay: overlay, required: required))) })),
        ]
        let keys = overlay || !required ? [] : info.fields.filter(\.required).map { JSONValue.string($0.key) }
        if !keys.isEmpty { members.append(.init("required", .array(keys))) }
        return members
    }

    /// The required keys of a section and of its nested sections, as a schema of `required`
    /// and `properties` only: what a file without `extends` must hold beyond the shapes.
    private static func requiredKeys(_ info: SectionInfo) -> [JSONValue.Member] {
        var members: [JSONValue.Member] = []
        let keys = info.fields.filter(\.required).map { JSONValue.string($0.key) }
        if !keys.isEmpty { members.append(.init("required", .array(keys))) }
        let nested: [JSONValue.Member] = info.fields.compactMap { field in
            guard case .section(let child) = field.shape else { return nil }
            let inner = requiredKeys(child)
            return inner.isEmpty ? nil : JSONValue.Member(field.key, .object(inner))
        }
        if !nested.isEmpty { members.append(.init("properties", .object(nested))) }
        return members
    }

    private static func field(_ info: FieldInfo, overlay: Bool, required: Bool) -> [JSONValue.Member] {
        var members = shape(info.shape, overlay: overlay, required: required)
        var description = info.doc
        if !info.unit.isEmpty { description += " Unit: \(info.unit)." }
        members.append(.init("description", .string(description)))
        if !info.required, !info.source.isEmpty {
            members.append(.init("$comment", .string("Source of the default: \(info.source).")))
        }
        if !overlay, let value = info.defaultValue { members.append(.init("default", value)) }
        return members
    }

    private static func shape(_ shape: FieldShape, overlay: Bool, required: Bool) -> [JSONValue.Member] {
        switch shape {
        case .number(let range): return [.init("type", .string("number"))] + bounds(range)
        case .integer(let range):
            var members: [JSONValue.Member] = [.init("type", .string("integer"))]
            if let minimum = range.minimum { members.append(.init("minimum", .integer(minimum))) }
            if let maximum = range.maximum { members.append(.init("maximum", .integer(maximum))) }
            return members
        case .unsigned:
            return [.init("type", .string("integer")), .init("minimum", .integer(0)),
                    .init("maximum", .unsigned(UInt64.max))]
        case .boolean: return [.init("type", .string("boolean"))]
        case .text(let rule):
            var members: [JSONValue.Member] = [.init("type", .string("string")), .init("minLength", .integer(1))]
            if rule == .itemName { members.append(.init("pattern", .string("^[^.=]+$"))) }
            return members
        case .choice(let options):
            return [.init("type", .string("string")), .init("enum", .array(options.map(JSONValue.string)))]
        case .numbers(let count, let range, _):
            return [.init("type", .string("array")), .init("items", .object([.init("type", .string("number"))] + bounds(range))),
                    .init("minItems", .integer(count)), .init("maxItems", .integer(count))]
        case .categoryShares:
            return keyed(Category.allCases.map(\.name), .fraction)
        case .keyedValues(let keys, _, let range):
            return keyed(keys, range)
        case .numberMap(let range):
            return [.init("type", .string("object")),
                    .init("additionalProperties", .object([.init("type", .string("number"))] + bounds(range)))]
        case .section(let info):
            return section(info, overlay: overlay, required: required)
        case .overlay(let info):
            return section(info, overlay: true)
        case .optionalSection(let info):
            return section(info, overlay: overlay, required: required).map {
                $0.key == "type" ? JSONValue.Member("type", .array([.string("object"), .string("null")])) : $0
            }
        case .list(let info, _, let minimumCount):
            // A list replaces the base list as a whole, so its items are complete even in an overlay.
            var members: [JSONValue.Member] = [.init("type", .string("array")),
                                               .init("items", .object(section(info, overlay: false)))]
            if minimumCount > 0 { members.append(.init("minItems", .integer(minimumCount))) }
            return members
        case .optionalInteger(let range):
            var members: [JSONValue.Member] = [.init("type", .array([.string("integer"), .string("null")]))]
            if let minimum = range.minimum { members.append(.init("minimum", .integer(minimum))) }
            if let maximum = range.maximum { members.append(.init("maximum", .integer(maximum))) }
            return members
        case .integerOrNone(let range):
            var integer: [JSONValue.Member] = [.init("type", .string("integer"))]
            if let minimum = range.minimum { integer.append(.init("minimum", .integer(minimum))) }
            if let maximum = range.maximum { integer.append(.init("maximum", .integer(maximum))) }
            return [.init("oneOf", .array([.object(integer), .object([.init("const", .string("none"))])]))]
        case .optionalNumber(let range):
            return [.init("type", .array([.string("number"), .string("null")]))] + bounds(range)
        case .modelFile:
            return [.init("type", .array([.string("string"), .string("null")])), .init("minLength", .integer(1))]
        case .names(_, let minimumCount):
            var members: [JSONValue.Member] = [.init("type", .string("array")),
                                               .init("items", .object([.init("type", .string("string")), .init("minLength", .integer(1))]))]
            if minimumCount > 0 { members.append(.init("minItems", .integer(minimumCount))) }
            return members
        case .sectionMap(let info, _, let minimumCount):
            var members: [JSONValue.Member] = [.init("type", .string("object")),
                                               .init("additionalProperties", .object(section(info, overlay: false)))]
            if minimumCount > 0 { members.append(.init("minProperties", .integer(minimumCount))) }
            return members
        case .numberList(let range, let minimumCount):
            var members: [JSONValue.Member] = [.init("type", .string("array")),
                                               .init("items", .object([.init("type", .string("number"))] + bounds(range)))]
            if minimumCount > 0 { members.append(.init("minItems", .integer(minimumCount))) }
            return members
        }
    }

    private static func keyed(_ keys: [String], _ range: NumberRange) -> [JSONValue.Member] {
        let item = JSONValue.object([.init("type", .string("number"))] + bounds(range))
        return [.init("type", .string("object")), .init("additionalProperties", .bool(false)),
                .init("properties", .object(keys.map { JSONValue.Member($0, item) }))]
    }

    private static func bounds(_ range: NumberRange) -> [JSONValue.Member] {
        var members: [JSONValue.Member] = []
        if let minimum = range.minimum {
            members.append(.init(range.minimumExclusive ? "exclusiveMinimum" : "minimum", .number(minimum)))
        }
        if let maximum = range.maximum {
            members.append(.init(range.maximumExclusive ? "exclusiveMaximum" : "maximum", .number(maximum)))
        }
        return members
    }
}
