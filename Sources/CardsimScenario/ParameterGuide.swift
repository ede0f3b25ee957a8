import CardsimEngine

/// The parameter guide, docs/parameters.md, generated from the same field tables the loader
/// reads with, so that it cannot drift from the code.
public enum ParameterGuide {
    /// Where the guide lives, relative to the repository root.
    public static let repositoryPath = "docs/parameters.md"

    /// The whole guide as Markdown.
    public static func markdown() -> String {
        var out = """
        # Scenario parameters

        <!-- Generated from Sources/CardsimScenario (the field tables and DefaultMarket); do not edit.
             Regenerate: CARDSIM_RECORD_GOLDEN=1 swift test --filter CardsimScenarioTests.ParameterGuideTests -->

        Every key a scenario file may hold, with its type, default, allowed values, unit, meaning and
        the source of the default. Keys are optional unless the default says **required**. Money is
        yuan; rates, shares and probabilities are fractions (write 0.1825, not 18.25); the one
        exception is `macro.unemployment_mean`, in percent. "assumption" marks a default that the
        product brief does not give; the engine's calibration sets or replaces it. The file format,
        overlays and `--set` are described in [scenario-format.md](scenario-format.md).


        """
        emit(Tables.scenario.info, path: "", title: "Top level", into: &out)
        out += defaultSegments()
        out += calibration()
        return out
    }

    /// The public figures the baseline is calibrated to and the parameters set to meet them.
    private static func calibration() -> String {
        var out = """

        ## Calibration

        `scenarios/baseline.yaml` (a city commercial bank) is calibrated by hand to these public
        figures; at 60 months it sits inside every band (checked by the test suite; the README
        gives the shipped size's means and standard errors). Stocks are read at month 60, rates
        over the 60 months; definitions in [model/accounting-and-kpis.md](model/accounting-and-kpis.md).

        | KPI | band | source |
        |---|---|---|

        """
        for band in Calibration.bands {
            let range = band.low == 0 ? "at most \(NumberText.rounded(band.high))"
                : "\(NumberText.rounded(band.low)) to \(NumberText.rounded(band.high))"
            out += "| `\(band.kpi)` | \(range) | \(cell(band.source)) |\n"
        }
        out += "\nParameters set to meet them (values in the shipped scenarios and the engine's defaults):\n\n"
        out += "| parameter | value | range tried | what it sets |\n|---|---|---|---|\n"
        for s in Calibration.settings {
            out += "| `\(s.path)` | \(cell(s.value)) | \(cell(s.tried)) | \(cell(s.reason)) |\n"
        }
        return out
    }

    private static func emit(_ info: SectionInfo, path: String, title: String, into out: inout String) {
        out += "## \(title)\n\n"
        out += "| Key | Type | Default | Allowed | Unit | Meaning | Source |\n"
        out += "|---|---|---|---|---|---|---|\n"
        for field in info.fields {
            let cells = ["`\(field.key)`", typeText(field.shape), defaultText(field, path: path), allowedText(field.shape),
                         field.unit, field.doc, field.source]
            out += "| " + cells.map(cell).joined(separator: " | ") + " |\n"
        }
        out += "\n"
        for field in info.fields {
            let fieldPath = path.isEmpty ? field.key : "\(path).\(field.key)"
            switch field.shape {
            case .section(let sub): emit(sub, path: fieldPath, title: "`\(fieldPath)`", into: &out)
            case .optionalSection(let sub):
                out += "`\(fieldPath)` is optional; when given, it holds:\n\n"
                emit(sub, path: fieldPath, title: "`\(fieldPath)`", into: &out)
            case .list(let item, let noun, _):
                out += "Each item of `\(fieldPath)` is \("aeiou".contains(noun.prefix(1)) ? "an" : "a") \(noun):\n\n"
                emit(item, path: "\(fieldPath)[]", title: "`\(fieldPath)[]`", into: &out)
            default: break
            }
        }
    }

    private static func typeText(_ shape: FieldShape) -> String {
        switch shape {
        case .number: return "number"
        case .integer, .unsigned: return "integer"
        case .boolean: return "boolean"
        case .text, .choice: return "string"
        case .numbers(let count, _, _): return "list of \(count) numbers"
        case .categoryShares: return "mapping: category to share"
        case .keyedValues(_, let noun, _): return "mapping: \(noun) to number"
        case .optionalSection: return "mapping or null"
        case .numberMap: return "mapping: name to number"
        case .section: return "mapping"
        case .overlay: return "mapping (overlay of `bank`)"
        case .list(_, let noun, _): return "list of \(noun)s"
        case .optionalInteger: return "integer or null"
        case .integerOrNone: return "integer or none"
        case .optionalNumber: return "number or null"
        case .modelFile: return "path or null"
        case .names(let noun, _): return "list of \(noun) names"
        case .numberList: return "list of numbers"
        case .sectionMap(_, let noun, _): return "mapping: \(noun) to mapping"
        }
    }

