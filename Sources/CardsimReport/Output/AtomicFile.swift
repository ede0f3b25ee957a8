import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Files written so that readers see either the old file or the complete new one: the bytes
/// go to a hidden sibling `.NAME.tmp-<random>`, renamed over `NAME` once complete. Temporary
/// files of writes in progress are removed if the process exits (an interrupt included).
public enum AtomicFile {
    /// Writes `data` to `url`, creating the parent directory if needed.
    public static func write(_ data: Data, to url: URL) throws {
        let fm = FileManager.default
        let parent = url.deletingLastPathComponent()
        do {
            try fm.createDirectory(at: parent, withIntermediateDirectories: true)
        } catch {
            throw cannotWrite(url, "cannot create \(parent.path)")
        }
        var isDirectory: ObjCBool = false
        if fm.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw ReportError(.write, "cannot write \(url.path): a directory of that name is in the way",
                              help: "Choose another output path, or remove the directory.")
        }
        let temporary = parent.appendingPathComponent(".\(url.lastPathComponent).tmp-\(String(UInt32.random(in: .min ... .max), radix: 16))")
        Pending.shared.add(temporary.path)
        defer { Pending.shared.remove(temporary.path) }
        guard fm.createFile(atPath: temporary.path, contents: data) else {
            throw cannotWrite(url, String(cString: strerror(errno)))
        }
        guard rename(temporary.path, url.path) == 0 else {
            let why = String(cString: strerror(errno))
            try? fm.removeItem(at: temporary)
            throw cannotWrite(url, why)
        }
    }

    /// Writes `text` as UTF-8.
    public static func write(_ text: String, to url: URL) throws {
        try write(Data(text.utf8), to: url)
    }

    static func cannotWrite(_ url: URL, _ why: String) -> ReportError {
        ReportError(.write, "cannot write \(url.path): \(why)",
                    help: "Check that the directory is writable and the disk has space, or choose another output path.")
    }

    /// Temporary files of writes in progress, removed by an exit handler.
    final class Pending: @unchecked Sendable {
        static let shared = Pending()
        private let lock = NSLock()
        private var paths: Set<String> = []
        private var installed = false

        func add(_ path: String) {
            lock.lock(); defer { lock.unlock() }
            paths.insert(path)
            if !installed {
                installed = true
                atexit { AtomicFile.Pending.shared.removeAll() }
            }
        }

        func remove(_ path: String) {
            lock.lock(); paths.remove(path); lock.unlock()
        }

        func removeAll() {
            lock.lock(); defer { lock.unlock() }
            for path in paths { unlink(path) }
            paths.removeAll()
        }
    }
}
