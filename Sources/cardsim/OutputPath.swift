import Foundation
import ArgumentParser

/// Checks of an `--out` path before anything runs.
enum OutputPath {
    /// An empty (or blank) `--out` would name the current directory: a usage error (exit 64).
    static func check(_ out: String) throws {
        if out.trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError("--out must name a directory or file, found an empty value.")
        }
    }
}
