import Foundation

/// Unbuffered writes to standard error (progress, timings, errors).
enum StandardError {
    /// Writes `text` with its control characters made visible (`TerminalText.safe`).
    static func write(_ text: String) {
        FileHandle.standardError.write(Data(TerminalText.safe(text).utf8))
    }

    /// Writes a terminal control sequence of cardsim's own (the progress bar's carriage
    /// return and line clear), never user data.
    static func writeControl(_ sequence: String) {
        FileHandle.standardError.write(Data(sequence.utf8))
    }

    /// Whether standard error is a terminal (progress bars are drawn only then).
    static var isTerminal: Bool { isatty(2) == 1 }
}
