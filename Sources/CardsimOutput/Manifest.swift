import Foundation

/// `manifest.json`: the files cardsim wrote into an output directory, each with its size and
/// SHA-256, so that readers refuse a file changed or removed since, and writers replace a
/// directory only when it holds nothing beyond what cardsim wrote there.
///
///     {
///       "files": {
///         "ledger.csv": {"bytes": 18234, "sha256": "9f86d0…"},
///         …
///       },
///       "format": "cardsim-manifest-1",
///       "state": "complete"
///     }
///
/// A directory being written holds a manifest whose `state` is `writing` (and no `files`)
/// from its creation: that is how a later run knows a leftover `DIR.tmp-*` as cardsim's.
public struct Manifest: Sendable, Equatable {
    public static let fileName = "manifest.json"
    public static let format = "cardsim-manifest-1"

    /// A file's size in bytes and SHA-256 (lowercase hexadecimal).
    public struct Entry: Sendable, Equatable {
        public var bytes: Int
        public var sha256: String

        public init(bytes: Int, sha256: String) { self.bytes = bytes; self.sha256 = sha256 }

        /// The entry of `data`.
        public init(of data: Data) { self.init(bytes: data.count, sha256: SHA256.hex(of: data)) }
    }

    /// File name (inside the directory) to its entry.
    public var files: [String: Entry]
    /// False for the marker of a directory still being written.
    public var complete: Bool

    public init(files: [String: Entry], complete: Bool = true) {
        self.files = files; self.complete = complete
    }

    /// The marker written first into a directory being filled.
    public static let writing = Manifest(files: [:], complete: false)

    /// The manifest of every regular file in `directory` but `manifest.json` itself.
    public static func of(directory: URL) throws -> Manifest {
        let fm = FileManager.default
        var files: [String: Entry] = [:]
        for name in try fm.contentsOfDirectory(atPath: directory.path) where name != fileName {
            let url = directory.appendingPathComponent(name)
            guard let data = fm.contents(atPath: url.path) else {
                throw OutputError(.write, "cannot read back \(url.path) to hash it", help: "Check the disk, then run the command again.")
            }
            files[name] = Entry(of: data)
        }
        return Manifest(files: files)
    }

    /// The file's text (sorted keys, so that the same files give the same bytes).
    public var text: String {
        var members: [String: JSONText] = ["format": .string(Self.format), "state": .string(complete ? "complete" : "writing")]
        if complete {
            members["files"] = .object(files.mapValues {
                .object(["bytes": .integer(Int64($0.bytes)), "sha256": .string($0.sha256)])
            })
        }
        return JSONText.object(members).document
    }

    /// What a directory's `manifest.json` is.
    public enum Found: Sendable, Equatable {
        /// There is no `manifest.json`.
        case none
        /// There is one, but it is not a cardsim manifest (the reason, for messages).
        case damaged(String)
        case manifest(Manifest)
    }

    /// Reads `directory/manifest.json`.
    public static func find(in directory: URL) -> Found {
        let url = directory.appendingPathComponent(fileName)
        guard FileManager.default.fileExists(atPath: url.path) else { return .none }
        guard let data = FileManager.default.contents(atPath: url.path) else { return .damaged("it cannot be read") }
        return parse(data)
    }

    /// Parses a manifest's bytes.
    public static func parse(_ data: Data) -> Found {
        guard let root = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            return .damaged("it is not a JSON object")
        }
        guard root["format"] as? String == format else { return .damaged("its format is not '\(format)'") }
        switch root["state"] as? String {
        case "writing": return .manifest(.writing)
        case "complete": break
        default: return .damaged("its state is neither 'complete' nor 'writing'")
        }
        guard let list = root["files"] as? [String: Any] else { return .damaged("it has no 'files' object") }
        var files: [String: Entry] = [:]
        for (name, value) in list {
            guard let entry = value as? [String: Any], let bytes = (entry["bytes"] as? NSNumber)?.intValue,
                  let hash = entry["sha256"] as? String, hash.count == 64,
                  !name.isEmpty, !name.contains("/"), name != ".", name != "..", name != fileName else {
                return .damaged("its entry '\(name)' is not a file name with 'bytes' and a 64-digit 'sha256'")
            }
            files[name] = Entry(bytes: bytes, sha256: hash)
        }
        return .manifest(Manifest(files: files))
    }

    /// The complete manifest of `directory`, or an `OutputError` of kind `.read` that says why
    /// there is none. `what` names the directory's kind in messages (e.g. "run directory").
    public static func required(in directory: URL, what: String = "cardsim output directory") throws -> Manifest {
        let shown = directory.appendingPathComponent(fileName).path
        switch find(in: directory) {
        case .none:
            throw OutputError(.read, "\(directory.path) has no \(fileName); it is not a \(what) (or an older cardsim wrote it)",
                              help: "Pass a directory cardsim wrote, or run the command that writes it again.")
        case .damaged(let why):
            throw OutputError(.read, "\(shown) is not a cardsim manifest: \(why)",
                              help: "Do not edit output directories; run the command that wrote \(directory.path) again.")
        case .manifest(let m):
            guard m.complete else {
                throw OutputError(.read, "\(directory.path) was not finished (its \(fileName) says it is still being written)",
                                  help: "Run the command that writes \(directory.path) again.")
            }
            return m
        }
    }

    /// Checks the files `names` (every listed file when nil) against the manifest: each must be
    /// listed and present with the listed size and SHA-256. Throws one `OutputError` of kind
    /// `.read` naming every file changed, missing or not listed.
    public func verify(_ directory: URL, names: [String]? = nil) throws {
        let fm = FileManager.default
        var changed: [String] = [], missing: [String] = [], unlisted: [String] = []
        for name in (names ?? Array(files.keys)).sorted() {
            guard let entry = files[name] else { unlisted.append(name); continue }
            guard let data = fm.contents(atPath: directory.appendingPathComponent(name).path) else {
                missing.append(name); continue
            }
            if Entry(of: data) != entry { changed.append(name) }
        }
        var problems: [String] = []
        if !changed.isEmpty { problems.append("changed since cardsim wrote them: \(changed.joined(separator: ", "))") }
        if !missing.isEmpty { problems.append("missing: \(missing.joined(separator: ", "))") }
        if !unlisted.isEmpty { problems.append("not listed in its \(Self.fileName): \(unlisted.joined(separator: ", "))") }
        guard problems.isEmpty else {
            throw OutputError(.read, "\(directory.path) does not match its \(Self.fileName); files \(problems.joined(separator: "; "))",
                              help: "Do not edit output directories; run the command that wrote \(directory.path) again.")
        }
    }

    /// The complete manifest of `directory` with `names` (all listed files when nil) verified.
    public static func verified(_ directory: URL, names: [String]? = nil, what: String = "cardsim output directory") throws -> Manifest {
        let m = try required(in: directory, what: what)
        try m.verify(directory, names: names)
        return m
    }
}
