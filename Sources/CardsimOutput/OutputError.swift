/// Why an output directory could not be written, read or merged.
public struct OutputError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// Writing the output failed (permissions, a file in the way, disk full).
        case write
        /// An input directory is missing, unreadable or not a cardsim output.
        case read
        /// Shards that do not make up one run: different runs, missing or overlapping paths.
        case shards
        /// Another process holds the lock of the output directory (`DirectoryLock`).
        case locked
    }

    public var kind: Kind
    /// What is wrong, one line.
    public var message: String
    /// What to do about it, one line.
    public var help: String

    public init(_ kind: Kind, _ message: String, help: String) {
        self.kind = kind; self.message = message; self.help = help
    }

    public var description: String { message }
}
