/// A problem with the data, the fit or the output file, in the shape of every cardsim error:
///
///     FILE[:LINE:COL]: error: WHAT IS WRONG; expected X, found Y (hint: A LIKELY FIX)
///
/// LINE and COL (1-based) point at the offending cell of a CSV file; they are left out when
/// the problem is not in one place (a constant column, a target with one class, a fit that
/// does not converge).
public struct FitError: Error, Equatable, Sendable, CustomStringConvertible {
    public enum Kind: Sendable {
        /// The data or the options given cannot be fitted (exit status 2).
        case input
        /// The result could not be written (exit status 3).
        case output
    }

    public var kind: Kind
    public var file: String
    public var line: Int?
    public var column: Int?
    /// What is wrong, what was expected and what was found, without the location.
    public var message: String
    public var hint: String?

    public init(_ kind: Kind = .input, file: String, line: Int? = nil, column: Int? = nil,
                _ message: String, hint: String? = nil) {
        self.kind = kind; self.file = file; self.line = line; self.column = column
        self.message = message; self.hint = hint
    }

    public var description: String {
        var place = file
        if let line {
            place += ":\(line)"
            if let column { place += ":\(column)" }
        }
        return "\(place): error: \(message)" + (hint.map { " (hint: \($0))" } ?? "")
    }
}

/// Quoting of names and values inside error messages.
enum Quote {
    /// `'name'`, as the messages show column names and cell text.
    static func single(_ text: String) -> String { "'\(text)'" }

    /// A comma-separated list of quoted names: `'a', 'b', 'c'`.
    static func list(_ names: [String]) -> String { names.map(single).joined(separator: ", ") }
}
