import Testing
@testable import CardsimEngine

@Suite struct ReproducibilityTests {
    /// One worker and two workers give identical path results, bit for bit.
    @Test func threadCountDoesNotMatter() {
        var s = EngineFixtures.scenario(); s.run.spinUpMonths = 24   // the spin-up is part of each path
        let one = MonteCarlo.run(s, paths: 0..<s.run.paths, threads: 1)
        let two = MonteCarlo.run(s, paths: 0..<s.run.paths, threads: 2)
        #expect(one == two)
        // The comparison covers the vintage tables, which hold accounts of every strategy.
        #expect(one.allSatisfy { $0.vintages.count == 2 && $0.vintages.allSatisfy { $0.booked.reduce(0, +) > 0 } })
    }

    /// Paths run in three shards equal the same paths run at once.
    @Test func shardsReassemble() {
        var s = EngineFixtures.scenario(paths: 5); s.run.spinUpMonths = 24
        let whole = MonteCarlo.run(s, paths: 0..<5, threads: 2)
        let parts = (1...3).flatMap { k in
            MonteCarlo.run(s, paths: MonteCarlo.shardRange(index: k, count: 3, paths: 5), threads: 1)
        }
        #expect(parts.map(\.path) == [0, 1, 2, 3, 4])
        #expect(parts == whole)
        #expect(parts.map(\.vintages) == whole.map(\.vintages))
    }

    /// Shard ranges are contiguous, disjoint and cover every path.
    @Test(arguments: [(1, 1), (7, 3), (3, 3), (2, 5), (100, 7)])
    func shardRangesPartition(paths: Int, shards: Int) {
        var next = 0
        for k in 1...shards {
            let r = MonteCarlo.shardRange(index: k, count: shards, paths: paths)
            #expect(r.lowerBound == next)
            next = r.upperBound
        }
        #expect(next == paths)
    }

    /// Each strategy sees the same agents: a challenger identical to the champion gives
    /// exactly the champion's months.
    @Test func identicalChallengerIsIdentical() {
        var s = EngineFixtures.scenario(paths: 2)
        s.strategies[1] = s.strategies[0]
        s.strategies[1].name = "copy"
        for r in MonteCarlo.run(s, paths: 0..<2, threads: 2) {
            #expect(r.months[0] == r.months[1])
        }
    }
}
