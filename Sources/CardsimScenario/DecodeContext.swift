import Foundation
import Yams

/// Collects diagnostics and source locations while field tables read a document, and reads
/// typed values out of nodes. Every reader reports its own problems and returns nil on error,
/// so that decoding goes on and every problem in a file is reported.
struct DecodeContext {
    private(set) var diagnostics: [Diagnostic] = []
    /// Location of the node that gave each dotted path (e.g. "bank.product.apr").
    private(set) var locations: [String: SourceLocation] = [:]
    /// Location of the key of each mapping entry read by a free-key mapping (e.g. channel_affinity).
    private(set) var keyLocations: [String: SourceLocation] = [:]
    /// Paths whose value could not be read (wrong type, out of range, missing).
    private(set) var failedPaths: Set<String> = []
    /// Used when no node of a path or its parents has a location (whole-file problems).
    var fallback: SourceLocation
    /// Where model files named by the scenario are read, and the texts read so far.
    var modelFiles: ModelFileLoad

    init(fallback: SourceLocation, modelFiles: ModelFileReader = .disk) {
        self.fallback = fallback
        self.modelFiles = ModelFileLoad(reader: modelFiles)
    }

    mutating func report(_ location: SourceLocation, _ message: String, hint: String? = nil) {
        diagnostics.append(location.diagnostic(message, hint: hint))
    }

    mutating func fail(_ path: String) { failedPaths.insert(path) }

    /// Whether any of `paths`, or a parent of one, could not be read.
    func hasFailed(_ paths: [String]) -> Bool {
        paths.contains { path in
            var path = path
            while true {
                if failedPaths.contains(path) { return true }
                guard let cut = path.lastIndex(where: { $0 == "." || $0 == "[" }) else { return false }
                path = String(path[..<cut])
            }
        }
    }

    mutating func record(_ path: String, _ location: SourceLocation) {
        if locations[path] == nil { locations[path] = location }
    }

    mutating func recordKey(_ path: String, _ location: SourceLocation) {
        if keyLocations[path] == nil { keyLocations[path] = location }
    }

    /// The location of the first of `paths` that was read from a node, else of its nearest
    /// parent that was, else the fallback.
    func location(_ paths: String...) -> SourceLocation { location(paths) }

    /// As `location(_:)`, for a list of paths.
    func location(_ paths: [String]) -> SourceLocation {
        for path in paths { if let found = locations[path] { return found } }
        var path = paths.first ?? ""
        while let cut = path.lastIndex(where: { $0 == "." || $0 == "[" }) {
            path = String(path[..<cut])
            if let found = locations[path] { return found }
        }
        return fallback
    }

    /// The location of the key of the free-key mapping entry that gave `path`, if any.
    func keyLocation(_ path: String) -> SourceLocation? { keyLocations[path] }

    static func label(_ path: String) -> String { path.isEmpty ? "the scenario" : path }

    mutating func wrongType(_ node: DocumentNode, _ path: String, expected: String, hint: String? = nil) {
        fail(path)
        report(node.location, "wrong type for \(Self.label(path)); expected \(expected), found \(node.foundDescription)", hint: hint)
    }

    // MARK: - Containers

    mutating func mapping(_ node: DocumentNode, _ path: String) -> [DocumentNode.Entry]? {
        guard let entries = node.entries else {
            wrongType(node, path, expected: "a mapping"); return nil
        }
        return entries
    }

    mutating func sequence(_ node: DocumentNode, _ path: String, expected: String = "a list") -> [DocumentNode]? {
        guard case .sequence(let items) = node.content else {
            wrongType(node, path, expected: expected); return nil
        }
        return items
    }

    /// A mapping key's text; reports keys that are not scalars.
    mutating func key(_ entry: DocumentNode.Entry, _ path: String) -> String? {
        guard let text = entry.key.scalarText, !entry.key.isNull else {
            report(entry.key.location, "invalid key in \(Self.label(path)); expected a key name, found \(entry.key.foundDescription)")
            return nil
        }
        return text
    }

    // MARK: - Scalars

