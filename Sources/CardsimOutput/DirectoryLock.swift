import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An advisory lock that keeps two cardsim processes from writing one output directory.
///
/// The lock is `flock` on a hidden file beside the directory, `.NAME.lock` (the directory
/// itself is replaced by a rename, so the lock cannot live inside it). The holder writes its
/// process id and command line into the file, so that the refused process can name it. The
/// file is removed on release; a process that dies releases its lock with it, and the next
/// writer takes over the file. A lock taken while the file was being removed is detected (the
/// path no longer names the locked file) and taken again. Within one process the lock is
/// re-entrant: a command that holds it may call writers that take it again.
public final class DirectoryLock {
    /// The lock file.
    public let path: String
    private var fd: Int32

    private init(path: String, fd: Int32) { self.path = path; self.fd = fd }

    /// Lock files this process holds, with how many handles hold each.
    nonisolated(unsafe) private static var held: [String: Int] = [:]
    private static let heldLock = NSLock()

    /// The lock file of `directory`: `.NAME.lock` in its parent.
    public static func lockPath(for directory: URL) -> String {
        let target = directory.standardizedFileURL
        return target.deletingLastPathComponent().appendingPathComponent(".\(target.lastPathComponent).lock").path
    }

    /// Takes the lock of `directory` (whose parent must exist), or throws `OutputError` of kind
    /// `.locked` naming the process that holds it; with `wait`, waits for the holder instead
    /// (the shards of one sweep take the sweep directory's lock in turn to claim it).
    public static func acquire(for directory: URL, wait: Bool = false) throws -> DirectoryLock {
        let path = lockPath(for: directory)
        heldLock.lock(); defer { heldLock.unlock() }
        if let count = held[path] {
            held[path] = count + 1
            return DirectoryLock(path: path, fd: -2)
        }
        while true {
            let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
            guard fd >= 0 else {
                throw OutputError(.write, "cannot create the lock file \(path): \(String(cString: strerror(errno)))",
                                  help: "Check that the directory is writable, or choose another output directory.")
            }
            if flock(fd, wait ? LOCK_EX : LOCK_EX | LOCK_NB) != 0 {
                let holder = String(decoding: readAll(fd), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
                close(fd)
                throw OutputError(.locked, "another cardsim process is writing \(directory.path)"
                                  + (holder.isEmpty ? "" : " (\(holder))") + "; it was left to it",
                                  help: "Wait for that process to finish (or stop it), then run the command again.")
            }
            // The holder before us may have removed the file after we opened it: lock the file
            // the path names now.
            var opened = stat(), current = stat()
            if fstat(fd, &opened) == 0, stat(path, &current) == 0, opened.st_ino == current.st_ino, opened.st_dev == current.st_dev {
                let text = "pid \(getpid()): " + CommandLine.arguments.joined(separator: " ") + "\n"
                _ = ftruncate(fd, 0)
                _ = text.withCString { pwrite(fd, $0, strlen($0), 0) }
                held[path] = 1
                return DirectoryLock(path: path, fd: fd)
            }
            close(fd)
        }
    }

    /// Removes the lock file and releases the lock (also done when the value is released).
    public func release() {
        guard fd != -1 else { return }
        Self.heldLock.lock(); defer { Self.heldLock.unlock() }
        let count = (Self.held[path] ?? 1) - 1
        Self.held[path] = count > 0 ? count : nil
        if fd >= 0 {
            // The last holder in the process has the descriptor: with re-entry, the outer one.
            if count > 0 { return }
            unlink(path)
            close(fd)
        }
        fd = -1
    }

    deinit { release() }

    /// Removes the lock files this process holds, for a signal handler about to exit (the
    /// locks themselves end with the process).
    public static func removeHeldFiles() {
        heldLock.lock(); defer { heldLock.unlock() }
        for path in held.keys { unlink(path) }
        held.removeAll()
    }

    private static func readAll(_ fd: Int32) -> [UInt8] {
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 512)
        var offset: off_t = 0
        while bytes.count < 4096 {
            let n = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress, 512, offset) }
            if n <= 0 { break }
            bytes += buffer[0..<n]
            offset += off_t(n)
        }
        return bytes
    }
}