    private static func allowedText(_ shape: FieldShape) -> String {
        switch shape {
        case .number(let range): return range.interval
        case .integer(let range): return range.interval
        case .unsigned: return "[0, \(UInt64.max)]"
        case .boolean: return "true, false"
        case .text(.nonEmpty): return "non-empty"
        case .text(.itemName): return "non-empty, no '.' or '='"
        case .choice(let options): return options.joined(separator: ", ")
        case .numbers(_, let range, let labels): return "each in \(range.interval); entries: \(labels.joined(separator: ", "))"
        case .categoryShares: return "each in [0, 1], total 1; categories: " + Category.allCases.map(\.name).joined(separator: ", ")
        case .keyedValues(let keys, _, let range): return "each in \(range.interval); keys: " + keys.joined(separator: ", ")
        case .numberMap(let range): return "each in \(range.interval)"
        case .list(_, _, let minimumCount): return minimumCount > 0 ? "at least \(minimumCount)" : ""
        case .section, .overlay, .optionalSection: return ""
        case .optionalInteger(let range): return "\(range.interval) or null"
        case .integerOrNone(let range): return "\(range.interval) or none"
        case .optionalNumber(let range): return "\(range.interval) or null"
        case .modelFile: return "a scorecard model file, relative to the scenario file"
        case .names(_, let minimumCount): return minimumCount > 0 ? "at least \(minimumCount)" : ""
        case .sectionMap(_, _, let minimumCount): return minimumCount > 0 ? "at least \(minimumCount)" : ""
        case .numberList(let range, let minimumCount):
            return "each in \(range.interval)" + (minimumCount > 0 ? "; at least \(minimumCount)" : "")
        }
    }

    private static func defaultText(_ field: FieldInfo, path: String) -> String {
        if field.required { return "**required**" }
        switch field.shape {
        case .section: return "see `\(path.isEmpty ? field.key : "\(path).\(field.key)")`"
        case .overlay: return "the champion's values"
        case .optionalSection: return field.defaultValue.map { $0 == .null ? "none" : "see `\(path.isEmpty ? field.key : "\(path).\(field.key)")`" } ?? "none"
        case .list(_, let noun, _):
            guard case .array(let items)? = field.defaultValue, !items.isEmpty else { return "none" }
            let names = items.compactMap { item -> String? in
                if case .object(let members) = item, case .string(let name)? = members.first(where: { $0.key == "name" })?.value {
                    return name
                }
                return nil
            }
            return "\(items.count) \(noun)s: " + names.joined(separator: ", ")
        default:
            return field.defaultValue.map(valueText) ?? ""
        }
    }

    /// A value as it reads in a table cell.
    static func valueText(_ value: JSONValue) -> String {
        switch value {
        case .null: return "null"
        case .bool(let flag): return flag ? "true" : "false"
        case .integer(let number): return String(number)
        case .unsigned(let number): return String(number)
        case .number(let number): return NumberText.rounded(number)
        case .string(let text): return "\"\(text)\""
        case .array(let items): return "[" + items.map(valueText).joined(separator: ", ") + "]"
        case .object(let members):
            if members.isEmpty { return "none" }
            return members.map { "\($0.key) \(valueText($0.value))" }.joined(separator: ", ")
        }
    }

    private static func cell(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }

    /// The six default segments: values, category mixes, channel affinities and sources.
    private static func defaultSegments() -> String {
        let segments = DefaultMarket.segments
        let encoded = segments.map { segment -> [JSONValue.Member] in
            if case .object(let members) = Tables.segment.encode(segment) { return members }
            return []
        }
        func value(_ index: Int, _ key: String) -> JSONValue? { encoded[index].first { $0.key == key }?.value }
        let header = "| Key | " + segments.map { "`\($0.name)`" }.joined(separator: " | ") + " |\n"
            + "|---|" + String(repeating: "---|", count: segments.count) + "\n"

        var out = """
        ## Default segments

        Used when a scenario leaves out `market.segments`. Incomes are yuan per month; shares of
        adults sum to 1. The values below are read from `DefaultMarket.segments`; engagement
        log-odds are offsets from, and apply propensities multiples of, the engine's segment
        defaults, so they follow the engine's calibration.


        """
        out += header
        for field in Tables.segment.info.fields where !["name", "channel_affinity", "category_mix"].contains(field.key) {
            let unit = field.unit.isEmpty ? "" : " (\(field.unit))"
            out += "| `\(field.key)`\(cell(unit)) | "
                + segments.indices.map { value($0, field.key).map(valueText) ?? "" }.joined(separator: " | ") + " |\n"
        }

        out += "\nSpending mix (`category_mix`, share of card spend):\n\n" + header
        for category in Category.allCases {
            out += "| \(category.name) | " + segments.map { NumberText.rounded($0.categoryMix[category.rawValue]) }.joined(separator: " | ") + " |\n"
        }

        let channels = Array(Set(segments.flatMap { $0.channelAffinity.keys })).sorted()
        out += "\nChannel reach (`channel_affinity`, factor on the channel's intensity; a channel not listed has 1):\n\n" + header
        for channel in channels {
            out += "| \(channel) | " + segments.map { $0.channelAffinity[channel].map(NumberText.rounded) ?? "1" }.joined(separator: " | ") + " |\n"
        }

        out += "\nSources:\n\n"
        for (segment, note) in DefaultMarket.notes { out += "- `\(segment)`: \(note)\n" }
        out += "- Gen Z, also named in the product brief, is not a default segment; add it to a scenario's `market.segments` to study it.\n"
        return out
    }
}
