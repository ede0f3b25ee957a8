import Foundation

/// A CSV file held as its bytes plus the position of every cell.
///
/// The format is RFC 4180: cells separated by commas, rows by LF or CRLF, a cell in double
/// quotes may hold commas, line breaks and `""` for a quote. The first row names the columns.
/// Blank lines are ignored, spaces around an unquoted cell are dropped, and a UTF-8 byte-order
/// mark is skipped. Cells are converted only when asked for, so that an error can name the
/// file, line and column of the cell: `DATA.csv:17:5: error: ...`, where COL is the character
/// position of the cell in its line, as editors count.
public struct CSVTable: Sendable {
    /// The file's name as given, used in messages.
    public let path: String
    /// Column names, from the header row.
    public let columns: [String]
    /// Data rows (the header not counted).
    public let rowCount: Int

    /// The file's bytes followed by a 0.
    private let bytes: [UInt8]
    /// Content range and quoting of data cell (row, column) at index `row * columns.count + column`.
    private let starts: [Int]
    private let ends: [Int]
    private let quoted: [Bool]
    /// Where each header cell starts (for duplicate-name messages).
    private let headerStarts: [Int]

    /// Reads and parses the file at `path`.
    public static func read(path: String) throws -> CSVTable {
        guard let data = FileManager.default.contents(atPath: path) else {
            var isDirectory: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
            let found = !exists ? "no such file" : isDirectory.boolValue ? "a directory" : "a file that cannot be read"
            throw FitError(file: path, "cannot read the data file; expected a readable CSV file, found \(found)")
        }
        return try CSVTable(bytes: [UInt8](data), path: path)
    }

    /// Parses CSV text; `path` is the name used in messages.
    public init(text: String, path: String) throws {
        try self.init(bytes: Array(text.utf8), path: path)
    }

    public init(bytes raw: [UInt8], path: String) throws {
        self.path = path
        var bytes = raw
        bytes.append(0)
        self.bytes = bytes
        var starts: [Int] = [], ends: [Int] = [], quoted: [Bool] = []
        var header: [(start: Int, end: Int, quoted: Bool)] = []
        var rows = 0
        var width = -1
        try bytes.withUnsafeBufferPointer { b in
            let n = b.count - 1
            var i = n >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF ? 3 : 0
            var cells: [(start: Int, end: Int, quoted: Bool)] = []
            while i < n {
                // A blank line.
                if b[i] == 10 { i += 1; continue }
                if b[i] == 13 && b[i + 1] == 10 { i += 2; continue }
                let rowStart = i
                cells.removeAll(keepingCapacity: true)
                while true {
                    while b[i] == 32 || b[i] == 9 { i += 1 }
                    if b[i] == 34 {
                        let open = i
                        i += 1
                        let start = i
                        while true {
                            if i >= n {
                                throw CSVTable.error(b, path, at: open, "unterminated quoted cell; expected a closing '\"', found the end of the file")
                            }
                            if b[i] == 34 {
                                if b[i + 1] == 34 { i += 2; continue }
                                break
                            }
                            i += 1
                        }
                        cells.append((start, i, true))
                        i += 1
                        while b[i] == 32 || b[i] == 9 { i += 1 }
                        if !(i >= n || b[i] == 44 || b[i] == 10 || (b[i] == 13 && b[i + 1] == 10)) {
                            throw CSVTable.error(b, path, at: i, "unexpected text after a quoted cell; expected ',' or the end of the line, found '\(CSVTable.character(b, at: i))'")
                        }
                    } else {
                        let start = i
                        while !(i >= n || b[i] == 44 || b[i] == 10 || (b[i] == 13 && b[i + 1] == 10)) { i += 1 }
                        var end = i
                        while end > start && (b[end - 1] == 32 || b[end - 1] == 9 || b[end - 1] == 13) { end -= 1 }
                        cells.append((start, end, false))
                    }
                    if i < n && b[i] == 44 { i += 1; continue }
                    break
                }
                if i < n { i += b[i] == 13 ? 2 : 1 }
                if width < 0 {
                    width = cells.count
                    header = cells
                    continue
                }
                if cells.count != width {
                    let at = cells.count > width ? cells[width].start - (cells[width].quoted ? 1 : 0) : rowStart
                    throw CSVTable.error(b, path, at: at, "wrong number of cells in the row; expected \(width) as in the header, found \(cells.count)")
                }
                for cell in cells {
                    starts.append(cell.start); ends.append(cell.end); quoted.append(cell.quoted)
                }
                rows += 1
            }
        }
        guard width > 0 else {
            throw FitError(file: path, "no header row; expected a CSV file whose first line names the columns, found an empty file")
        }
        self.starts = starts; self.ends = ends; self.quoted = quoted
        self.rowCount = rows
        self.headerStarts = header.map { $0.start - ($0.quoted ? 1 : 0) }
        self.columns = header.map { CSVTable.text(bytes, $0.start, $0.end, $0.quoted) }
        var seen: [String: Int] = [:]
        for (j, name) in columns.enumerated() {
            if name.isEmpty {
                throw FitError(file: path, line: 1, column: CSVTable.position(bytes, headerStarts[j]).column,
                               "empty column name in the header; expected a name for every column")
            }
            if seen[name] != nil {
                throw FitError(file: path, line: 1, column: CSVTable.position(bytes, headerStarts[j]).column,
                               "duplicate column name \(Quote.single(name)) in the header; expected distinct names")
            }
            seen[name] = j
        }
    }

