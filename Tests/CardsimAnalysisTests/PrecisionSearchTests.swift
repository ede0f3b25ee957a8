import CardsimAnalysis
import CardsimEngine
import CardsimTestSupport
import Testing

@Suite struct PrecisionSearchTests {
    @Test func batchesGrowByTheBatchSizeUpToTheMaximum() {
        #expect(PrecisionSearch.pathCounts(batch: 10, maxPaths: 35) == [10, 20, 30, 35])
        #expect(PrecisionSearch.pathCounts(batch: 10, maxPaths: 30) == [10, 20, 30])
        #expect(PrecisionSearch.pathCounts(batch: 50, maxPaths: 30) == [30])
        #expect(PrecisionSearch.pathCounts(batch: 1, maxPaths: 3) == [1, 2, 3])
    }

    @Test func stopsAtTheFirstBatchBelowTarget() {
        // Half-widths after 4, 8, 12, 16, 20 paths.
        let widths: [Int: Double] = [4: 9, 8: 5, 12: 2.9, 16: 2, 20: 1]
        var asked: [Range<Int>] = []
        let outcome = PrecisionSearch.run(target: 3, batch: 4, maxPaths: 20) { range in
            asked.append(range)
            return PrecisionSearch.Measure(halfWidth: widths[range.upperBound])
        }
        #expect(outcome == PrecisionSearch.Outcome(paths: 12, halfWidth: 2.9, met: true))
        #expect(asked == [0..<4, 4..<8, 8..<12])
        // A half-width equal to the target is not below it.
        #expect(PrecisionSearch.run(target: 5, batch: 4, maxPaths: 20) { .init(halfWidth: widths[$0.upperBound]) }.paths == 12)
    }

    @Test func stopsAtTheMaximumWhenTheTargetIsOutOfReach() {
        var calls = 0
        let outcome = PrecisionSearch.run(target: 0.1, batch: 3, maxPaths: 7) { _ in calls += 1; return .init(halfWidth: 1) }
        #expect(outcome == PrecisionSearch.Outcome(paths: 7, halfWidth: 1, met: false))
        #expect(calls == 3)
        // One path has no interval: the search goes on.
        #expect(PrecisionSearch.run(target: 1, batch: 1, maxPaths: 3) { .init(halfWidth: $0.upperBound < 2 ? nil : 0.5) }.paths == 2)
    }

    /// A narrow interval that cannot be trusted is not precise: the search goes on until the
    /// interval is both narrow and reliable, and says why when it stops at the maximum.
    @Test func continuesWhileTheIntervalIsUnreliable() {
        let measures: [Int: PrecisionSearch.Measure] = [
            4: .init(halfWidth: 1, unreliable: "only 1 of 4 paths have a non-zero difference (fewer than 10)"),
            8: .init(halfWidth: 0.5, unreliable: "only 2 of 8 paths have a non-zero difference (fewer than 10)"),
            12: .init(halfWidth: 0.4), 16: .init(halfWidth: 0.3)]
        let outcome = PrecisionSearch.run(target: 2, batch: 4, maxPaths: 16) { measures[$0.upperBound]! }
        #expect(outcome == PrecisionSearch.Outcome(paths: 12, halfWidth: 0.4, met: true))
        let never = PrecisionSearch.run(target: 2, batch: 4, maxPaths: 8) { measures[$0.upperBound]! }
        #expect(never == PrecisionSearch.Outcome(paths: 8, halfWidth: 0.5, met: false, unreliable: measures[8]!.unreliable))
    }

    /// Paths are keyed by index: running them in batches gives the results of one run.
    @Test func batchesGiveTheResultsOfOneRun() {
        let scenario = AnalysisFixtures.smallScenario(paths: 5, months: 6)
        let whole = MonteCarlo.run(scenario, paths: 0..<5, threads: 2)
        let batched = MonteCarlo.run(scenario, paths: 0..<2, threads: 2) + MonteCarlo.run(scenario, paths: 2..<4, threads: 1)
            + MonteCarlo.run(scenario, paths: 4..<5, threads: 2)
        #expect(whole == batched)
        let hw = ComparisonReport.precisionMeasure(kpi: "npv", results: whole, scenario: scenario)?.halfWidth
        let report = ComparisonReport(results: whole, scenario: scenario)
        let npv = KPI.all.firstIndex { $0.id == "npv" }!
        // The search's precision is the widest paired interval over the challengers.
        let widths = report.strategies.dropFirst().map { $0.comparison!.differences[npv].difference.halfWidth! }
        #expect(hw == widths.max())
    }
}
