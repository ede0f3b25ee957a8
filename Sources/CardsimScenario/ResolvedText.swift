/// The text of a merged scenario, as a run stores it (`scenario.yaml`) and
/// `cardsim validate --resolved` prints it.
extension ScenarioOverlay.Resolution {
    /// The top file's text when it extends nothing. Otherwise the top file's opening comment
    /// (its question), a comment naming the chain, and the merged tree in the canonical layout
    /// of `YAMLWriter`: keys in the parent's order, the child's new keys after them.
    func text(topYAML: String) -> String {
        guard files.count > 1 else { return topYAML }
        var header: [Substring] = []
        for line in topYAML.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.drop(while: { $0 == " " })
            guard trimmed.isEmpty || trimmed.hasPrefix("#") else { break }
            header.append(line)
        }
        while let last = header.last, last.trimmingCharacters(in: .whitespaces).isEmpty { header.removeLast() }
        let folder = OverlayPath.folder(of: files[0])
        let names = [OverlayPath.normalized(files[0])].map { OverlayPath.relative($0, to: folder) }
            + files.dropFirst().map { OverlayPath.relative($0, to: folder) }
        var out = header.map { $0 + "\n" }.joined()
        if !header.isEmpty { out += "#\n" }
        out += "# \(names.joined(separator: " extends ")): merged into one scenario (docs/scenario-format.md, \"Overlays\").\n\n"
        return out + YAMLWriter.text(root)
    }
}
