import Foundation
import Yams

/// Parses scenario text into a located node tree, turning Yams errors into diagnostics.
///
/// Input is bounded before anything large is built: the bytes of a file (`decode`: size,
/// UTF-16 and UTF-32, invalid UTF-8 with line:column), the text's length, and the composed
/// tree (`YAMLTreeLimits`: no aliases, core-schema tags only, at most 200,000 values nested
/// at most 64 levels) before it is walked. libyaml's messages get hints (nesting, tabs,
/// indentation, a stray ':').
enum YAMLReader {
    /// The text of a scenario file's bytes, or why they are not a scenario's text.
    static func decode(_ data: Data, file: String) -> Result<String, Diagnostic> {
        YAMLBytes.decode(data, file: file)
    }

    /// The document's root, or the diagnostic that stops reading: a syntax error or an empty
    /// file (`empty` says what was expected instead).
    static func read(_ yaml: String, file: String,
                     empty: String = "empty scenario; expected a YAML mapping with at least 'name' and 'market'") -> Result<DocumentNode, Diagnostic> {
        if yaml.utf8.count > YAMLBytes.maxBytes {
            return .failure(Diagnostic(file: file, message: "text too large; expected a scenario of at most \(YAMLBytes.maxBytes) bytes, found \(yaml.utf8.count) bytes"))
        }
        if let encoding = YAMLBytes.utf16or32(Array(yaml.utf8.prefix(64))) {
            return .failure(Diagnostic(file: file, message: "the file looks like \(encoding); expected UTF-8 text",
                                       hint: "save it as UTF-8 (most editors offer it under 'Save as' or 'Encoding')"))
        }
        do {
            guard let root = try Yams.compose(yaml: yaml) else {
                return .failure(Diagnostic(file: file, message: "\(empty), found no content"))
            }
            if let problem = YAMLTreeLimits.check(root, file: file) { return .failure(problem) }
            return .success(DocumentNode(root, file: file))
        } catch let error as YamlError {
            return .failure(diagnostic(for: error, yaml: yaml, file: file))
        } catch {
            return .failure(Diagnostic(file: file, message: "invalid YAML: \(error)"))
        }
    }

    static func diagnostic(for error: YamlError, yaml: String, file: String) -> Diagnostic {
        switch error {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false)
            let line = lines.indices.contains(mark.line - 1) ? lines[mark.line - 1] : ""
            let (text, hint) = YAMLMessages.rewrite(problem, line: line)
            var message = "invalid YAML: \(text)"
            if let context, context.mark.line != mark.line || context.mark.column != mark.column {
                message += " (\(context.text) at line \(context.mark.line), column \(context.mark.column))"
            }
            return Diagnostic(file: file, line: mark.line, column: mark.column, message: message, hint: hint)
        case .duplicatedKeysInMapping(let duplicates, let context):
            let key = duplicates.first ?? ""
            let first = context.mark
            let again = repeatedKey(key, after: first, in: yaml)
            return Diagnostic(file: file, line: again?.line ?? first.line, column: again?.column ?? first.column,
                              message: "duplicate key '\(key)'; expected each key once in a mapping, found it more than once",
                              hint: again == nil ? nil : "first used at line \(first.line), column \(first.column)")
        case .reader(let problem, let offset, _, _):
            let (text, hint) = YAMLMessages.rewrite(problem, line: "")
            if let offset, let position = position(ofCharacter: offset, in: yaml) {
                return Diagnostic(file: file, line: position.line, column: position.column,
                                  message: "invalid YAML: \(text)", hint: hint)
            }
            return Diagnostic(file: file, message: "invalid YAML: \(text)", hint: hint)
        default:
            return Diagnostic(file: file, message: "invalid YAML: \(error)")
        }
    }

    /// Where a block-mapping key that Yams reported at `first` appears again at the same indentation.
    private static func repeatedKey(_ key: String, after first: Mark, in yaml: String) -> (line: Int, column: Int)? {
        let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false)
        let indent = first.column - 1
        guard first.line <= lines.count else { return nil }
        for index in first.line..<lines.count {
            let line = lines[index]
            let leading = line.prefix(while: { $0 == " " }).count
            let body = line.dropFirst(leading)
            if body.isEmpty || body.hasPrefix("#") { continue }
            if leading < indent { return nil }
            guard leading == indent else { continue }
            for spelling in [key, "\"\(key)\"", "'\(key)'"] where body.hasPrefix(spelling) {
                let rest = body.dropFirst(spelling.count).drop(while: { $0 == " " })
                if rest.hasPrefix(":") { return (index + 1, indent + 1) }
            }
        }
        return nil
    }

    /// 1-based line and column of the character at `offset`.
    private static func position(ofCharacter offset: Int, in yaml: String) -> (line: Int, column: Int)? {
        guard offset >= 0, offset <= yaml.count else { return nil }
        var line = 1
        var column = 1
        for character in yaml.prefix(offset) {
            if character == "\n" { line += 1; column = 1 } else { column += 1 }
        }
        return (line, column)
    }
}
