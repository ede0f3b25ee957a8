/// The shape of a scenario field as YAML sees it. One description serves the loader, the
/// JSON Schema and the parameter guide.
indirect enum FieldShape {
    /// A finite number within a range.
    case number(NumberRange)
    /// An integer within a range.
    case integer(IntegerRange)
    /// A non-negative 64-bit integer (the seed).
    case unsigned
    case boolean
    case text(TextRule)
    /// One of a fixed set of strings.
    case choice([String])
    /// A list of exactly `count` numbers; `labels` name the entries.
    case numbers(count: Int, range: NumberRange, labels: [String])
    /// A mapping from spending category to a share; missing categories are 0 and the shares sum to 1.
    case categoryShares
    /// A mapping with a fixed set of keys (spending categories, macro variables) to numbers;
    /// keys not given keep their current value. `noun` names what a key is ("category").
    case keyedValues(keys: [String], noun: String, range: NumberRange)
    /// A mapping from any name (e.g. a channel) to a number.
    case numberMap(NumberRange)
    /// A nested mapping of fields.
    case section(SectionInfo)
    /// A nested mapping of fields that may be absent or null (none).
    case optionalSection(SectionInfo)
    /// A list of named mappings; the list replaces the default as a whole.
    case list(SectionInfo, noun: String, minimumCount: Int)
    /// A mapping with the shape of `section` in which every key is optional and changes the base.
    case overlay(SectionInfo)
    /// An integer within a range, or null (none): a lever's `end_month`.
    case optionalInteger(IntegerRange)
    /// An integer in the range, or the word `none`.
    case integerOrNone(IntegerRange)
    /// A number within a range, or null (none).
    case optionalNumber(NumberRange)
    /// A path to a scorecard model file (relative to the scenario file), or null (none).
    case modelFile
    /// A list of at least `minimumCount` names of other things (e.g. segments); `noun` names
    /// what they name.
    case names(noun: String, minimumCount: Int)
    /// A list of at least `minimumCount` numbers, each within a range: a swept parameter's values.
    case numberList(NumberRange, minimumCount: Int)
    /// A mapping from free names (e.g. `--set` paths) to mappings of fields; at least
    /// `minimumCount` entries. `noun` names what a key is.
    case sectionMap(SectionInfo, noun: String, minimumCount: Int)
}

/// What a string field accepts.
enum TextRule {
    /// Any non-empty string.
    case nonEmpty
    /// A name that `--set` paths can address: non-empty, without '.' or '='.
    case itemName
}

/// A field's metadata, with its default taken from the section's default value.
struct FieldInfo {
    var key: String
    var shape: FieldShape
    var required: Bool
    /// The default as JSON, nil for required fields, sections and overlays.
    var defaultValue: JSONValue?
    /// Unit of the value ("yuan", "fraction per year", "months", ...); empty when dimensionless.
    var unit: String
    var doc: String
    /// Where the default comes from.
    var source: String
}

/// A section's fields, in the order the guide lists them.
struct SectionInfo {
    var fields: [FieldInfo]

    var keys: [String] { fields.map(\.key) }
    func field(_ key: String) -> FieldInfo? { fields.first { $0.key == key } }
}
