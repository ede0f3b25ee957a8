import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a directory so that readers see either the old one or the complete new one.
///
/// Under the directory's lock (`DirectoryLock`), the contents go into a sibling
/// `DIR.tmp-<random>` that holds a `manifest.json` marker from the start; once filled, the
/// marker is replaced by the manifest of every file written (`Manifest`), every file and the
/// directory are flushed to disk, and the new directory is exchanged with `DIR` in one
/// `renameat2(RENAME_EXCHANGE)` (where the file system lacks it: `DIR` renamed to
/// `DIR.old-<random>`, the new one renamed in). The old directory is deleted last.
///
/// A failure or an interrupt at any step before that leaves the old `DIR` intact and nothing
/// new (a signal handler calls `abandonInProgress()`, which also swaps an exchanged directory
/// back). What a killed process leaves behind (`DIR.tmp-*`, `DIR.old-*`) is recognised by its
/// manifest and cleaned up by the next write of `DIR` (`recoverLeftovers(of:)`), an old
/// directory put back if `DIR` is missing. Nothing without a cardsim manifest is deleted.
public enum AtomicDirectory {
    /// Fills a fresh directory with `fill` and moves it to `destination`, replacing a cardsim
    /// output there (`checkReplaceable`). Errors from `fill` are rethrown unchanged; failures
    /// to create or move directories throw `OutputError` of kind `.write`, a lock held by
    /// another process `.locked`.
    public static func write(to destination: URL, _ fill: (URL) throws -> Void) throws {
        try write(to: destination, registry: .shared, fill)
    }

    /// `write(to:_:)` with the registry of directories to clean up given (tests use their own).
    static func write(to destination: URL, registry: Registry, _ fill: (URL) throws -> Void) throws {
        let fm = FileManager.default
        let target = destination.standardizedFileURL
        let parent = target.deletingLastPathComponent()
        let name = target.lastPathComponent
        try makeParent(of: target)
        let lock = try DirectoryLock.acquire(for: target)
        defer { lock.release() }
        try FaultInjection.reach("directory.locked", target: target.path)
        recoverLeftovers(of: target)
        try checkReplaceable(target)

        let temporary = parent.appendingPathComponent("\(name).tmp-\(randomSuffix())")
        guard registry.register(temporary.path) else {
            parkIfInterrupted(registry)
            throw interrupted(target)
        }
        if mkdir(temporary.path, 0o777) != 0 {
            let why = String(cString: strerror(errno))
            registry.unregister(temporary.path)
            throw cannotWrite(target, why)
        }
        do {
            try writeFile(Manifest.writing.text, to: temporary.appendingPathComponent(Manifest.fileName))
            try fill(temporary)
            try FaultInjection.reach("directory.filled", target: target.path)
            try writeFile(Manifest.of(directory: temporary).text, to: temporary.appendingPathComponent(Manifest.fileName))
            try syncTree(temporary, target: target)
            try FaultInjection.reach("directory.synced", target: target.path)
        } catch {
            parkIfInterrupted(registry)
            try? fm.removeItem(at: temporary)
            registry.unregister(temporary.path)
            throw error
        }

        // Swap under the registry's lock, so that a signal handler sees the state before or
        // after the swap, never in between.
        let swapError: String? = registry.withLock {
            if registry.abandonedLocked { return "interrupted" }
            var old: String?
            if fm.fileExists(atPath: target.path) {
                if exchange(temporary.path, target.path) {
                    old = temporary.path
                } else {
                    let aside = parent.appendingPathComponent("\(name).old-\(randomSuffix())").path
                    guard rename(target.path, aside) == 0 else { return String(cString: strerror(errno)) }
                    guard rename(temporary.path, target.path) == 0 else {
                        let why = String(cString: strerror(errno))
                        _ = rename(aside, target.path)
                        return why
                    }
                    old = aside
                }
            } else {
                guard rename(temporary.path, target.path) == 0 else { return String(cString: strerror(errno)) }
            }
            registry.unregisterLocked(temporary.path)
            registry.pendingLocked = Registry.Pending(target: target.path, old: old)
            return nil
        }
        if swapError == "interrupted" { parkIfInterrupted(registry) }
        if let why = swapError {
            try? fm.removeItem(at: temporary)
            registry.unregister(temporary.path)
            throw cannotWrite(target, why)
        }
        syncPath(parent.path)
        do {
            try FaultInjection.reach("directory.swapped", target: target.path)
        } catch {
            registry.withLock { registry.rollBackLocked() }
            throw error
        }
        // Checked under the lock that the handler's rollback takes: either the handler rolled the
        // swap back before (and this thread waits for its exit) or it will find the write final.
        let finished: Bool = registry.withLock {
            if registry.abandonedLocked { return false }
            if let old = registry.pendingLocked?.old { try? fm.removeItem(atPath: old) }
            registry.pendingLocked = nil
            if registry.finalArmedLocked { registry.finalPublishedLocked = true }
            return true
        }
        if !finished {
            parkIfInterrupted(registry)
            throw interrupted(target)
        }
    }

