/// Where an output file of the run first differs from the baseline's.
public struct FileDifference: Sendable, Equatable {
    /// `summary.json` or `monthly.csv`.
    public var file: String
    /// 1-based line of the first difference; nil when only fingerprints are stored.
    public var line: Int?
    /// The baseline's line, or `<end of file>`.
    public var baseline: String?
    /// The run's line, or `<end of file>`.
    public var current: String?
    /// What the line holds, e.g. `strategy 'current plan', KPI net_income, mean`.
    public var location: String?
    /// For fingerprint-only files: the two fingerprints.
    public var fingerprints: (baseline: String, current: String)?

    public static func == (a: FileDifference, b: FileDifference) -> Bool {
        a.file == b.file && a.line == b.line && a.baseline == b.baseline && a.current == b.current
            && a.location == b.location && a.fingerprints?.baseline == b.fingerprints?.baseline
            && a.fingerprints?.current == b.fingerprints?.current
    }

    /// The first differing line of two `summary.json` texts, with the JSON path of that line;
    /// nil when the texts are equal.
    static func summary(baseline: String, current: String, strategyNames: [String]) -> FileDifference? {
        guard baseline != current else { return nil }
        let old = lines(baseline), new = lines(current)
        let index = zip(old, new).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(old.count, new.count)
        let end = "<end of file>"
        let location = jsonPath(old, upTo: min(index, old.count - 1)).map { describe($0, strategyNames: strategyNames) }
        return FileDifference(file: "summary.json", line: index + 1,
                              baseline: index < old.count ? old[index] : end,
                              current: index < new.count ? new[index] : end,
                              location: location, fingerprints: nil)
    }

    private static func lines(_ text: String) -> [String] {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        return lines
    }

    /// The keys (and array indices) leading to line `target` of a pretty-printed JSON text in
    /// which every object and array of objects opens at the end of a line and closes on a line
    /// of its own, as `summary.json` is written.
    static func jsonPath(_ lines: [String], upTo target: Int) -> [String]? {
        guard target >= 0 else { return nil }
        var stack: [(key: String, isArray: Bool, count: Int)] = []
        func key(of line: Substring) -> String? {
            guard line.hasPrefix("\""), let close = line.dropFirst().firstIndex(of: "\"") else { return nil }
            return String(line[line.index(after: line.startIndex)..<close])
        }
        for (i, raw) in lines.enumerated() {
            let line = raw.drop { $0 == " " }
            var name = key(of: line)
            if name == nil, let top = stack.last, top.isArray {
                // An element of an array of objects.
                name = "[\(top.count)]"
                if line.hasPrefix("{") || line.hasPrefix("[") { stack[stack.count - 1].count += 1 }
            }
            if i == target { return stack.map(\.key) + (name.map { [$0] } ?? []) }
            if line.hasSuffix("{") || line.hasSuffix("[") {
                stack.append((name ?? "", line.hasSuffix("["), 0))
            } else if line.hasPrefix("}") || line.hasPrefix("]") {
                if !stack.isEmpty { stack.removeLast() }
            }
        }
        return nil
    }

    /// `strategy 'current plan', KPI net_income, mean` for a KPI's entry, else the dotted path.
    static func describe(_ path: [String], strategyNames: [String]) -> String {
        let keys = path.filter { !$0.isEmpty }
        if keys.count >= 2, keys[0] == "strategies", keys[1].hasPrefix("["),
           let index = Int(keys[1].dropFirst().dropLast()) {
            var parts = [index < strategyNames.count ? "strategy '\(strategyNames[index])'" : "strategy \(index + 1)"]
            if keys.count >= 4, keys[2] == "kpis" {
                parts.append("KPI \(keys[3])")
                parts += keys.dropFirst(4)
            } else {
                parts += keys.dropFirst(2)
            }
            return parts.joined(separator: ", ")
        }
        return keys.joined(separator: ".").replacingOccurrences(of: ".[", with: "[")
    }
}
