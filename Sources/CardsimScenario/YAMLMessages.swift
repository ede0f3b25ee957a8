/// libyaml's messages in the words of a scenario's author, each with what to do.
enum YAMLMessages {
    /// The message for libyaml's `problem` at a position on `line`, and a hint.
    static func rewrite(_ problem: String, line: Substring) -> (String, String?) {
        let indentation = line.prefix(while: { $0 == " " || $0 == "\t" })
        if indentation.contains("\t") || problem.contains("tab character") {
            return (problem, "indent with spaces; YAML does not allow tabs for indentation")
        }
        if problem.hasPrefix("Maximum nesting level reached") {
            return ("values nested too deeply; expected a scenario nested a few levels, found more than libyaml's limit of 1000 levels",
                    "check for unbalanced '[' or '{'")
        }
        if problem.contains("control characters are not allowed") {
            return (problem, "the file holds control characters (NUL bytes are typical of UTF-16); save it as UTF-8 text")
        }
        if problem.hasPrefix("did not find expected ',' or") {
            return (problem, "a '[' or '{' is not closed, or two values lack the ',' between them")
        }
        switch problem {
        case "found unexpected end of stream":
            return (problem, "a quoted value or a '[' / '{' is not closed before the end of the file")
        case "but found another document":
            return ("a second YAML document in the file", "a scenario file holds one document; remove the '---' line and what follows, or split the file")
        case "found incompatible YAML document":
            return ("a %YAML directive of a version this reader does not know", "remove the '%YAML' line")
        case "mapping values are not allowed in this context":
            return ("a ':' where no mapping can start",
                    "a value holding ': ' must be quoted, e.g. name: \"a: b\"; else check this line's indentation")
        case "did not find expected key", "did not find expected '-' indicator":
            return (problem, "check the indentation: the keys of one mapping (and the '-' of one list) start in the same column")
        case "found character that cannot start any token":
            return (problem, "a '@' or '`' cannot start a plain value; quote the value")
        case "could not find expected ':'":
            return (problem, "a key needs ': ' after it; a value running over several lines must be quoted or indented under its key")
        case "found undefined alias":
            return ("an alias ('*name') without an anchor", "scenario files use no aliases; write the value out")
        default:
            return (problem, nil)
        }
    }
}
