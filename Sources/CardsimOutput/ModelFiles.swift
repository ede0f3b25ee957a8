import Foundation

/// One model file a run's scenario named (a scorecard of `bank.risk`), as read when the run
/// started.
public struct ModelFile: Sendable, Equatable {
    /// The path as the scenario or a `--set` override wrote it, e.g.
    /// `models/application-basic.yaml` (relative to the scenario file's folder).
    public var reference: String
    /// The file's text, byte for byte.
    public var text: String

    public init(reference: String, text: String) {
        self.reference = reference; self.text = text
    }

    /// `files` sorted by reference (UTF-8 byte order): the order they are stored and hashed in.
    public static func sorted(_ files: [ModelFile]) -> [ModelFile] {
        files.sorted { $0.reference.utf8.lexicographicallyPrecedes($1.reference.utf8) }
    }
}

/// `model-files.json`: the model files of a run directory whose scenario names any, so that the
/// stored scenario loads (for `merge`, `report`, `compare`, ...) without the original files.
///
/// A JSON object from each reference to the file's text, keys in UTF-8 byte order:
///
///     {
///       "models/application-basic.yaml": "# Logistic scorecard fitted by ...\nname: ...\n"
///     }
///
/// A run without model files has no `model-files.json`.
public enum ModelFiles {
    public static let fileName = "model-files.json"

    /// The file's text for `files` (none may share a reference).
    public static func text(_ files: [ModelFile]) -> String {
        var members: [String: JSONText] = [:]
        for file in files {
            precondition(members[file.reference] == nil, "model file references must be unique")
            members[file.reference] = .string(file.text)
        }
        return JSONText.object(members).document
    }

    /// Writes `model-files.json` into `directory` when there are model files; writes nothing
    /// otherwise.
    static func write(_ files: [ModelFile], into directory: URL) throws {
        guard !files.isEmpty else { return }
        try AtomicDirectory.writeFile(text(files), to: directory.appendingPathComponent(fileName))
    }

    /// The model files stored in the output directory `url`, sorted by reference; none when it
    /// has no `model-files.json`.
    ///
    /// Throws `OutputError` of kind `.read` when the file is unreadable or not an object of
    /// strings.
    static func read(_ url: URL) throws -> [ModelFile] {
        let file = url.appendingPathComponent(fileName)
        guard FileManager.default.fileExists(atPath: file.path) else { return [] }
        let help = "Do not edit output directories; re-run the scenario that wrote \(url.path)."
        guard let data = FileManager.default.contents(atPath: file.path) else {
            throw OutputError(.read, "\(file.path) cannot be read", help: help)
        }
        let texts: [String: String]
        do {
            texts = try JSONDecoder().decode([String: String].self, from: data)
        } catch {
            throw OutputError(.read, "\(file.path) is not a cardsim model-file store; expected a JSON object from model file paths to their texts",
                              help: help)
        }
        return ModelFile.sorted(texts.map { ModelFile(reference: $0.key, text: $0.value) })
    }

    /// How the model files `a` and `b` (each sorted by reference) differ, for a message that
    /// goes on "shards of different runs: ..."; nil when they hold the same bytes.
    ///
    /// E.g. `their copies of model file models/application-basic.yaml differ from line 12
    /// (model-files.json)`.
    static func difference(_ a: [ModelFile], _ b: [ModelFile]) -> String? {
        let left = Dictionary(a.map { ($0.reference, $0.text) }, uniquingKeysWith: { first, _ in first })
        let right = Dictionary(b.map { ($0.reference, $0.text) }, uniquingKeysWith: { first, _ in first })
        for reference in ModelFile.sorted(a + b).map(\.reference) {
            guard let x = left[reference], let y = right[reference] else {
                return "model file \(reference) is stored in only one of them (\(fileName))"
            }
            if !x.utf8.elementsEqual(y.utf8) {
                // Lines of bytes: as a Character, "\r\n" is not "\n".
                let xl = x.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
                let yl = y.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
                let line = zip(xl, yl).enumerated().first { !$0.element.0.elementsEqual($0.element.1) }?.offset
                    ?? min(xl.count, yl.count)
                return "their copies of model file \(reference) differ from line \(line + 1) (\(fileName))"
            }
        }
        return nil
    }
}