    /// If the process's signal handler abandoned the writes (`abandonInProgress`), it is exiting
    /// the process with status 130: this thread then waits for that exit and neither finishes the
    /// command nor reports an error of its own, which could overtake the handler's exit (status 0
    /// or 3 after "Error: interrupted"). Registries of tests (not `Registry.shared`) return.
    private static func parkIfInterrupted(_ registry: Registry) {
        guard registry === Registry.shared, registry.withLock({ registry.abandonedLocked }) else { return }
        while true { sleep(3600) }
    }

    /// Declares that the next write completes the command's output (`run`, `merge`): once it is
    /// in place, `abandonInProgress` leaves it and answers false, for the command to finish.
    public static func nextWriteIsFinal() {
        Registry.shared.withLock { Registry.shared.finalArmedLocked = true }
    }

    /// Removes every temporary directory of writes in progress, puts back the old directory of
    /// a write that swapped but had not finished, and blocks further writes from completing;
    /// true. For signal handlers that exit right after. False, doing nothing, once the final
    /// write (`nextWriteIsFinal`) is in place: the output is complete and the handler should
    /// let the command end.
    public static func abandonInProgress() -> Bool {
        Registry.shared.abandon()
    }

    /// Cleans up what a killed cardsim left beside `target`: `NAME.tmp-*` and `NAME.old-*`
    /// directories holding a cardsim manifest (a `writing` marker, or a complete manifest and
    /// nothing beyond the files it lists). When `target` is missing, the first old directory
    /// with a complete manifest is put back in its place; the rest are removed. Anything else
    /// is left alone.
    public static func recoverLeftovers(of target: URL) {
        let fm = FileManager.default
        let parent = target.deletingLastPathComponent()
        let name = target.lastPathComponent
        let entries = ((try? fm.contentsOfDirectory(atPath: parent.path)) ?? []).sorted()
        for entry in entries where entry.hasPrefix(name + ".tmp-") || entry.hasPrefix(name + ".old-") {
            let url = parent.appendingPathComponent(entry)
            guard case .manifest(let manifest) = Manifest.find(in: url) else { continue }
            let contents = Set((try? fm.contentsOfDirectory(atPath: url.path)) ?? [])
            if manifest.complete {
                guard contents.subtracting([Manifest.fileName]).isSubset(of: manifest.files.keys) else { continue }
                if entry.hasPrefix(name + ".old-"), !fm.fileExists(atPath: target.path), rename(url.path, target.path) == 0 {
                    continue
                }
            }
            try? fm.removeItem(at: url)
        }
    }

    /// Whether a path may be replaced by a cardsim output: missing or empty, or a directory
    /// with a cardsim `manifest.json` and nothing beyond the files it lists.
    public enum Replaceability: Equatable, Sendable {
        case replaceable
        /// A file, not a directory, is at the path.
        case fileInTheWay
        /// A non-empty directory without a cardsim manifest.
        case notAnOutput
        /// A cardsim output with other entries in it, sorted.
        case foreign([String])
    }

