import Foundation

/// Unbuffered writes to standard error (progress, timings, errors).
enum StandardError {
    static func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }

    /// Whether standard error is a terminal (progress bars are drawn only then).
    static var isTerminal: Bool { isatty(2) == 1 }
}
