import Foundation

/// A binary target and numeric features taken from a CSV table, checked for what a logistic
/// fit needs: numbers in every feature cell, two classes, no constant feature.
public struct TrainingData: Sendable {
    /// The data file's name, used in messages.
    public var source: String
    /// The target column and the value that marks an event.
    public var target: String
    public var positive: String
    public var features: [String]
    /// Feature values, row-major: row i, feature j at `x[i * features.count + j]`.
    public var x: [Double]
    /// 1 for an event, 0 otherwise.
    public var y: [Double]
    /// Columns left out of the default feature list because they do not hold numbers.
    public var skipped: [String] = []

    public var rows: Int { y.count }
    public var events: Int { y.reduce(0) { $0 + ($1 == 1 ? 1 : 0) } }

    /// Data given directly (synthetic data, tests); checked like data read from a file.
    public init(source: String, target: String, positive: String = "1", features: [String],
                x: [Double], y: [Double]) throws {
        precondition(x.count == y.count * features.count, "x needs rows x features values")
        self.source = source; self.target = target; self.positive = positive
        self.features = features; self.x = x; self.y = y
        try check()
    }

    /// Takes the target and features from `table`.
    ///
    /// - `positive`: the target value that marks an event (compared as text, or as numbers
    ///   when both are numbers, so `1.0` matches `1`); every other value is a non-event.
    /// - `features`: the feature columns in order; nil means every column but the target and
    ///   `exclude` whose non-missing cells are mostly numbers (the others are listed in
    ///   `skipped`).
    public init(table: CSVTable, target: String, positive: String = "1", features: [String]? = nil,
                exclude: [String] = []) throws {
        source = table.path
        self.target = target
        self.positive = positive
        guard let targetColumn = table.index(of: target) else {
            throw TrainingData.unknownColumn(target, option: "--target", table: table)
        }
        for name in exclude where table.index(of: name) == nil {
            throw TrainingData.unknownColumn(name, option: "--exclude", table: table)
        }
        guard table.rowCount > 0 else {
            throw FitError(file: table.path, "no data rows; expected rows below the header, found none")
        }
        var chosen: [Int]
        let explicit = features != nil
        if let features {
            chosen = []
            for name in features {
                guard let j = table.index(of: name) else {
                    throw TrainingData.unknownColumn(name, option: "--features", table: table)
                }
                if j == targetColumn {
                    throw FitError(file: table.path, "the target \(Quote.single(target)) is listed in --features; expected feature columns other than the target",
                                   hint: "remove it from --features")
                }
                if !exclude.contains(name) && !chosen.contains(j) { chosen.append(j) }
            }
        } else {
            chosen = table.columns.indices.filter { $0 != targetColumn && !exclude.contains(table.columns[$0]) }
        }

        // Read every candidate column once; note its numbers and its first bad cell.
        let n = table.rowCount
        var values = [[Double]](repeating: [], count: chosen.count)
        var firstBad = [Int?](repeating: nil, count: chosen.count)
        var numeric = [Int](repeating: 0, count: chosen.count)
        var text = [Int](repeating: 0, count: chosen.count)
        for (c, j) in chosen.enumerated() {
            var column = [Double](repeating: 0, count: n)
            for i in 0..<n {
                if let v = table.number(row: i, column: j) {
                    column[i] = v
                    numeric[c] += 1
                } else {
                    if firstBad[c] == nil { firstBad[c] = i }
                    if !table.isMissing(row: i, column: j) { text[c] += 1 }
                }
            }
            values[c] = column
        }
        var kept: [Int] = []
        for c in chosen.indices {
            if !explicit && (numeric[c] == 0 || text[c] > numeric[c]) {
                skipped.append(table.columns[chosen[c]])
            } else {
                kept.append(c)
            }
        }
        // The first bad cell in file order among the kept columns.
        let bad = kept.compactMap { c in firstBad[c].map { (row: $0, c: c) } }
            .min { ($0.row, chosen[$0.c]) < ($1.row, chosen[$1.c]) }
        if let bad {
            throw table.numberError(row: bad.row, column: chosen[bad.c])
        }
        self.features = kept.map { table.columns[chosen[$0]] }
        let p = kept.count
        var x = [Double](repeating: 0, count: n * p)
        for (k, c) in kept.enumerated() {
            let column = values[c]
            for i in 0..<n { x[i * p + k] = column[i] }
        }
        self.x = x

        // The target.
        let positiveNumber = Double(positive)
        var y = [Double](repeating: 0, count: n)
        for i in 0..<n {
            if table.isMissing(row: i, column: targetColumn) {
                throw table.numberError(row: i, column: targetColumn, role: "target").withMessage {
                    $0.replacingOccurrences(of: "expected a number", with: "expected a value")
                }
            }
            let cell = table.text(row: i, column: targetColumn)
            var event = cell == positive
            if !event, let positiveNumber, let v = table.number(row: i, column: targetColumn) { event = v == positiveNumber }
            y[i] = event ? 1 : 0
        }
        self.y = y
        try check(targetValues: { (0..<min(n, 10_000)).lazy.map { table.text(row: $0, column: targetColumn) } })
    }

