import CardsimEngine

/// A scenario's identity: the hash a run records, by which `cardsim check` decides whether a
/// run can be compared with a baseline byte for byte.
extension ScenarioLoader {
    /// The identity of a resolved scenario text (what a run stores: no `extends`), its overrides
    /// and its model files: `identityHash` of the text's canonical form (`canonicalText`), so
    /// that comments and layout do not count and a scenario written out in full and the same
    /// scenario written as an overlay have one identity.
    public static func scenarioIdentity(yaml: String, overrides: [String], modelFiles: [String: String] = [:]) -> String {
        identityHash(yaml: canonicalText(yaml), overrides: overrides, modelFiles: modelFiles)
    }

    /// The scenario's tree in `YAMLWriter`'s fixed layout: no comments, keys in the file's
    /// order, numbers as written. Text that is not a YAML document is its own canonical form.
    public static func canonicalText(_ yaml: String) -> String {
        guard case .success(let root) = YAMLReader.read(yaml, file: "") else { return yaml }
        return YAMLWriter.text(root)
    }

    /// The hash under an identity: FNV-1a 64-bit over the text's UTF-8 bytes, then for
    /// each override a 0 byte and the override's UTF-8 bytes (the separator keeps ["a=1", "b=2"]
    /// apart from ["a=1b=2"]), then for each model file in order of its reference's UTF-8 bytes
    /// the bytes 0 and 10 (no override holds a newline, so no override list gives them) and
    /// `R:REFERENCE` and `T:TEXT`, each preceded by its byte count in decimal digits; 16
    /// lowercase hex digits. Without model files the hash is that of the text and overrides
    /// alone.
    public static func identityHash(yaml: String, overrides: [String], modelFiles: [String: String] = [:]) -> String {
        var hash = FNV1a64()
        hash.add(yaml.utf8)
        for override in overrides {
            hash.add(CollectionOfOne(0))
            hash.add(override.utf8)
        }
        for reference in modelFiles.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
            hash.add([0, 10])
            for (tag, part) in [("R", reference), ("T", modelFiles[reference]!)] {
                hash.add("\(part.utf8.count)\(tag):".utf8)
                hash.add(part.utf8)
            }
        }
        return hash.hex
    }
}
