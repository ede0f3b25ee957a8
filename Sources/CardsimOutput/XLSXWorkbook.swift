import Foundation

/// A minimal Office Open XML workbook (`.xlsx`): sheets of text and number cells, written as a
/// ZIP archive of stored (uncompressed) entries with fixed timestamps, so that the same tables
/// give the same bytes. Text is written as inline strings (`XMLText.escape`); numbers as they are (non-finite ones as empty cells). Opens in Excel, LibreOffice
/// and openpyxl (the tests read it back with openpyxl).
public struct XLSXWorkbook {
    public enum Cell: Equatable {
        case text(String)
        case number(Double)
        case empty
    }

    public struct Sheet {
        public var name: String
        public var rows: [[Cell]]
        public init(name: String, rows: [[Cell]]) { self.name = name; self.rows = rows }
    }

    public var sheets: [Sheet]
    public init(sheets: [Sheet]) { self.sheets = sheets }

    /// The workbook's bytes.
    public var data: Data {
        var zip = StoredZip()
        let names = sheets.enumerated().map { Self.sheetName($1.name, index: $0) }
        zip.add("[Content_Types].xml", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>\(sheets.indices.map { "<Override PartName=\"/xl/worksheets/sheet\($0 + 1).xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>" }.joined())</Types>
            """)
        zip.add("_rels/.rels", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>
            """)
        zip.add("xl/workbook.xml", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>\(names.enumerated().map { "<sheet name=\"\(Self.xml($1))\" sheetId=\"\($0 + 1)\" r:id=\"rId\($0 + 1)\"/>" }.joined())</sheets></workbook>
            """)
        zip.add("xl/_rels/workbook.xml.rels", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\(sheets.indices.map { "<Relationship Id=\"rId\($0 + 1)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet\($0 + 1).xml\"/>" }.joined())<Relationship Id="rId\(sheets.count + 1)" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>
            """)
        zip.add("xl/styles.xml", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs><cellXfs count="1"><xf xfId="0"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>
            """)
        for (i, sheet) in sheets.enumerated() {
            zip.add("xl/worksheets/sheet\(i + 1).xml", Self.sheetXML(sheet))
        }
        return zip.data
    }

    /// A sheet name Excel accepts: at most 31 characters, none of `[]:*?/\`, unique by index.
    static func sheetName(_ name: String, index: Int) -> String {
        let cleaned = String(name.map { "[]:*?/\\".contains($0) ? "_" : $0 }.prefix(31))
        return cleaned.isEmpty ? "Sheet\(index + 1)" : cleaned
    }

    static func sheetXML(_ sheet: Sheet) -> String {
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
        out += "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
        for (r, row) in sheet.rows.enumerated() {
            out += "<row r=\"\(r + 1)\">"
            for (c, cell) in row.enumerated() {
                let ref = column(c) + String(r + 1)
                switch cell {
                case .text(let s): out += "<c r=\"\(ref)\" t=\"inlineStr\"><is><t xml:space=\"preserve\">\(xml(s))</t></is></c>"
                case .number(let x) where x.isFinite: out += "<c r=\"\(ref)\"><v>\(x.description)</v></c>"
                case .number, .empty: break
                }
            }
            out += "</row>"
        }
        return out + "</sheetData></worksheet>"
    }

    /// Column letters of zero-based column `c`: A ... Z, AA ...
    static func column(_ c: Int) -> String {
        var n = c + 1, s = ""
        while n > 0 { let r = (n - 1) % 26; s = String(UnicodeScalar(UInt8(65 + r))) + s; n = (n - 1) / 26 }
        return s
    }

    /// XML text (`XMLText.escape`).
    static func xml(_ s: String) -> String { XMLText.escape(s) }
}

/// A ZIP archive of stored entries (method 0) with the DOS time 1980-01-01 00:00.
struct StoredZip {
    private var body = Data()
    private var central = Data()
    private var count: UInt16 = 0

    mutating func add(_ name: String, _ text: String) {
        let content = Data(text.utf8), nameBytes = Data(name.utf8)
        let crc = CRC32.checksum(content), offset = UInt32(body.count)
        var local = Data()
        local.le32(0x0403_4b50); local.le16(20); local.le16(0x0800); local.le16(0)   // version, UTF-8 names, stored
        local.le16(0); local.le16(0x0021)                                          // time 00:00, date 1980-01-01
        local.le32(crc); local.le32(UInt32(content.count)); local.le32(UInt32(content.count))
        local.le16(UInt16(nameBytes.count)); local.le16(0)
        body.append(local); body.append(nameBytes); body.append(content)
        var entry = Data()
        entry.le32(0x0201_4b50); entry.le16(20); entry.le16(20); entry.le16(0x0800); entry.le16(0)
        entry.le16(0); entry.le16(0x0021)
        entry.le32(crc); entry.le32(UInt32(content.count)); entry.le32(UInt32(content.count))
        entry.le16(UInt16(nameBytes.count)); entry.le16(0); entry.le16(0); entry.le16(0); entry.le16(0)
        entry.le32(0); entry.le32(offset)
        central.append(entry); central.append(nameBytes)
        count += 1
    }

    var data: Data {
        var out = body
        out.append(central)
        var end = Data()
        end.le32(0x0605_4b50); end.le16(0); end.le16(0); end.le16(count); end.le16(count)
        end.le32(UInt32(central.count)); end.le32(UInt32(body.count)); end.le16(0)
        out.append(end)
        return out
    }
}

/// CRC-32 (IEEE 802.3, the ZIP checksum).
enum CRC32 {
    static let table: [UInt32] = (0..<256).map { n -> UInt32 in
        var c = UInt32(n)
        for _ in 0..<8 { c = c & 1 != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        return c
    }

    static func checksum(_ data: Data) -> UInt32 {
        var c: UInt32 = 0xFFFF_FFFF
        for b in data { c = table[Int((c ^ UInt32(b)) & 0xFF)] ^ (c >> 8) }
        return c ^ 0xFFFF_FFFF
    }
}

extension Data {
    mutating func le16(_ v: UInt16) { append(UInt8(v & 0xFF)); append(UInt8(v >> 8)) }
    mutating func le32(_ v: UInt32) { for k in 0..<4 { append(UInt8((v >> (8 * UInt32(k))) & 0xFF)) } }
}