    /// Checks: features present, enough rows, two classes, no constant feature.
    private func check<S: Sequence>(targetValues: () -> S) throws where S.Element == String {
        let n = rows, p = features.count
        guard !features.isEmpty else {
            throw FitError(file: source, "no feature columns; expected at least one numeric column besides the target",
                           hint: skipped.isEmpty ? nil : "non-numeric columns left out: \(skipped.joined(separator: ", "))")
        }
        let events = self.events
        if events == 0 || events == n {
            var distinct: [String] = []
            for v in targetValues() where !distinct.contains(v) {
                distinct.append(v)
                if distinct.count == 5 { break }
            }
            let found = events == 0 ? "no events in \(n) rows" : "only events in \(n) rows"
            throw FitError(file: source, "target \(Quote.single(target)) has one class; expected both events (\(target) = \(positive)) and non-events, found \(found)",
                           hint: events == 0 && !distinct.isEmpty ? "check --positive; the column holds \(Quote.list(distinct))" : nil)
        }
        guard n > p + 1 else {
            throw FitError(file: source, "too few rows for \(p) features; expected more than \(p + 1) rows, found \(n)")
        }
        var constant: [(name: String, value: Double)] = []
        for j in 0..<p {
            var lo = x[j], hi = x[j]
            for i in 1..<n { let v = x[i * p + j]; lo = min(lo, v); hi = max(hi, v) }
            if lo == hi { constant.append((features[j], lo)) }
        }
        if constant.count == 1 {
            let c = constant[0]
            throw FitError(file: source, "column \(Quote.single(c.name)) is constant; expected at least two distinct values, found \(NumberFormat.short(c.value)) in every row",
                           hint: "leave it out with --exclude \(c.name)")
        } else if constant.count > 1 {
            let names = constant.map(\.name)
            throw FitError(file: source, "columns \(Quote.list(names)) are constant; expected at least two distinct values in each, found one",
                           hint: "leave them out with --exclude \(names.joined(separator: ","))")
        }
    }

    private func check() throws {
        try check(targetValues: { [String]() })
    }

    /// "unknown column 'X' given to --option", with the nearest column name as a hint.
    static func unknownColumn(_ name: String, option: String, table: CSVTable) -> FitError {
        let hint = Suggestion.nearest(to: name, among: table.columns).map { "did you mean \(Quote.single($0))?" }
            ?? "the columns are \(Quote.list(Array(table.columns.prefix(12))))\(table.columns.count > 12 ? ", ..." : "")"
        return FitError(file: table.path, "unknown column \(Quote.single(name)) given to \(option); expected one of the file's \(table.columns.count) columns",
                        hint: hint)
    }
}

extension FitError {
    /// The same error with its message rewritten.
    func withMessage(_ change: (String) -> String) -> FitError {
        var e = self
        e.message = change(message)
        return e
    }
}

/// The nearest name to a misspelt one (edit distance, case ignored).
enum Suggestion {
    static func nearest(to name: String, among names: [String]) -> String? {
        let target = Array(name.lowercased())
        var best: (name: String, distance: Int)?
        for candidate in names {
            let d = distance(target, Array(candidate.lowercased()))
            if best == nil || d < best!.distance { best = (candidate, d) }
        }
        guard let best, best.distance <= max(1, target.count / 3) else { return nil }
        return best.name
    }

    static func distance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        var previous = Array(0...b.count)
        for (i, ca) in a.enumerated() {
            var current = [i + 1] + [Int](repeating: 0, count: b.count)
            for (j, cb) in b.enumerated() {
                current[j + 1] = Swift.min(previous[j + 1] + 1, current[j] + 1, previous[j] + (ca == cb ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}

/// Numbers in messages and reports.
public enum NumberFormat {
    /// Whole numbers without a decimal point, others in Swift's shortest exact form.
    public static func short(_ v: Double) -> String {
        if v == v.rounded() && abs(v) < 1e15 { return String(Int64(v)) }
        return "\(v)"
    }

    /// `%.Ng`-style text with N significant digits.
    public static func significant(_ v: Double, _ digits: Int) -> String {
        String(format: "%.\(digits)g", v)
    }

    /// Fixed-point text with `places` decimals.
    public static func fixed(_ v: Double, _ places: Int) -> String {
        String(format: "%.\(places)f", v)
    }
}