    /// The index of the column called `name`.
    public func index(of name: String) -> Int? { columns.firstIndex(of: name) }

    /// The text of cell (row, column), quotes removed.
    public func text(row: Int, column: Int) -> String {
        let k = row * columns.count + column
        return CSVTable.text(bytes, starts[k], ends[k], quoted[k])
    }

    /// The cell as a finite number, or nil when it is not one (including missing cells).
    /// Accepted: an optional sign, digits with an optional decimal point, an optional exponent.
    public func number(row: Int, column: Int) -> Double? {
        let k = row * columns.count + column
        let s = starts[k], e = ends[k]
        guard e > s, e - s < 64 else { return nil }
        return bytes.withUnsafeBufferPointer { b -> Double? in
            let first = b[s]
            guard (first >= 48 && first <= 57) || first == 43 || first == 45 || first == 46 else { return nil }
            for i in s..<e {
                let c = b[i]
                guard (c >= 48 && c <= 57) || c == 43 || c == 45 || c == 46 || c == 101 || c == 69 else { return nil }
            }
            guard let value = Double(String(decoding: UnsafeBufferPointer(rebasing: b[s..<e]), as: UTF8.self)),
                  value.isFinite else { return nil }
            return value
        }
    }

    /// Texts that stand for a missing value.
    public static let missingMarkers: Set<String> = ["NA", "N/A", "NaN", "nan", "NULL", "null", "None", "?"]

    /// Whether cell (row, column) is missing: empty or one of `missingMarkers`.
    public func isMissing(row: Int, column: Int) -> Bool {
        let k = row * columns.count + column
        if starts[k] == ends[k] { return true }
        return ends[k] - starts[k] <= 4 && CSVTable.missingMarkers.contains(text(row: row, column: column))
    }

    /// The 1-based line and character column where cell (row, column) starts (at its opening
    /// quote if quoted).
    public func location(row: Int, column: Int) -> (line: Int, column: Int) {
        let k = row * columns.count + column
        return CSVTable.position(bytes, starts[k] - (quoted[k] ? 1 : 0))
    }

    /// The error "non-numeric value" or "missing value" for cell (row, column) of a column
    /// that must hold numbers.
    public func numberError(row: Int, column: Int, role: String = "column", hint: String? = nil) -> FitError {
        let place = location(row: row, column: column)
        let name = Quote.single(columns[column])
        let found = text(row: row, column: column)
        if isMissing(row: row, column: column) {
            return FitError(file: path, line: place.line, column: place.column,
                            "missing value in \(role) \(name); expected a number, found \(found.isEmpty ? "an empty cell" : Quote.single(found))",
                            hint: hint)
        }
        return FitError(file: path, line: place.line, column: place.column,
                        "non-numeric value in \(role) \(name); expected a number, found \(Quote.single(String(found.prefix(40))))",
                        hint: hint)
    }

    // MARK: - Byte helpers

    private static func text(_ bytes: [UInt8], _ start: Int, _ end: Int, _ quoted: Bool) -> String {
        let s = String(decoding: bytes[start..<end], as: UTF8.self)
        return quoted ? s.replacingOccurrences(of: "\"\"", with: "\"") : s
    }

    /// 1-based line and character column of byte `offset`.
    static func position(_ bytes: [UInt8], _ offset: Int) -> (line: Int, column: Int) {
        bytes.withUnsafeBufferPointer { position($0, offset) }
    }

    private static func position(_ b: UnsafeBufferPointer<UInt8>, _ offset: Int) -> (line: Int, column: Int) {
        var line = 1, lineStart = 0
        for i in 0..<offset where b[i] == 10 { line += 1; lineStart = i + 1 }
        if line == 1 && offset >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF { lineStart = 3 }
        var column = 1
        for i in lineStart..<offset where b[i] & 0xC0 != 0x80 { column += 1 }
        return (line, column)
    }

    private static func character(_ b: UnsafeBufferPointer<UInt8>, at i: Int) -> String {
        var e = i + 1
        while e < b.count - 1 && b[e] & 0xC0 == 0x80 { e += 1 }
        return String(decoding: UnsafeBufferPointer(rebasing: b[i..<e]), as: UTF8.self)
    }

    private static func error(_ b: UnsafeBufferPointer<UInt8>, _ path: String, at offset: Int, _ message: String) -> FitError {
        let place = position(b, offset)
        return FitError(file: path, line: place.line, column: place.column, message)
    }
}
