import Foundation

/// Scenario overlays: a file that begins with `extends: PARENT` is its parent with its own keys
/// merged over it (`OverlayMerge`). The parent may extend another file, and so on; the chain
/// is read here, before the field tables see the tree.
///
/// Every node keeps the location of the file it came from, so that a problem with an
/// inherited value names the parent's file and line, and one with an overridden value the
/// child's.
///
/// `extends` is a path relative to the folder of the file that says it. Every file of the
/// chain must lie in the folder of the scenario being loaded (the top file) or below it,
/// judged on the path as written: absolute paths and `..` that climb above that folder are
/// refused, as are cycles, missing files and values that are not a path.
enum ScenarioOverlay {
    /// A scenario with its chain merged.
    struct Resolution {
        /// The merged tree, without `extends`; model-file references are relative to the top
        /// file's folder.
        var root: DocumentNode
        /// The files of the chain, the top file first (as given), then each parent (the path
        /// diagnostics name it by).
        var files: [String]
    }

    static let key = "extends"

    /// Reads the chain that `top` (the parsed text of `file`) begins and merges it.
    static func resolve(_ top: DocumentNode, file: String) -> Result<Resolution, ScenarioErrors> {
        let topFolder = OverlayPath.folder(of: file)
        var files = [file]
        var seen = [OverlayPath.normalized(file)]
        var layers: [DocumentNode] = []
        var node = top
        var current = file
        while true {
            let (rest, extends) = split(node)
            layers.append(OverlayMerge.rebased(rest, folder: OverlayPath.relative(OverlayPath.folder(of: current), to: topFolder)))
            guard let extends else { break }
            let parent: String
            switch parentPath(extends, in: current, topFile: file, topFolder: topFolder, seen: seen) {
            case .success(let path): parent = path
            case .failure(let diagnostic): return .failure(ScenarioErrors(diagnostics: [diagnostic]))
            }
            let text: String
            switch ScenarioLoader.fileText(parent) {
            case .success(let read): text = read
            case .failure(let problem):
                if let decoding = problem.decoding { return .failure(ScenarioErrors(diagnostics: [decoding])) }
                return .failure(ScenarioErrors(diagnostics: [extends.location.diagnostic(
                    "cannot read the scenario that extends names (\(parent)); expected \(problem.expected), found \(problem.found)",
                    hint: "the path is relative to the folder of \(current)")]))
            }
            switch YAMLReader.read(text, file: parent) {
            case .success(let parsed): node = parsed
            case .failure(let diagnostic): return .failure(ScenarioErrors(diagnostics: [diagnostic]))
            }
            guard node.entries != nil else {
                return .failure(ScenarioErrors(diagnostics: [node.location.diagnostic(
                    "wrong type for the scenario that \(current) extends; expected a mapping of scenario keys, found \(node.foundDescription)")]))
            }
            files.append(parent)
            seen.append(parent)
            current = parent
        }
        let merged = layers.dropLast().reversed().reduce(layers[layers.count - 1]) { OverlayMerge.merge($0, $1) }
        return .success(Resolution(root: merged, files: files))
    }

    /// The tree without its top-level `extends` entry, and that entry's value.
    private static func split(_ node: DocumentNode) -> (DocumentNode, DocumentNode?) {
        guard case .mapping(var entries) = node.content,
              let index = entries.firstIndex(where: { $0.key.scalarText == key }) else { return (node, nil) }
        let value = entries.remove(at: index).value
        var rest = node
        rest.content = .mapping(entries)
        return (rest, value)
    }

    /// The normalized path of the parent `extends` names, or why it cannot be used.
    private static func parentPath(_ extends: DocumentNode, in current: String, topFile: String, topFolder: String,
                                   seen: [String]) -> Result<String, Diagnostic> {
        guard case .scalar(let scalar) = extends.content, scalar.kind == .string,
              !scalar.text.trimmingCharacters(in: .whitespaces).isEmpty else {
            return .failure(extends.location.diagnostic(
                "wrong type for extends; expected the path of the scenario this file is merged over (a string such as baseline.yaml), found \(extends.foundDescription)"))
        }
        let reference = scalar.text
        guard !reference.hasPrefix("/") else {
            return .failure(extends.location.diagnostic(
                "invalid path for extends; expected a path relative to the folder of \(current), found the absolute path '\(reference)'",
                hint: "write the parent's path from this file's folder, e.g. extends: baseline.yaml"))
        }
        let parent = OverlayPath.join(OverlayPath.folder(of: current), reference)
        guard OverlayPath.isInside(parent, folder: topFolder) else {
            let place = topFolder.isEmpty ? "the working folder" : topFolder
            return .failure(extends.location.diagnostic(
                "invalid path for extends; expected a file in the folder of \(topFile) (\(place)) or below it, found '\(reference)', which leads to \(parent)",
                hint: "keep a scenario and the scenarios it extends in one folder tree"))
        }
        if let first = seen.firstIndex(of: parent) {
            let cycle = (seen[first...] + [parent]).map { OverlayPath.relative($0, to: topFolder) }.joined(separator: " -> ")
            return .failure(extends.location.diagnostic(
                "extends cycle; expected a chain of scenarios that ends in one without extends, found \(cycle)",
                hint: "remove the extends of one of these files"))
        }
        return .success(parent)
    }
}