    /// The replaceability of `url`.
    public static func replaceability(of url: URL) -> Replaceability {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: url.path, isDirectory: &isDirectory) else { return .replaceable }
        guard isDirectory.boolValue else { return .fileInTheWay }
        let contents = (try? fm.contentsOfDirectory(atPath: url.path)) ?? []
        if contents.isEmpty { return .replaceable }
        guard case .manifest(let manifest) = Manifest.find(in: url), manifest.complete else { return .notAnOutput }
        let foreign = contents.filter { $0 != Manifest.fileName && manifest.files[$0] == nil }.sorted()
        return foreign.isEmpty ? .replaceable : .foreign(foreign)
    }

    /// Refuses to replace anything `replaceability` does not allow, so that neither a mistyped
    /// `--out` nor a note left inside an earlier output directory is deleted.
    public static func checkReplaceable(_ url: URL) throws {
        switch replaceability(of: url) {
        case .replaceable: return
        case .fileInTheWay:
            throw OutputError(.write, "cannot write \(url.path): a file of that name is in the way",
                              help: "Choose another output directory, or remove the file.")
        case .notAnOutput:
            throw OutputError(.write, "\(url.path) exists and is not a cardsim output directory (no \(Manifest.fileName)); it was left untouched",
                              help: "Choose another output directory, or remove this one first.")
        case .foreign(let names):
            throw OutputError(.write, "\(url.path) holds files cardsim did not write (\(names.joined(separator: ", "))); it was left untouched",
                              help: "Move those files out of the directory, or choose another output directory.")
        }
    }

    /// Writes `text` as UTF-8 to `file`, with errors as `OutputError`.
    static func writeFile(_ text: String, to file: URL) throws {
        do {
            try Data(text.utf8).write(to: file)
        } catch {
            throw cannotWrite(file, reason(error))
        }
    }

    /// Creates the parent of `target`, refusing a file in the way of it or of `target`
    /// (`OutputError` of kind `.write`).
    public static func makeParent(of target: URL) throws {
        let fm = FileManager.default
        var ancestor = target.deletingLastPathComponent()
        var isDirectory: ObjCBool = false
        while ancestor.path != "/" {
            if fm.fileExists(atPath: ancestor.path, isDirectory: &isDirectory) {
                if !isDirectory.boolValue { throw cannotWrite(target, "\(ancestor.path) is a file, not a directory") }
                break
            }
            ancestor = ancestor.deletingLastPathComponent()
        }
        do {
            try fm.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        } catch {
            throw cannotWrite(target, reason(error))
        }
        if fm.fileExists(atPath: target.path, isDirectory: &isDirectory), !isDirectory.boolValue {
            throw OutputError(.write, "cannot write \(target.path): a file of that name is in the way",
                              help: "Choose another output directory, or remove the file.")
        }
    }

    /// Flushes every file of `directory` and the directory itself to disk.
    private static func syncTree(_ directory: URL, target: URL) throws {
        for name in try FileManager.default.contentsOfDirectory(atPath: directory.path) {
            guard syncPath(directory.appendingPathComponent(name).path) else {
                throw cannotWrite(target, "flushing \(name) to disk failed: \(String(cString: strerror(errno)))")
            }
        }
        guard syncPath(directory.path) else {
            throw cannotWrite(target, "flushing the directory to disk failed: \(String(cString: strerror(errno)))")
        }
    }

    /// `fsync` of a file or directory; false on failure.
    @discardableResult
    static func syncPath(_ path: String) -> Bool {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        return fsync(fd) == 0
    }

    /// Exchanges two paths in one step (Linux `renameat2` with `RENAME_EXCHANGE`); false when
    /// the system or file system cannot.
    static func exchange(_ a: String, _ b: String) -> Bool {
        #if os(Linux)
        typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "renameat2") else { return false }
        let renameat2 = unsafeBitCast(symbol, to: RenameAt2.self)
        let renameExchange: UInt32 = 2
        return renameat2(AT_FDCWD, a, AT_FDCWD, b, renameExchange) == 0
        #else
        return false
        #endif
    }

    static func cannotWrite(_ url: URL, _ why: String) -> OutputError {
        OutputError(.write, "cannot write \(url.path): \(why)",
                    help: "Check that the directory is writable and the disk has space, or choose another output directory.")
    }

    private static func interrupted(_ url: URL) -> OutputError {
        OutputError(.write, "cannot write \(url.path): interrupted", help: "Run the command again.")
    }

    static func reason(_ error: Error) -> String {
        let ns = error as NSError
        if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code)))
        }
        if ns.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(ns.code))) }
        return ns.localizedDescription
    }

    static func randomSuffix() -> String {
        var g = SystemRandomNumberGenerator()
        return String(UInt32.random(in: .min ... .max, using: &g), radix: 16)
    }

    /// Directories that must be removed, or put back, if the process is interrupted.
    final class Registry: @unchecked Sendable {
        static let shared = Registry()

        /// A write that swapped its new directory in and has not removed the old one yet.
        struct Pending {
            var target: String
            /// Where the old directory is now; nil when there was none.
            var old: String?
        }

        private let lock = NSLock()
        private var paths: Set<String> = []
        private var abandoned = false
        var pendingLocked: Pending?
        var finalArmedLocked = false
        var finalPublishedLocked = false

        func register(_ path: String) -> Bool { withLock { paths.insert(path); return !abandoned } }
        func unregister(_ path: String) { withLock { unregisterLocked(path) } }
        var abandonedLocked: Bool { abandoned }
        func unregisterLocked(_ path: String) { paths.remove(path) }

        func withLock<T>(_ body: () -> T) -> T {
            lock.lock(); defer { lock.unlock() }
            return body()
        }

        /// Undoes a swap that has not finished: the old directory back at the target, the new
        /// one removed.
        func rollBackLocked() {
            guard let pending = pendingLocked else { return }
            let fm = FileManager.default
            if let old = pending.old {
                if !AtomicDirectory.exchange(old, pending.target) {
                    try? fm.removeItem(atPath: pending.target)
                    _ = rename(old, pending.target)
                } else {
                    try? fm.removeItem(atPath: old)
                }
            } else {
                try? fm.removeItem(atPath: pending.target)
            }
            pendingLocked = nil
        }

        /// Removes every registered directory, undoes an unfinished swap and makes later swaps
        /// fail; false, doing nothing, once the final write is in place.
        @discardableResult
        func abandon() -> Bool {
            lock.lock()
            defer { lock.unlock() }
            if finalPublishedLocked { return false }
            abandoned = true
            rollBackLocked()
            for path in paths.sorted() { try? FileManager.default.removeItem(atPath: path) }
            paths.removeAll()
            return true
        }
    }
}
