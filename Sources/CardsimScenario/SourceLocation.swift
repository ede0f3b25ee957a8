/// Where a value in a scenario came from: a position in the file, or a `--set` override.
struct SourceLocation: Sendable, Equatable {
    var file: String
    /// 1-based line, nil when the value has no position (overrides, whole-file problems).
    var line: Int?
    /// 1-based column in Unicode scalars.
    var column: Int?

    /// "line 4, column 7", or the file name when there is no position.
    var humanReadable: String {
        guard let line else { return "'\(file)'" }
        if let column { return "line \(line), column \(column)" }
        return "line \(line)"
    }

    /// `humanReadable`, preceded by the file's name when a message located at `other` names
    /// another file ("scenarios/baseline.yaml line 4, column 7"): the files of an `extends`
    /// chain share one diagnostic.
    func humanReadable(seenFrom other: SourceLocation) -> String {
        guard line != nil, file != other.file else { return humanReadable }
        return "\(file) \(humanReadable)"
    }

    func diagnostic(_ message: String, hint: String? = nil) -> Diagnostic {
        Diagnostic(file: file, line: line, column: column, message: message, hint: hint)
    }
}
