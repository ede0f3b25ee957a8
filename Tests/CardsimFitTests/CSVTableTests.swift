@testable import CardsimFit
import Testing

@Suite("CSV reading")
struct CSVTableTests {
    @Test("quotes, CRLF, a byte-order mark, blank lines and spaces")
    func format() throws {
        let text = "\u{FEFF}name,\"x, y\",z\r\n\"Li \"\"Ming\"\"\", 1.5 ,\"2\"\r\n\r\n\"two\nlines\",-3e2,.5\r\n"
        let t = try CSVTable(text: text, path: "t.csv")
        #expect(t.columns == ["name", "x, y", "z"])
        #expect(t.rowCount == 2)
        #expect(t.text(row: 0, column: 0) == "Li \"Ming\"")
        #expect(t.number(row: 0, column: 1) == 1.5)
        #expect(t.number(row: 0, column: 2) == 2)
        #expect(t.text(row: 1, column: 0) == "two\nlines")
        #expect(t.number(row: 1, column: 1) == -300)
        #expect(t.number(row: 1, column: 2) == 0.5)
        #expect(t.location(row: 1, column: 1).line == 5)
    }

    @Test("what counts as a number")
    func numbers() throws {
        let cells = ["12", "-0.5", "+3", "1e-3", "1E5", "nan", "inf", "0x10", "1,5", "", "NA", "1.2.3", "1e999", " 7 "]
        let text = "v\n" + cells.map { $0.contains(",") ? "\"\($0)\"" : $0 }.joined(separator: "\n") + "\n"
        let t = try CSVTable(text: text, path: "t.csv")
        let values = (0..<t.rowCount).map { t.number(row: $0, column: 0) }
        // The empty cell is a blank line in a one-column file, so it is skipped.
        #expect(values == [12, -0.5, 3, 0.001, 100_000, nil, nil, nil, nil, nil, nil, nil, 7])
    }

    @Test("columns count characters, not bytes")
    func characterColumns() throws {
        let t = try CSVTable(text: "城市,AGE\n济南,abc\n", path: "t.csv")
        #expect(t.location(row: 0, column: 1) == (line: 2, column: 4))
    }
}
