import CardsimEngine
@testable import CardsimOutput
import CardsimTestSupport
import Foundation
import Testing

@Suite("segments.csv and channels.csv")
struct BreakdownFilesTests {
    /// Two segments, the default channels, a challenger with a precision campaign aimed at the
    /// first segment: 3 paths of 4,000 agents over 14 months.
    static func scenario() -> Scenario {
        var run = RunSettings()
        run.paths = 3; run.months = 14; run.agents = 4_000; run.seed = 11; run.spinUpMonths = 24
        var aimed = Strategy(name: "aimed")
        aimed.campaigns.precision.targetShare = 0.5
        aimed.campaigns.precision.audience.segments = ["young"]
        let market = Market(adults: 2_000_000, segments: [
            Segment(name: "young", share: 0.4, incomeMedian: 7_000), Segment(name: "older, \"settled\"", share: 0.6, incomeMedian: 11_000),
        ])
        return Scenario(name: "breakdowns", market: market, run: run, strategies: [Strategy(name: "champion"), aimed])
    }

    static let results = MonteCarlo.run(scenario(), paths: 0..<3, threads: 2)

    @Test("the segments of every path, strategy and month sum exactly to the ledger")
    func segmentsSumToTheLedger() throws {
        for r in Self.results {
            #expect(r.segments.count == 2)
            for s in 0..<2 {
                #expect(r.segments[s].count == 14)
                for (t, record) in r.months[s].enumerated() {
                    let l = record.ledger, g = r.segments[s][t]
                    #expect(g.count == 2)
                    func sum(_ f: KeyPath<SegmentFlows, Int64>) -> Int64 { g.reduce(0) { $0 + $1[keyPath: f] } }
                    #expect(sum(\.applications) == l.applications && sum(\.newAccounts) == l.newAccounts)
                    #expect(sum(\.activations) == l.activations && sum(\.closures) == l.closures)
                    #expect(sum(\.chargeOffAccounts) == l.chargeOffAccounts && sum(\.cardsInForce) == l.cardsInForce)
                    #expect(sum(\.activeCards) == l.activeCards && sum(\.spend) == l.spend)
                    #expect(sum(\.charges) == l.interest + l.annualFees + l.installmentFees + l.lateFees + l.cashAdvanceFees)
                    #expect(sum(\.chargeOffs) == l.chargeOffs && sum(\.receivables) == l.receivablesClosing)
                }
            }
            // Something happens in both segments, so the sums test something.
            #expect(r.segments[0].allSatisfy { $0.allSatisfy { $0.cardsInForce > 0 } })
        }
    }

    @Test("the channels' run totals add up to the ledger's applications and new accounts")
    func channelsAddUp() {
        let scenario = Self.scenario()
        for r in Self.results {
            for s in 0..<2 {
                let tallies = r.channels[s]
                #expect(tallies.count == scenario.strategies[s].channels.count)
                #expect(tallies.reduce(0) { $0 + $1.applications } == r.months[s].reduce(0) { $0 + $1.ledger.applications })
                #expect(tallies.reduce(0) { $0 + $1.newAccounts } == r.months[s].reduce(0) { $0 + $1.ledger.newAccounts })
                let cost = r.months[s].reduce(0.0) { $0 + $1.pnl.acquisition }
                #expect(abs(tallies.reduce(0.0) { $0 + $1.cost } - cost) <= 1e-9 * max(1, cost))
                for t in tallies {
                    #expect(t.bookedFor3 <= t.newAccounts && t.bookedFor12 <= t.bookedFor3)
                    #expect(t.activatedWithin3 <= t.bookedFor3 && t.badWithin12 <= t.bookedFor12)
                }
            }
            #expect(r.channels[0].contains { $0.activatedWithin3 > 0 })
        }
    }

    @Test("both files read back to the same records and the same text")
    func roundTrip() throws {
        let scenario = Self.scenario()
        let names = scenario.strategies.map(\.name), segments = scenario.market.segments.map(\.name)
        let channels = scenario.strategies.map { $0.channels.map(\.name) }
        let segmentsText = SegmentsFile.text(results: Self.results, strategyNames: names, segmentNames: segments)
        let channelsText = ChannelsFile.text(results: Self.results, strategyNames: names, channelNames: channels)
        var back = Self.results.map { PathResult(path: $0.path, months: $0.months) }
        try SegmentsFile.read(segmentsText, into: &back, strategyNames: names, segmentNames: segments, months: 14)
        try ChannelsFile.read(channelsText, into: &back, strategyNames: names, channelNames: channels)
        #expect(back.map(\.segments) == Self.results.map(\.segments))
        #expect(back.map(\.channels) == Self.results.map(\.channels))
        #expect(SegmentsFile.text(results: back, strategyNames: names, segmentNames: segments) == segmentsText)
        #expect(segmentsText.split(separator: "\n").count == 1 + 3 * 2 * 14 * 2)
        #expect(segmentsText.split(separator: "\n")[2].hasPrefix("0,champion,1,\"older, \"\"settled\"\"\","))
        // A row of the wrong segment is refused.
        let swapped = segmentsText.replacingOccurrences(of: "0,champion,1,young,", with: "0,champion,1,old,")
        #expect(throws: OutputError.self) {
            try SegmentsFile.read(swapped, into: &back, strategyNames: names, segmentNames: segments, months: 14)
        }
    }
}
