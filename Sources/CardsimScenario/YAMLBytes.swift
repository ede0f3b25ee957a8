import Foundation

extension ScenarioLoader {
    /// The largest scenario file read, in bytes (`YAMLBytes.maxBytes`).
    public static var maxFileBytes: Int { YAMLBytes.maxBytes }
}

/// The bytes of a scenario file checked before any YAML is parsed: size, encoding, invalid
/// UTF-8 with its line and column.
enum YAMLBytes {
    /// Scenario files are a few kilobytes; anything larger is refused before parsing.
    static let maxBytes = 4 << 20

    /// The file's text, or the diagnostic that says what is wrong with its bytes.
    static func decode(_ data: Data, file: String) -> Result<String, Diagnostic> {
        if data.count > maxBytes {
            return .failure(Diagnostic(file: file, message: "file too large; expected a scenario of at most \(maxBytes) bytes, found \(data.count) bytes",
                                       hint: "scenario files are a few kilobytes; is this the right file?"))
        }
        let bytes = [UInt8](data)
        if let encoding = utf16or32(bytes) {
            return .failure(Diagnostic(file: file, message: "the file looks like \(encoding); expected UTF-8 text",
                                       hint: "save it as UTF-8 (most editors offer it under 'Save as' or 'Encoding')"))
        }
        if let offset = firstInvalidUTF8(bytes) {
            let (line, column) = position(ofByte: offset, in: bytes)
            let shown = bytes[offset..<min(offset + 4, bytes.count)].map { String(format: "0x%02X", $0) }.joined(separator: " ")
            return .failure(Diagnostic(file: file, line: line, column: column,
                                       message: "invalid UTF-8; expected UTF-8 text, found the bytes \(shown)",
                                       hint: "save the file as UTF-8; a Latin-1 or GBK editor setting writes such bytes"))
        }
        return .success(String(decoding: bytes, as: UTF8.self))
    }

    /// "UTF-16" or "UTF-32" when a byte-order mark or NUL bytes in the first characters say so.
    static func utf16or32(_ b: [UInt8]) -> String? {
        if b.starts(with: [0xFF, 0xFE, 0, 0]) || b.starts(with: [0, 0, 0xFE, 0xFF]) { return "UTF-32" }
        if b.starts(with: [0xFF, 0xFE]) || b.starts(with: [0xFE, 0xFF]) { return "UTF-16" }
        // Without a mark: ASCII text in UTF-16 is half NUL bytes, in UTF-32 three quarters; a
        // stray NUL in UTF-8 text is left to the parser.
        let head = b.prefix(64)
        guard head.count >= 4 else { return nil }
        let zeros = head.filter { $0 == 0 }.count
        if zeros * 4 >= head.count * 3 - 4 { return "UTF-32" }
        return zeros * 8 >= head.count * 3 ? "UTF-16" : nil
    }

    /// The offset of the first byte that does not start or continue a valid UTF-8 sequence.
    static func firstInvalidUTF8(_ b: [UInt8]) -> Int? {
        var i = 0
        while i < b.count {
            let c = b[i]
            let length: Int
            var minimum: UInt32 = 0
            switch c {
            case 0x00...0x7F: i += 1; continue
            case 0xC2...0xDF: length = 2; minimum = 0x80
            case 0xE0...0xEF: length = 3; minimum = 0x800
            case 0xF0...0xF4: length = 4; minimum = 0x10000
            default: return i
            }
            guard i + length <= b.count else { return i }
            var scalar = UInt32(c) & (0xFF >> (length + 1))
            for k in 1..<length {
                guard b[i + k] & 0xC0 == 0x80 else { return i }
                scalar = scalar << 6 | UInt32(b[i + k] & 0x3F)
            }
            guard scalar >= minimum, scalar <= 0x10FFFF, !(0xD800...0xDFFF).contains(scalar) else { return i }
            i += length
        }
        return nil
    }

    /// 1-based line and column (in characters of the valid text before it) of byte `offset`.
    static func position(ofByte offset: Int, in b: [UInt8]) -> (Int, Int) {
        let before = b[..<offset]
        let lineStart = before.lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
        let line = before.filter { $0 == 0x0A }.count + 1
        let column = String(decoding: b[lineStart..<offset], as: UTF8.self).unicodeScalars.count + 1
        return (line, column)
    }
}
