import CardsimAnalysis
import CardsimEngine
import Testing

@Suite struct EstimateTests {
    @Test func meanStandardErrorAndTInterval() throws {
        let e = Estimate([1, 2, 0.5, 1])
        #expect(e.count == 4)
        #expect(e.mean == 1.125)
        #expect(abs(e.standardDeviation - 0.6291528696058958) < 1e-15)
        #expect(abs(e.standardError - 0.3145764348029479) < 1e-15)
        // t_{0.975, 3} se = 3.1824463052837078 x 0.3145764348029479.
        #expect(abs(try #require(e.halfWidth) - 1.0011226126679627) < 1e-12)
        #expect(try #require(e.low) == e.mean - e.halfWidth!)
        #expect(try #require(e.high) == e.mean + e.halfWidth!)
    }

    @Test func agreesWithSummaryBitForBit() {
        let values = [0.1, 0.2, 0.3, 1e6, -3.5, 0.1 + 0.2]
        let e = Estimate(values), s = Summary(values)
        #expect(e.mean == s.mean)
        #expect(e.standardError == s.standardError)
    }

    @Test func fewerThanTwoValuesHaveNoInterval() {
        #expect(Estimate([3]).halfWidth == nil)
        #expect(Estimate([3]).standardError == 0)
        #expect(Estimate([]).mean == 0)
        #expect(Estimate([]).low == nil)
    }

    @Test func equalValuesHaveAZeroWidthInterval() {
        let e = Estimate([2, 2, 2])
        #expect(e.standardError == 0)
        #expect(e.halfWidth == 0)
    }
}
