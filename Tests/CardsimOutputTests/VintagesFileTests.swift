import CardsimEngine
@testable import CardsimOutput
import CardsimTestSupport
import Testing

@Suite("vintages.csv")
struct VintagesFileTests {
    static let names = ["champion", "fee, \"cut\""]

    /// Two paths of 7 months (quarters of 5, 2 and 1 observed months on book), two strategies.
    static func results() -> [PathResult] {
        (3..<5).map { p in
            PathResult(path: p, months: [[], []], vintages: (0..<2).map { SampleRuns.vintages(path: p, strategy: $0, months: 7) })
        }
    }

    @Test("the triangle of cells: quarter q is observed for T - min(3q, T) + 1 months on book")
    func shape() {
        #expect((0..<3).map { VintageTable(months: 7).monthsObserved(quarter: $0) } == [5, 2, 1])
        #expect(VintageTable(months: 7).cells.count == 8)
        #expect((0..<4).map { VintageTable(months: 12).monthsObserved(quarter: $0) } == [10, 7, 4, 1])
        #expect(VintageTable(months: 60).cells.count == 590)
        #expect(VintageTable(months: 0).cells.isEmpty && VintageTable(months: 0).quarters == 0)
        let t = VintageTable(months: 7)
        #expect(t.index(quarter: 1, monthsOnBook: 0) == 5 && t.index(quarter: 2, monthsOnBook: 0) == 7)
        #expect(t.index(quarter: 1, monthsOnBook: 2) == nil && t.index(quarter: 3, monthsOnBook: 0) == nil)
    }

    @Test("write then read gives the same tables; the text is the same when written again")
    func roundTrip() throws {
        let text = VintagesFile.text(results: Self.results(), strategyNames: Self.names)
        var back = Self.results().map { PathResult(path: $0.path, months: $0.months) }
        try VintagesFile.read(text, into: &back, strategyNames: Self.names, months: 7)
        #expect(back == Self.results())
        #expect(VintagesFile.text(results: back, strategyNames: Self.names) == text)
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.count == 1 + 2 * 2 * 8)
        #expect(lines[0] == "path,strategy,quarter,months_on_book,booked,initial_lines,open,open_never_90,ever_30,ever_90,charged_off,net_loss,ever_30_share,ever_90_share,loss_rate")
        // Path 3 (odd), champion: quarter 1 books 8 accounts at 1,000,000.07 yuan; at m = 4, 4 open,
        // none open and never 90+, 4 ever 30+ and 90+, 2 written off, net loss 4 x 1234567 fen.
        #expect(lines[5] == "3,champion,1,4,8,8000000.56,4,0,4,4,2,49382.68,0.5,0.5,\((4_938_268.0 / 800_000_056.0).description)")
        // Its later quarters book nothing: the shares and the loss rate are nan.
        #expect(lines[7] == "3,champion,2,1,0,0.00,0,0,0,0,0,12345.70,nan,nan,nan")
        #expect(lines[9] == "3,\"fee, \"\"cut\"\"\",1,0,9,9000000.63,9,9,0,0,0,0.01,0.0,0.0,\((1.0 / 900_000_063.0).description)")
    }

    @Test("a file without rows leaves the results without tables; damaged files are refused")
    func damaged() throws {
        let text = VintagesFile.text(results: Self.results(), strategyNames: Self.names)
        var results = Self.results()
        try VintagesFile.read(VintagesFile.text(results: [], strategyNames: Self.names), into: &results,
                              strategyNames: Self.names, months: 7)
        #expect(results.allSatisfy { $0.vintages.isEmpty })
        var lines = text.split(separator: "\n").map(String.init)
        let missing = (lines[..<4] + lines[5...]).joined(separator: "\n")
        #expect(throws: OutputError.self) { try VintagesFile.read(missing, into: &results, strategyNames: Self.names, months: 7) }
        #expect(throws: OutputError.self) { try VintagesFile.read(text, into: &results, strategyNames: Self.names.reversed(), months: 7) }
        #expect(throws: OutputError.self) { try VintagesFile.read(text, into: &results, strategyNames: Self.names, months: 8) }
        lines[3] = lines[3].replacingOccurrences(of: "8000000.56", with: "8000000.57")
        #expect(throws: OutputError.self) { try VintagesFile.read(lines.joined(separator: "\n"), into: &results, strategyNames: Self.names, months: 7) }
    }

    @Test("yuan amounts are fen with two decimals, exactly, both ways")
    func yuan() {
        let cases: [(Int64, String)] = [(0, "0.00"), (5, "0.05"), (-5, "-0.05"), (12345, "123.45"), (-100, "-1.00"),
                                        (9_007_199_254_740_993, "90071992547409.93"), (Int64.max, "92233720368547758.07")]
        for (fen, text) in cases {
            #expect(NumberText.yuan(fen: fen) == text)
            #expect(NumberText.fen(yuan: text) == fen)
        }
        for text in ["1.5", "1", ".50", "1.5x", "+1.00", "1.-5", "92233720368547758.08"] { #expect(NumberText.fen(yuan: text) == nil, "\(text)") }
    }
}
