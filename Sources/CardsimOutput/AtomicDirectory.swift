import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a directory so that readers see either the old one or the complete new one.
///
/// The contents go into a sibling `DIR.tmp-<random>`, which is renamed to `DIR` once complete.
/// An existing `DIR` is renamed to `DIR.old-<random>`, the new one renamed in, and the old
/// one deleted. If filling fails, the temporary directory is removed and `DIR` is untouched.
/// A signal handler calls `abandonInProgress()` to remove temporary directories before exit.
public enum AtomicDirectory {
    /// Fills a fresh directory with `fill` and moves it to `destination`, replacing any
    /// directory there. Errors from `fill` are rethrown unchanged; failures to create or move
    /// directories throw `OutputError` of kind `.write`.
    public static func write(to destination: URL, _ fill: (URL) throws -> Void) throws {
        try write(to: destination, registry: .shared, fill)
    }

    /// `write(to:_:)` with the registry of directories to clean up given (tests use their own).
    static func write(to destination: URL, registry: Registry, _ fill: (URL) throws -> Void) throws {
        let fm = FileManager.default
        let target = destination.standardizedFileURL
        let parent = target.deletingLastPathComponent()
        let name = target.lastPathComponent
        var ancestor = parent
        while ancestor.path != "/" {
            var isDirectory: ObjCBool = false
            if fm.fileExists(atPath: ancestor.path, isDirectory: &isDirectory) {
                if !isDirectory.boolValue { throw cannotWrite(target, "\(ancestor.path) is a file, not a directory") }
                break
            }
            ancestor = ancestor.deletingLastPathComponent()
        }
        do {
            try fm.createDirectory(at: parent, withIntermediateDirectories: true)
        } catch {
            throw cannotWrite(target, reason(error))
        }
        var isDirectory: ObjCBool = false
        if fm.fileExists(atPath: target.path, isDirectory: &isDirectory), !isDirectory.boolValue {
            throw OutputError(.write, "cannot write \(target.path): a file of that name is in the way",
                              help: "Choose another output directory, or remove the file.")
        }

        let temporary = parent.appendingPathComponent("\(name).tmp-\(randomSuffix())")
        guard registry.register(temporary.path) else { throw interrupted(target) }
        if mkdir(temporary.path, 0o777) != 0 {
            let why = String(cString: strerror(errno))
            registry.unregister(temporary.path)
            throw cannotWrite(target, why)
        }
        do {
            try fill(temporary)
        } catch {
            try? fm.removeItem(at: temporary)
            registry.unregister(temporary.path)
            throw error
        }

        // Swap under the registry's lock, so that a signal handler sees the state before or
        // after the swap, never in between.
        let old = parent.appendingPathComponent("\(name).old-\(randomSuffix())")
        let swapError: String? = registry.withLock {
            if registry.abandonedLocked { return "interrupted" }
            let hadOld = fm.fileExists(atPath: target.path)
            if hadOld {
                guard rename(target.path, old.path) == 0 else { return String(cString: strerror(errno)) }
            }
            guard rename(temporary.path, target.path) == 0 else {
                let why = String(cString: strerror(errno))
                if hadOld { _ = rename(old.path, target.path) }
                return why
            }
            registry.unregisterLocked(temporary.path)
            if hadOld { registry.registerLocked(old.path) }
            return nil
        }
        if let why = swapError {
            try? fm.removeItem(at: temporary)
            registry.unregister(temporary.path)
            throw cannotWrite(target, why)
        }
        if fm.fileExists(atPath: old.path) {
            try? fm.removeItem(at: old)
        }
        registry.unregister(old.path)
    }

    /// Removes every temporary directory of writes in progress and blocks further writes from
    /// completing. For signal handlers that exit right after.
    public static func abandonInProgress() {
        Registry.shared.abandon()
    }

    /// Writes `text` as UTF-8 to `file`, with errors as `OutputError`.
    static func writeFile(_ text: String, to file: URL) throws {
        do {
            try Data(text.utf8).write(to: file)
        } catch {
            throw cannotWrite(file, reason(error))
        }
    }

    private static func cannotWrite(_ url: URL, _ why: String) -> OutputError {
        OutputError(.write, "cannot write \(url.path): \(why)",
                    help: "Check that the directory is writable and the disk has space, or choose another output directory.")
    }

    private static func interrupted(_ url: URL) -> OutputError {
        OutputError(.write, "cannot write \(url.path): interrupted", help: "Run the command again.")
    }

    private static func reason(_ error: Error) -> String {
        let ns = error as NSError
        if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code)))
        }
        if ns.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(ns.code))) }
        return ns.localizedDescription
    }

    private static func randomSuffix() -> String {
        var g = SystemRandomNumberGenerator()
        return String(UInt32.random(in: .min ... .max, using: &g), radix: 16)
    }

    /// Directories that must be removed if the process is interrupted.
    final class Registry: @unchecked Sendable {
        static let shared = Registry()

        private let lock = NSLock()
        private var paths: Set<String> = []
        private var abandoned = false

        func register(_ path: String) -> Bool { withLock { registerLocked(path); return !abandoned } }
        func unregister(_ path: String) { withLock { unregisterLocked(path) } }
        func registerLocked(_ path: String) { paths.insert(path) }
        var abandonedLocked: Bool { abandoned }
        func unregisterLocked(_ path: String) { paths.remove(path) }

        func withLock<T>(_ body: () -> T) -> T {
            lock.lock(); defer { lock.unlock() }
            return body()
        }

        /// Removes every registered directory and makes later swaps fail.
        func abandon() {
            lock.lock()
            abandoned = true
            for path in paths.sorted() { try? FileManager.default.removeItem(atPath: path) }
            paths.removeAll()
            lock.unlock()
        }
    }
}
