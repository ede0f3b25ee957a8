import CardsimOutput
import Foundation

/// The lock a command takes on its output directory before any work, so that a second
/// process writing the same directory is refused at once (exit 75) instead of after its run.
enum OutputLock {
    /// Creates `path`'s parent if needed and takes `path`'s `DirectoryLock` (with `wait`, after
    /// the process that holds it).
    static func acquire(for path: String, wait: Bool = false) throws -> DirectoryLock {
        try CommandFailure.catching {
            let url = URL(fileURLWithPath: path).standardizedFileURL
            try AtomicDirectory.makeParent(of: url)
            return try DirectoryLock.acquire(for: url, wait: wait)
        }
    }
}
