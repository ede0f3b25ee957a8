@testable import CardsimOutput
import Testing

@Suite("JSON, CSV and number text")
struct FormattingTests {
    @Test("JSON keys are sorted, scalars arrays inline, non-finite numbers null, strings escaped")
    func json() {
        let value = JSONText.object([
            "b": .array([.integer(1), .double(0.5)]),
            "a": .string("x\"y\\z\n\u{01}元"),
            "c": .object([:]),
            "d": .array([.object(["z": .double(.nan)])]),
            "e": .double(-0.0),
        ])
        #expect(value.document == """
            {
              "a": "x\\"y\\\\z\\n\\u0001元",
              "b": [1, 0.5],
              "c": {},
              "d": [
                {
                  "z": null
                }
              ],
              "e": -0.0
            }

            """)
    }

    @Test("CSV quotes only fields that need it and reads them back")
    func csv() {
        #expect(CSV.field("plain") == "plain")
        #expect(CSV.field("a,b") == "\"a,b\"")
        #expect(CSV.field("say \"hi\"") == "\"say \"\"hi\"\"\"")
        let text = CSV.record(["1", "a,b", "say \"hi\"", "two\nlines", ""]) + CSV.record(["2", "x", "", "", "z"])
        let records = CSV.records(text)
        #expect(records?.map { $0.map(String.init) } == [["1", "a,b", "say \"hi\"", "two\nlines", ""], ["2", "x", "", "", "z"]])
        #expect(CSV.records("1,\"open") == nil)
    }

    @Test("quantities: K/M/B with three significant digits, percentages")
    func quantities() {
        #expect(QuantityText.compact(0) == "0")
        #expect(QuantityText.compact(12.345) == "12.3")
        #expect(QuantityText.compact(0.012345) == "0.0123")
        #expect(QuantityText.compact(1_234) == "1.23K")
        #expect(QuantityText.compact(-1_234_567) == "-1.23M")
        #expect(QuantityText.compact(999_600) == "1.00M")
        #expect(QuantityText.compact(4.2e10) == "42.0B")
        #expect(QuantityText.compact(47_000, digits: 2) == "47K")
        #expect(QuantityText.percent(0.6321) == "63.2%")
        #expect(QuantityText.percent(0.0185) == "1.85%")
        #expect(QuantityText.percent(0.00004) == "0.00%")
        #expect(QuantityText.percent(0) == "0%")
    }
}
