@testable import CardsimFit
import Testing

@Suite("roll rates")
struct RollRatesTests {
    /// Six clients, newest month first as in the UCI file; the months are named oldest first.
    static let text = """
        ID,S_JUN,S_MAY,S_APR,S_MAR
        1,0,2,1,0
        2,1,0,-2,-1
        3,5,4,3,2
        4,8,7,6,5
        5,0,0,1,1
        6,-1,9,1,3

        """
    static let oldestFirst = ["S_MAR", "S_APR", "S_MAY", "S_JUN"]

    /// Counted by hand, (from -> to) per client, oldest month first:
    /// 1: 0->1, 1->2, 2->0;  2: 0->0, 0->0, 0->1;  3: 2->3, 3->4, 4->5;
    /// 4: 5->6, 6->7, 7->7 (8 is 180+);  5: 1->1, 1->0, 0->0;  6: 3->1, 1->7 (9 is 180+), 7->0.
    static let handCounted: [[Int]] = [
        [3, 2, 0, 0, 0, 0, 0, 0],
        [1, 1, 1, 0, 0, 0, 0, 1],
        [1, 0, 0, 1, 0, 0, 0, 0],
        [0, 1, 0, 0, 1, 0, 0, 0],
        [0, 0, 0, 0, 0, 1, 0, 0],
        [0, 0, 0, 0, 0, 0, 1, 0],
        [0, 0, 0, 0, 0, 0, 0, 1],
        [1, 0, 0, 0, 0, 0, 0, 1],
    ]

    @Test("a hand-made file gives the hand-counted matrix")
    func handCounted() throws {
        let rates = try RollRates(table: CSVTable(text: RollRatesTests.text, path: "DATA.csv"), statusColumns: RollRatesTests.oldestFirst)
        #expect(rates.counts == RollRatesTests.handCounted)
        #expect(rates.clients == 6 && rates.transitions == 18)
        let roll: [Double] = [0.4, 0.25, 0.5, 0.5, 1, 1, 1]
        let cure: [Double] = [0, 0.25, 0.5, 0, 0, 0, 0]
        let fromCurrent: [Double] = [0.6, 0.4, 0, 0, 0, 0, 0, 0]
        let absorbing: [Double] = [0, 0, 0, 0, 0, 0, 0, 1]
        #expect(rates.baseRoll == roll)
        #expect(rates.baseCure == cure)
        let p = rates.probabilities
        #expect(p[0] == fromCurrent)
        #expect(p[7] == absorbing, "180+ is absorbing whatever the data show")
        #expect(rates.skipsAndPartialCures == (skips: 1, partialCures: 1))
        #expect(rates.warnings == [
            "base_roll[4] is 1 (every one of 1 transitions from 90-119 rolled); a scenario needs a value below 1",
            "base_roll[5] is 1 (every one of 1 transitions from 120-149 rolled); a scenario needs a value below 1",
            "base_roll[6] is 1 (every one of 1 transitions from 150-179 rolled); a scenario needs a value below 1",
        ])
        #expect(rates.codes[0].map(\.code) == [-1, 0, 1, 2, 3, 5])
    }

    @Test("the column order decides the direction of time")
    func order() throws {
        let table = try CSVTable(text: RollRatesTests.text, path: "DATA.csv")
        let forward = try RollRates(table: table, statusColumns: RollRatesTests.oldestFirst)
        let backward = try RollRates(table: table, statusColumns: RollRatesTests.oldestFirst.reversed())
        let transposed = (0..<8).map { j in (0..<8).map { k in forward.counts[k][j] } }
        #expect(backward.counts == transposed)
    }

    @Test("the file lists base_roll and base_cure as a scenario does, then the counts")
    func file() throws {
        let rates = try RollRates(table: CSVTable(text: RollRatesTests.text, path: "dir/DATA.csv"), statusColumns: RollRatesTests.oldestFirst)
        let lines = rates.yaml.split(separator: "\n").map(String.init)
        #expect(lines.contains("base_roll: [0.4, 0.25, 0.5, 0.5, 1.0, 1.0, 1.0]"))
        #expect(lines.contains("base_cure: [0.0, 0.25, 0.5, 0.0, 0.0, 0.0, 0.0]"))
        #expect(lines.contains("counts:"))
        #expect(lines.contains("  - [3, 2, 0, 0, 0, 0, 0, 0]"))
        #expect(lines.contains("states: [\"current\", \"1-29\", \"30-59\", \"60-89\", \"90-119\", \"120-149\", \"150-179\", \"180+\"]"))
        #expect(lines[0].hasPrefix("# Monthly delinquency roll rates estimated by `cardsim fit rollrates` from DATA.csv"))
        #expect(rates.yaml == (try RollRates(table: CSVTable(text: RollRatesTests.text, path: "dir/DATA.csv"),
                                             statusColumns: RollRatesTests.oldestFirst)).yaml)
    }

    func error(_ text: String, _ columns: [String] = ["A", "B"]) -> String? {
        do {
            _ = try RollRates(table: CSVTable(text: text, path: "DATA.csv"), statusColumns: columns)
            return nil
        } catch {
            return "\(error)"
        }
    }

    @Test("bad status cells and columns")
    func errors() {
        #expect(error("A,B\n0,1\n0,1.5\n")
            == "DATA.csv:3:3: error: non-integer status in column 'B'; expected a whole number of at least -2 (-2, -1, 0: no delay; k: k months late), found '1.5'")
        #expect(error("A,B\n-3,1\n")
            == "DATA.csv:2:1: error: status code out of range in column 'A'; expected a whole number of at least -2 (-2, -1, 0: no delay; k: k months late), found '-3'")
        #expect(error("A,B\n0,\n") == "DATA.csv:2:3: error: missing value in column 'B'; expected a number, found an empty cell")
        #expect(error("A,B\n0,late\n") == "DATA.csv:2:3: error: non-numeric value in column 'B'; expected a number, found 'late'")
        #expect(error("A,B\n0,1\n", ["A"])
            == "DATA.csv: error: --status-columns needs at least two columns, oldest first; found 1 (hint: for the UCI data: --status-columns PAY_6,PAY_5,PAY_4,PAY_3,PAY_2,PAY_0)")
        #expect(error("A,B\n0,1\n", ["A", "C"])
            == "DATA.csv: error: unknown column 'C' given to --status-columns; expected one of the file's 2 columns (hint: did you mean 'A'?)")
        #expect(error("A,B\n0,1\n", ["A", "B", "A"])
            == "DATA.csv: error: column 'A' is listed twice in --status-columns; expected each month once")
    }
}
