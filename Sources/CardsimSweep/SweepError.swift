/// A sweep that cannot go on: what is wrong, what to do, and whether the input (exit 2) or the
/// output (exit 3) is at fault.
public struct SweepError: Error, Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// The arguments, the sweep directory's contents or a point's files are wrong.
        case input
        /// A file could not be written.
        case write
    }

    public var kind: Kind
    public var message: String
    public var help: String

    public init(_ kind: Kind, _ message: String, help: String) {
        self.kind = kind; self.message = message; self.help = help
    }
}
