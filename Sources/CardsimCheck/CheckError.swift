/// A problem with a baseline or a baseline directory: missing, damaged, in the way, or not
/// writable. Never a pass: the command reports it and exits with status 2 (3 for writing).
public struct CheckError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// No baseline is stored for the scenario.
        case missingBaseline
        /// The stored baseline cannot be read, or its files disagree with each other.
        case corruptBaseline
        /// A baseline is stored already and replacing it was not asked for.
        case existingBaseline
        /// The baseline could not be written.
        case write
    }

    public var kind: Kind
    /// What is wrong, naming the file.
    public var message: String
    /// What to do about it.
    public var help: String

    public init(_ kind: Kind, _ message: String, help: String) {
        self.kind = kind; self.message = message; self.help = help
    }

    public var description: String { message }
}
