/// How a child scenario's tree goes over its parent's (`ScenarioOverlay`).
///
/// Mappings merge key by key, recursively: the parent's keys in the parent's order, each
/// taking the child's value where the child gives the key, then the child's new keys in the
/// child's order. Anything else the child gives replaces the parent's value whole: scalars,
/// `null`, and lists, so lists of named items (`competitors`, `bank.channels`,
/// `market.segments`, `strategies.challengers`, ...) are replaced as a whole. A mapping tagged
/// `!replace` replaces the parent's mapping whole too, which drops the parent's keys it does
/// not repeat.
enum OverlayMerge {
    /// The YAML tag that makes a mapping replace the parent's instead of merging into it.
    static let replaceTag = "!replace"

    /// `child` merged over `parent`. Nodes keep the locations of the file that gave them; a
    /// merged mapping and its keys take the child's locations.
    static func merge(_ parent: DocumentNode, _ child: DocumentNode) -> DocumentNode {
        guard case .mapping(var entries) = parent.content, case .mapping(let additions) = child.content,
              !child.replacesParent else { return child }
        for addition in additions {
            if let text = addition.key.scalarText, let index = entries.firstIndex(where: { $0.key.scalarText == text }) {
                entries[index] = DocumentNode.Entry(key: addition.key, value: merge(entries[index].value, addition.value))
            } else {
                entries.append(addition)
            }
        }
        var merged = child
        merged.content = .mapping(entries)
        return merged
    }

    /// `root` with every relative model-file reference (`bank.risk.application_scorecard`, ...,
    /// also in challengers) prefixed by `folder`, the folder of the file that wrote it relative
    /// to the top file's folder: a parent's reference then names the same file from the top file.
    static func rebased(_ root: DocumentNode, folder: String) -> DocumentNode {
        guard !folder.isEmpty else { return root }
        var copy = root
        rebase(&copy, shape: .section(Tables.scenario.info), folder: folder)
        return copy
    }

    private static func rebase(_ node: inout DocumentNode, shape: FieldShape, folder: String) {
        switch (shape, node.content) {
        case (.modelFile, .scalar(var scalar)) where scalar.kind == .string && !scalar.text.hasPrefix("/"):
            scalar.text = OverlayPath.join(folder, scalar.text)
            node.content = .scalar(scalar)
        case (.section(let info), .mapping(var entries)), (.overlay(let info), .mapping(var entries)),
             (.optionalSection(let info), .mapping(var entries)):
            for index in entries.indices {
                guard let key = entries[index].key.scalarText, let field = info.field(key) else { continue }
                rebase(&entries[index].value, shape: field.shape, folder: folder)
            }
            node.content = .mapping(entries)
        case (.list(let info, _, _), .sequence(var items)):
            for index in items.indices { rebase(&items[index], shape: .section(info), folder: folder) }
            node.content = .sequence(items)
        default:
            break
        }
    }
}
