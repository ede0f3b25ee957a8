/// One problem found in a scenario, with the place it was found.
///
/// `description` is the compiler-style line users see:
/// `FILE:LINE:COL: error: MESSAGE (hint: HINT)`; the line and column parts are left out when
/// unknown (a file that cannot be read, an empty file, a `--set` override).
public struct Diagnostic: Error, Sendable, Equatable, CustomStringConvertible {
    /// The scenario file as given, or `--set PATH=VALUE` for a problem in an override.
    public var file: String
    /// Line of the offending node, 1-based.
    public var line: Int?
    /// Column of the offending node, 1-based, counted in Unicode scalars.
    public var column: Int?
    /// What is wrong, phrased "what is wrong; expected X, found Y".
    public var message: String
    /// A likely fix, e.g. "did you mean 'annual_fee'?" or "a percentage? write 0.1825".
    public var hint: String?

    public init(file: String, line: Int? = nil, column: Int? = nil, message: String, hint: String? = nil) {
        self.file = file; self.line = line; self.column = column
        self.message = message; self.hint = hint
    }

    public var description: String {
        var place = file
        if let line {
            place += ":\(line)"
            if let column { place += ":\(column)" }
        }
        var text = "\(place): error: \(message)"
        if let hint { text += " (hint: \(hint))" }
        return text
    }
}

/// Every problem found while loading one scenario, in file order.
public struct ScenarioErrors: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]

    public init(diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }

    /// One diagnostic per line.
    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
