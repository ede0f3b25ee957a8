import Foundation
import Yams

/// One `--set PATH=VALUE` override: a dotted path into the scenario and a YAML value.
///
/// Overrides change the document before it is read, as if the file said so; diagnostics about
/// their values name `--set PATH=VALUE` as the file. Items of named lists (segments, channels,
/// competitors, challengers) are selected by name: `market.segments.families.share=0.3`.
struct Override {
    var text: String
    var path: [String]
    var value: DocumentNode

    var location: SourceLocation { Override.location(of: text) }

    static func location(of text: String) -> SourceLocation { SourceLocation(file: "--set \(text)") }

    static func parse(_ text: String) -> Result<Override, Diagnostic> {
        let location = location(of: text)
        guard let equals = text.firstIndex(of: "=") else {
            return .failure(location.diagnostic("malformed override; expected PATH=VALUE, found no '='",
                                                hint: "e.g. --set run.paths=8"))
        }
        let pathText = String(text[..<equals]).trimmingCharacters(in: .whitespaces)
        let path = pathText.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard !pathText.isEmpty, !path.contains(where: \.isEmpty) else {
            return .failure(location.diagnostic("malformed override; expected a dotted path such as bank.product.apr, found '\(pathText)'"))
        }
        let valueText = String(text[text.index(after: equals)...])
        return .success(Override(text: text, path: path, value: value(valueText, at: location)))
    }

    /// The value as YAML ("8", "0.15", "[1, 2]", "{a: 1}"); text that is not valid YAML is a string.
    private static func value(_ text: String, at location: SourceLocation) -> DocumentNode {
        if let node = try? Yams.compose(yaml: text) {
            return DocumentNode(node, file: location.file).relocated(to: location)
        }
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let kind: ScalarValue.Kind = trimmed.isEmpty ? .null : .string
        return DocumentNode(content: .scalar(ScalarValue(text: trimmed, kind: kind)), location: location)
    }

    /// Splices the value into `root`, creating mappings along the way and filling absent named
    /// lists with their defaults so that their items can be selected.
    func apply(to root: inout DocumentNode, schema: SectionInfo, context: inout DecodeContext) {
        set(&root, shape: .section(schema), at: path[...], walked: "", context: &context)
    }

    private func set(_ node: inout DocumentNode, shape: FieldShape?, at remaining: ArraySlice<String>,
                     walked: String, context: inout DecodeContext) {
        guard let component = remaining.first else { return }
        let here = walked.isEmpty ? component : "\(walked).\(component)"
        let rest = remaining.dropFirst()
        switch shape {
        case .list(let item, let noun, _)?:
            guard case .sequence(var items) = node.content else {
                return cannotDescend(into: node, walked, context: &context)
            }
            let names = items.compactMap { $0["name"]?.scalarText }
            guard let index = items.firstIndex(where: { $0["name"]?.scalarText == component }) else {
                let expected = names.isEmpty ? "a \(noun) of the list, which is empty" : "one of " + names.joined(separator: ", ")
                context.report(location, "no \(noun) named '\(component)' in \(walked); expected \(expected), found '\(component)'",
                               hint: Suggestion.nearest(to: component, among: names).map { "did you mean '\($0)'?" })
                return
            }
            if rest.isEmpty {
                items[index] = value
            } else {
                set(&items[index], shape: .section(item), at: rest, walked: here, context: &context)
            }
            node.content = .sequence(items)
        case .section(let info)?, .overlay(let info)?, .optionalSection(let info)?:
            setEntry(&node, component, rest, childShape: info.field(component)?.shape,
                     childDefault: info.field(component)?.defaultValue, walked: walked, here: here, context: &context)
        case nil:
            setEntry(&node, component, rest, childShape: nil, childDefault: nil, walked: walked, here: here, context: &context)
        case .categoryShares?, .keyedValues?, .numberMap?:
            guard rest.isEmpty else {
                context.report(location, "cannot set \(path.joined(separator: ".")); expected a path that ends at \(here), found more after it")
                return
            }
            setEntry(&node, component, rest, childShape: nil, childDefault: nil, walked: walked, here: here, context: &context)
        case let leaf?:
            leafReached(walked, leaf, context: &context)
        }
    }

    private func leafReached(_ walked: String, _ leaf: FieldShape, context: inout DecodeContext) {
        context.report(location, "cannot set \(path.joined(separator: ".")); expected a path that ends at \(walked), found more after it",
                       hint: "\(walked) is \(leaf.expectedDescription)")
    }

    private func setEntry(_ node: inout DocumentNode, _ key: String, _ rest: ArraySlice<String>,
                          childShape: FieldShape?, childDefault: JSONValue?, walked: String, here: String,
                          context: inout DecodeContext) {
        if node.isNull { node = DocumentNode(content: .mapping([]), location: location) }
        guard case .mapping(var entries) = node.content else {
            return cannotDescend(into: node, walked, context: &context)
        }
        let index = entries.firstIndex { $0.key.scalarText == key }
        if rest.isEmpty {
            if let index { entries[index].value = value } else {
                entries.append(.init(key: DocumentNode(content: .scalar(ScalarValue(text: key, kind: .string)), location: location),
                                     value: value))
            }
        } else {
            if let childShape, childShape.isLeaf { return leafReached(here, childShape, context: &context) }
            var child: DocumentNode
            if let index, !entries[index].value.isNull {
                child = entries[index].value
            } else if case .list? = childShape, let childDefault {
                child = DocumentNode(childDefault, at: location)
            } else {
                child = DocumentNode(content: .mapping([]), location: location)
            }
            set(&child, shape: childShape, at: rest, walked: here, context: &context)
            if let index { entries[index].value = child } else {
                entries.append(.init(key: DocumentNode(content: .scalar(ScalarValue(text: key, kind: .string)), location: location),
                                     value: child))
            }
        }
        node.content = .mapping(entries)
    }

    private func cannotDescend(into node: DocumentNode, _ walked: String, context: inout DecodeContext) {
        let place = node.location.line.map { " (\(node.location.file) line \($0))" } ?? ""
        context.report(location, "cannot set \(path.joined(separator: ".")); expected \(DecodeContext.label(walked)) to be a mapping or named list, found \(node.foundDescription)\(place)")
    }
}
