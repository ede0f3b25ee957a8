import Yams

/// Limits on the composed YAML tree, checked before the tree is walked or expanded: no aliases
/// (an alias repeats the node its anchor names; nested, they expand exponentially), no tags
/// outside YAML's core schema, and a bound on the number of nodes and their depth.
enum YAMLTreeLimits {
    /// More nodes than any scenario needs (the shipped ones have a few hundred).
    static let maxNodes = 200_000
    /// Deeper than any scenario needs (the shipped ones nest 6 levels).
    static let maxDepth = 64

    /// Tags a scenario may spell out: the core schema's.
    static let coreTags: Set<String> = ["null", "bool", "int", "float", "str", "seq", "map"].map { "tag:yaml.org,2002:" + $0 }
        .reduce(into: Set<String>()) { $0.insert($1) }

    /// The first problem found, as a diagnostic, or nil.
    static func check(_ root: Node, file: String) -> Diagnostic? {
        var seen = Set<Position>()
        var count = 0
        var stack: [(Node, Int)] = [(root, 1)]
        while let (node, depth) = stack.popLast() {
            count += 1
            let line = node.mark?.line, column = node.mark?.column
            func problem(_ message: String, _ hint: String) -> Diagnostic {
                Diagnostic(file: file, line: line, column: column, message: message, hint: hint)
            }
            if count > maxNodes {
                return problem("the document has more than \(maxNodes) values; expected a scenario of at most that many",
                               "scenario files hold a few hundred values; is this the right file?")
            }
            if depth > maxDepth {
                return problem("values nested more than \(maxDepth) levels deep; expected a scenario nested a few levels",
                               "check for unbalanced brackets")
            }
            if let tag = explicitTag(node), tag == "tag:yaml.org,2002:merge" {
                return problem("the merge key '<<' is not accepted in a scenario file; expected every key written out",
                               "write the keys out in each mapping instead of merging another one in")
            }
            // The one tag of the scenario format: `!replace` on a mapping of an overlay
            // (`OverlayMerge`), which replaces the parent's mapping instead of merging into it.
            if let tag = explicitTag(node), !(tag == OverlayMerge.replaceTag && node.isMapping) {
                return problem("the tag \(display(tag)) is not accepted; expected plain YAML values (strings, numbers, booleans, null, lists, mappings) or !replace on a mapping of an overlay",
                               "remove the tag; scenario files use no tags but !replace")
            }
            if case .alias = node {
                return problem("an alias is not accepted in a scenario file; expected the value written out",
                               "write the value out instead of '*name'")
            }
            let children: [Node]
            switch node {
            case .mapping(let m): children = m.flatMap { [$0.key, $0.value] }
            case .sequence(let s): children = Array(s)
            default: children = []
            }
            if let line, let column {
                // An alias gives back the node of its anchor, position included: a position seen
                // twice (for one kind of node) is an alias.
                guard seen.insert(Position(kind: node.kindCode, line: line, column: column)).inserted else {
                    return problem("aliases are not accepted in a scenario file; expected every value written out, found the value anchored here ('&name') repeated by an alias ('*name')",
                                   "write the value out at each place; anchors and aliases make files hard to review, and nested ones expand exponentially")
                }
            }
            for child in children.reversed() { stack.append((child, depth + 1)) }
        }
        return nil
    }

    private struct Position: Hashable { var kind: Int; var line: Int; var column: Int }

    /// The tag written on the node, when it is neither absent nor in the core schema.
    private static func explicitTag(_ node: Node) -> String? {
        let name: String
        switch node {
        case .scalar(let s): name = s.tag.description
        case .mapping(let m): name = m.tag.description
        case .sequence(let s): name = s.tag.description
        case .alias: return nil
        }
        if name.isEmpty || name == "?" || name == "!" || coreTags.contains(name) { return nil }
        return name
    }

    /// `!!binary` for `tag:yaml.org,2002:binary`, other tags as written.
    private static func display(_ tag: String) -> String {
        tag.hasPrefix("tag:yaml.org,2002:") ? "!!" + tag.dropFirst("tag:yaml.org,2002:".count) : tag
    }
}

private extension Node {
    var isMapping: Bool {
        if case .mapping = self { return true }
        return false
    }

    /// 0 scalar, 1 mapping, 2 list, 3 alias: a mapping starts where its first key does.
    var kindCode: Int {
        switch self {
        case .scalar: 0
        case .mapping: 1
        case .sequence: 2
        case .alias: 3
        }
    }
}
