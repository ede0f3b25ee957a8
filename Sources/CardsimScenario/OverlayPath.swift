/// Paths of the files of an `extends:` chain, compared as written: folders and `..` are
/// applied by text, never through the file system.
enum OverlayPath {
    /// `path` with `.` parts and empty parts dropped and each `..` cancelling the folder before
    /// it; leading `..` parts stay, and `..` above `/` stays at `/`.
    static func normalized(_ path: String) -> String {
        let absolute = path.hasPrefix("/")
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) where part != "." {
            if part == "..", let last = parts.last, last != ".." {
                parts.removeLast()
            } else if part == "..", absolute {
                continue
            } else {
                parts.append(part)
            }
        }
        return (absolute ? "/" : "") + parts.joined(separator: "/")
    }

    /// The folder of the file at `path`, normalized ("" for the working folder).
    static func folder(of path: String) -> String {
        let normal = normalized(path)
        guard let slash = normal.lastIndex(of: "/") else { return "" }
        return slash == normal.startIndex ? "/" : String(normal[..<slash])
    }

    /// `reference` (a relative path) taken from `folder`, normalized.
    static func join(_ folder: String, _ reference: String) -> String {
        normalized(folder.isEmpty ? reference : "\(folder)/\(reference)")
    }

    /// Whether the normalized `path` lies in `folder` or below it.
    static func isInside(_ path: String, folder: String) -> Bool {
        if folder.isEmpty { return !path.hasPrefix("/") && path != ".." && !path.hasPrefix("../") }
        let prefix = folder == "/" ? "/" : folder + "/"
        return path.hasPrefix(prefix) && !path.dropFirst(prefix.count).hasPrefix("../")
            && path.dropFirst(prefix.count) != ".."
    }

    /// `path` (normalized, inside `folder`) relative to `folder`.
    static func relative(_ path: String, to folder: String) -> String {
        if folder.isEmpty { return path }
        return String(path.dropFirst(folder == "/" ? 1 : folder.count + 1))
    }
}