    mutating func number(_ node: DocumentNode, _ path: String, range: NumberRange, unit: String) -> Double? {
        let expected = "a number " + range.phrase + (unit.isEmpty ? "" : " (\(unit))")
        guard case .scalar(let scalar) = node.content, scalar.kind == .int || scalar.kind == .float else {
            var hint: String?
            if case .scalar(let scalar) = node.content, scalar.kind == .string, scalar.text.hasSuffix("%"),
               let fraction = NumberText.dividedByHundred(String(scalar.text.dropLast()).trimmingCharacters(in: .whitespaces)) {
                hint = "a percentage? write \(fraction)"
            }
            wrongType(node, path, expected: "a number", hint: hint)
            return nil
        }
        guard let value = Self.double(scalar) else {
            wrongType(node, path, expected: "a number"); return nil
        }
        guard value.isFinite else {
            fail(path)
            report(node.location, "invalid value for \(path); expected a finite number, found \(scalar.text)")
            return nil
        }
        guard range.contains(value) else {
            var hint: String?
            // A value of at most 1 is no percentage of a fraction: 0.5 for a bound of 0.3 means 50%.
            if range.acceptsPercentageHint, value > (range.maximum ?? .infinity), value > 1, value <= 100,
               range.contains(value / 100) {
                hint = "a percentage? write " + (NumberText.dividedByHundred(scalar.text) ?? NumberText.format(value / 100))
            }
            fail(path)
            report(node.location, "value out of range for \(path); expected \(expected), found \(scalar.text)", hint: hint)
            return nil
        }
        return value
    }

    mutating func integer(_ node: DocumentNode, _ path: String, range: IntegerRange, unit: String) -> Int? {
        guard case .scalar(let scalar) = node.content, scalar.kind == .int else {
            wrongType(node, path, expected: "an integer"); return nil
        }
        let expected = "an integer " + range.phrase + (unit.isEmpty ? "" : " (\(unit))")
        guard let value = Int.construct(from: Node.Scalar(scalar.text)), range.contains(value) else {
            fail(path)
            report(node.location, "value out of range for \(path); expected \(expected), found \(scalar.text)")
            return nil
        }
        return value
    }

    mutating func unsigned(_ node: DocumentNode, _ path: String) -> UInt64? {
        guard case .scalar(let scalar) = node.content, scalar.kind == .int else {
            wrongType(node, path, expected: "an integer"); return nil
        }
        let probe = Node.Scalar(scalar.text)
        if let value = Int.construct(from: probe), value >= 0 { return UInt64(value) }
        if let value = UInt.construct(from: probe) { return UInt64(value) }
        fail(path)
        report(node.location, "value out of range for \(path); expected an integer from 0 to \(UInt64.max), found \(scalar.text)")
        return nil
    }

    mutating func boolean(_ node: DocumentNode, _ path: String) -> Bool? {
        guard case .scalar(let scalar) = node.content, scalar.kind == .bool,
              let value = Bool.construct(from: Node.Scalar(scalar.text)) else {
            wrongType(node, path, expected: "true or false"); return nil
        }
        return value
    }

    mutating func text(_ node: DocumentNode, _ path: String, rule: TextRule) -> String? {
        guard case .scalar(let scalar) = node.content, scalar.kind != .null else {
            wrongType(node, path, expected: "a string"); return nil
        }
        let text = scalar.text
        if text.trimmingCharacters(in: .whitespaces).isEmpty {
            fail(path)
            report(node.location, "empty value for \(path); expected a non-empty string, found \"\(text)\"")
            return nil
        }
        if rule == .itemName, text.contains(".") || text.contains("=") {
            fail(path)
            report(node.location, "invalid name for \(path); expected a name without '.' or '=', found \"\(text)\"",
                   hint: "'.' and '=' separate the parts of --set paths")
            return nil
        }
        return text
    }

    mutating func choice(_ node: DocumentNode, _ path: String, options: [String]) -> String? {
        let expected = "one of " + options.joined(separator: ", ")
        guard case .scalar(let scalar) = node.content, scalar.kind != .null else {
            wrongType(node, path, expected: expected); return nil
        }
        guard options.contains(scalar.text) else {
            let hint = Suggestion.nearest(to: scalar.text, among: options).map { "did you mean '\($0)'?" }
            fail(path)
            report(node.location, "unknown value for \(path); expected \(expected), found \"\(scalar.text)\"", hint: hint)
            return nil
        }
        return scalar.text
    }

    /// A numeric scalar's value by YAML 1.1 rules (underscores, 0x.., .inf, .nan).
    static func double(_ scalar: ScalarValue) -> Double? {
        let probe = Node.Scalar(scalar.text)
        switch scalar.kind {
        case .int:
            if let value = Int.construct(from: probe) { return Double(value) }
            if let value = UInt.construct(from: probe) { return Double(value) }
            return Double(scalar.text.replacingOccurrences(of: "_", with: ""))
        case .float:
            return Double.construct(from: probe)
        default:
            return nil
        }
    }
}
