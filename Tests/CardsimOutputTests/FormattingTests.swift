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

@Suite("mean ± standard error as people read it")
struct WithErrorTests {
    @Test("the mean is rounded to the standard error's second significant digit, with the unit")
    func rounding() {
        #expect(QuantityText.withError(134_684_734.83168608, 4_733_962.12, unit: "yuan") == "134.7M ± 4.7M yuan")
        #expect(QuantityText.withError(0.028119570037863934, 0.0004958855755088498, unit: "fraction") == "2.812% ± 0.050%")
        #expect(QuantityText.withError(0.0249, 0.000245, unit: "fraction per year") == "2.490% ± 0.025% per year")
        #expect(QuantityText.withError(208_010.25, 259.1, unit: "cards") == "208.01K ± 0.26K cards")
        #expect(QuantityText.withError(12.5, nil, unit: "yuan") == "12.5 yuan")
        #expect(QuantityText.withError(-3_400_000, 12_000_000, unit: "yuan") == "-3M ± 12M yuan")
    }
}
