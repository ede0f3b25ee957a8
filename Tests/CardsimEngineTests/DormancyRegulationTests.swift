@testable import CardsimEngine
import Foundation
import Testing

/// Long-dormant cards as regulated: the regulatory count (no customer-initiated transaction for
/// 18 months and no balance), the issuance stop above the 20% ceiling, and the dormant-card
/// clean-up lever. Each is checked against the population itself at every month end (the
/// simulator's `monthEnd` hook), not against the ledger the kernels write.
@Suite struct DormancyRegulationTests {
    /// A market where cards go quiet: low engagement, strong habit loss, no closing of dormant
    /// cards, so that the long-dormant share starts and stays high.
    static func quietScenario(months: Int = 30, issuanceStop: Bool, strategies: [Strategy]) -> Scenario {
        var scenario = EngineFixtures.scenario(agents: 6_000, paths: 2, months: months)
        scenario.market.behaviour.dormantAttrition = 0
        scenario.market.behaviour.dormantUsageFactor = 0.1
        for s in scenario.market.segments.indices {
            scenario.market.segments[s].engagementLogit = -2.5
            scenario.market.segments[s].applyPropensity = 0.02
        }
        scenario.market.regulation.issuanceStop = issuanceStop
        scenario.run.spinUpMonths = 24
        scenario.strategies = strategies
        return scenario
    }

    /// Month-end counts read from the population: cards in force, long-dormant by the
    /// regulatory definition, and cards idle at least `idle` months with no balance.
    struct Census: Sendable, Equatable {
        var inForce = 0, longDormant = 0, idleFree = 0
    }

    static func census(_ scenario: Scenario, path: Int, idle: Int) -> (PathResult, [[Census]]) {
        let counts = Counts(strategies: scenario.strategies.count, months: scenario.run.months)
        var simulator = PathSimulator(scenario: scenario)
        let long = scenario.market.behaviour.longDormancyMonths
        simulator.monthEnd = { s, t, pop in
            var c = Census()
            for i in 0..<pop.count {
                let st = pop.state[i]
                guard st == Lifecycle.open.rawValue || st == Lifecycle.issued.rawValue else { continue }
                c.inForce += 1
                let free = pop.receivable(i) == 0
                if free && Int(pop.monthsSinceSpend[i]) >= long { c.longDormant += 1 }
                if free && pop.bucket[i] == 0 && Int(pop.monthsSinceSpend[i]) >= idle { c.idleFree += 1 }
            }
            counts.set(s, t, c)
        }
        let result = simulator.simulate(path: path, population: Population(count: scenario.run.agents))
        return (result, counts.values)
    }

    final class Counts: @unchecked Sendable {
        var values: [[Census]]
        init(strategies: Int, months: Int) { values = Array(repeating: Array(repeating: Census(), count: months), count: strategies) }
        func set(_ s: Int, _ t: Int, _ c: Census) { values[s][t - 1] = c }
    }

    @Test func theLongDormantCountIsTheRegulatoryOne() {
        let scenario = Self.quietScenario(months: 12, issuanceStop: false, strategies: [Strategy(name: "champion")])
        let (result, census) = Self.census(scenario, path: 0, idle: 18)
        for (t, record) in result.months[0].enumerated() {
            #expect(record.ledger.longDormantCards == Int64(census[0][t].longDormant), "month \(t + 1)")
            #expect(record.ledger.cardsInForce == Int64(census[0][t].inForce), "month \(t + 1)")
        }
        let share = Double(census[0][11].longDormant) / Double(census[0][11].inForce)
        print("quiet market: long-dormant share in month 12 \(share)")
        #expect(share > 0.2, "the quiet market should open above the ceiling")
    }

    /// Above the ceiling the bank takes no applications and books no cards, in exactly the
    /// months whose opening share (the previous month-end's census) exceeds 20%; below it, it
    /// books as usual. The same market without the stop keeps booking.
    @Test func theIssuanceStopFollowsTheOpeningShare() {
        var cleanup = Strategy(name: "clean-up")
        cleanup.dormantCleanup.afterMonths = 20
        let stopping = Self.quietScenario(issuanceStop: true, strategies: [Strategy(name: "champion"), cleanup])
        let (result, census) = Self.census(stopping, path: 1, idle: 20)
        var stoppedMonths = [0, 0], openMonths = [0, 0]
        for s in 0..<2 {
            for t in 1..<stopping.run.months {
                let ledger = result.months[s][t].ledger
                let opening = census[s][t - 1]
                let over = Double(opening.longDormant) > 0.2 * Double(opening.inForce)
                #expect((ledger.issuanceStopped == 1) == over, "strategy \(s) month \(t + 1)")
                if over {
                    stoppedMonths[s] += 1
                    #expect(ledger.applications == 0 && ledger.newAccounts == 0, "strategy \(s) month \(t + 1)")
                } else {
                    openMonths[s] += 1
                    #expect(ledger.applications > 0, "strategy \(s) month \(t + 1)")
                }
            }
        }
        print("issuance stop: months stopped \(stoppedMonths), open \(openMonths)")
        #expect(stoppedMonths[0] == stopping.run.months - 1, "without a clean-up the quiet book stays over the ceiling")
        #expect(openMonths[1] > 0, "the clean-up brings the book under the ceiling")

        let free = Self.quietScenario(issuanceStop: false, strategies: [Strategy(name: "champion")])
        let unstopped = PathSimulator(scenario: free).simulate(path: 1, population: Population(count: free.run.agents))
        #expect(unstopped.months[0].allSatisfy { $0.ledger.newAccounts > 0 && $0.ledger.issuanceStopped == 0 })
    }

    /// The clean-up closes every balance-free card idle for `after_months`: no such card is
    /// left at any month end, closures are counted, and the book it leaves has fewer cards,
    /// a lower long-dormant share and less annual-fee income than the champion's, paired by
    /// path (the two strategies share their draws).
    @Test func theCleanupClosesLongDormantCards() {
        var cleanup = Strategy(name: "clean-up")
        cleanup.dormantCleanup.afterMonths = 21
        cleanup.dormantCleanup.noticeResponse = 0
        let scenario = Self.quietScenario(months: 24, issuanceStop: false, strategies: [Strategy(name: "champion"), cleanup])
        var differences: [(cards: Double, share: Double, fees: Double)] = []
        for path in 0..<4 {
            let (result, census) = Self.census(scenario, path: path, idle: 21)
            #expect(census[1].allSatisfy { $0.idleFree == 0 }, "path \(path): a card idle 21 months with no balance survived")
            #expect(census[0][23].idleFree > 0, "path \(path): the champion keeps such cards")
            let closed = result.months[1].reduce(Int64(0)) { $0 + $1.ledger.cleanupClosures }
            #expect(closed > 0)
            let notices = result.months[1].reduce(Int64(0)) { $0 + $1.ledger.cleanupNotices }
            #expect(notices > 0)
            let last = (result.months[0][23].ledger, result.months[1][23].ledger)
            let fees = result.months.map { $0.reduce(Int64(0)) { $0 + $1.ledger.annualFees } }
            differences.append((Double(last.1.cardsInForce - last.0.cardsInForce),
                                Double(last.1.longDormantCards) / Double(last.1.cardsInForce)
                                    - Double(last.0.longDormantCards) / Double(last.0.cardsInForce),
                                Double(fees[1] - fees[0])))
        }
        print("clean-up minus champion, month 24, per path: \(differences)")
        #expect(differences.allSatisfy { $0.cards < 0 && $0.share < 0 && $0.fees <= 0 })
    }
}
