/// Why charts, a report or a notebook could not be made.
public struct ReportError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// A program cardsim drives (gnuplot) is not installed.
        case missingTool
        /// That program ran and failed.
        case toolFailed
        /// The run directory or an option is unusable (a shard, an unknown KPI, a damaged file).
        case input
        /// The output could not be written.
        case write
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
