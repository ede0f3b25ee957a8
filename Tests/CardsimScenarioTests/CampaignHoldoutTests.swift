import CardsimAnalysis
import CardsimEngine
import CardsimScenario
import Foundation
import Testing

/// Campaign targeting and holdouts (`CampaignAudience`, `CampaignEffect`): the estimate the
/// bank's own test would give agrees with the true effect on the same customers, a campaign
/// aimed at one segment moves no other segment, and bad targeting rules are refused where they
/// are written.
@Suite(.serialized) struct CampaignHoldoutTests {
    static let threads = max(1, ProcessInfo.processInfo.activeProcessorCount)

    /// A first-swipe gift so large (activation uplift 10) that every new card in its audience
    /// (cards in their month of issue) makes its first swipe in that month, with a 50% holdout.
    /// In closed form the treated arm's activations equal its size exactly, and the true effect
    /// on activations is that size less the same cards' activations without the gift. The
    /// holdout estimate (treated minus holdout, scaled to the treated) agrees with the true
    /// effect within three combined standard errors for activations, spend and net income; the
    /// holdout's spillover is exactly 0 (no capacity: the holdout is the same customers doing the
    /// same things in both runs).
    @Test func holdoutEstimateAgreesWithTheTrueEffect() throws {
        let challenger = "strategies.challengers=[{name: gift, bank: {campaigns: {first_swipe: {activation_uplift: 10, gift_cost: 30, holdout: 0.5, audience: {max_months_on_book: 0}}}}}]"
        let scenario = try ScenarioLoader.load(path: RepositoryRoot.path("scenarios/baseline.yaml"),
                                               overrides: ["run.paths=8", "run.agents=20000", "run.months=12", challenger])
        let results = MonteCarlo.run(scenario, paths: 0..<8, threads: Self.threads)
        let effects = CampaignEffect.all(results, strategy: 1, agentWeight: scenario.agentWeight)
        let effect = try #require(effects.first)
        #expect(effects.count == 1 && effect.kind == .firstSwipe)
        #expect(CampaignEffect.all(results, strategy: 0, agentWeight: scenario.agentWeight).isEmpty)
        for r in results {
            let treated = r.campaigns[1][0].total(.treated)
            #expect(treated.assigned > 0 && treated.activations == treated.assigned && treated.contacts == treated.assigned)
        }
        // Half the selected agents are held out: within three binomial standard errors of 0.5.
        let held = results.reduce(0.0) { $0 + $1.campaigns[1][0].total(.holdout).assigned }
        let selected = held + results.reduce(0.0) { $0 + $1.campaigns[1][0].total(.treated).assigned }
        #expect(abs(held / selected - 0.5) <= 3 * (0.25 / selected).squareRoot())
        for id in ["activations", "spend", "net_income"] {
            let k = try #require(CampaignTally.kpis.firstIndex { $0.id == id })
            let e = effect.holdoutEstimate[k], t = effect.trueEffect[k]
            let combined = (e.standardError * e.standardError + t.standardError * t.standardError).squareRoot()
            print("first-swipe gift, \(id): holdout estimate \(e.mean) ± \(e.standardError), true \(t.mean) ± \(t.standardError)")
            #expect(abs(e.mean - t.mean) <= 3 * combined)
        }
        // The true activation effect is large against its error: the comparison could fail.
        let activations = effect.trueEffect[0]
        #expect(activations.mean > 10 * activations.standardError)
        for s in effect.holdoutSpillover { #expect(s.mean == 0 && s.standardError == 0) }
        // ROI from the true effect is the net income effect over the cost, path by path.
        let w = scenario.agentWeight
        let roi = Estimate(results.map { r in
            let c = r.campaigns[1][0]
            return (c.total(.treated).netIncome - c.total(.treatedWithout).netIncome) * w / (c.total(.treated).cost * w)
        })
        #expect(abs(try #require(effect.trueROI).mean - roi.mean) <= 1e-12 * max(1, abs(roi.mean)))
    }

    /// Precision marketing aimed at young professionals: beside the same strategy without it,
    /// the other segments' cards used and receivables at every month's end do not move beyond
    /// Monte Carlo error (they are in fact the same: nothing links an agent to another's
    /// campaign), while the young professionals' receivables rise by more than three standard
    /// errors.
    @Test func aSegmentsCampaignLeavesTheOtherSegmentsAlone() throws {
        let arms = "strategies.challengers=[{name: aimed, bank: {campaigns: {precision: {target_share: 0.5, audience: {segments: [young_professionals]}}}}}]"
        let scenario = try ScenarioLoader.load(path: RepositoryRoot.path("scenarios/baseline.yaml"),
                                               overrides: ["run.paths=6", "run.agents=15000", "run.months=12", arms])
        let segments = scenario.market.segments.count
        let target = try #require(scenario.market.segments.firstIndex { $0.name == "young_professionals" })
        let tally = SegmentTally(strategies: 2, segments: segments)
        var simulator = PathSimulator(scenario: scenario)
        simulator.monthEnd = { s, _, pop in tally.add(s, pop) }
        var differences = [[Double]](repeating: [], count: 2 * segments)
        for path in 0..<scenario.run.paths {
            tally.reset()
            let result = simulator.simulate(path: path, population: Population(count: scenario.run.agents))
            #expect(result.campaigns[1].map(\.kind) == [.precision])
            for g in 0..<segments {
                differences[2 * g].append(tally.used[1][g] - tally.used[0][g])
                differences[2 * g + 1].append(tally.receivables[1][g] - tally.receivables[0][g])
            }
        }
        for g in 0..<segments {
            let used = Estimate(differences[2 * g]), owed = Estimate(differences[2 * g + 1])
            if g == target {
                #expect(owed.mean > 3 * owed.standardError)
            } else {
                #expect(abs(used.mean) <= 3 * used.standardError && abs(owed.mean) <= 3 * owed.standardError)
                #expect(used.mean == 0 && owed.mean == 0)
            }
        }
    }

    /// Precision marketing aimed at payroll-channel accounts: every customer it treats or holds
    /// out was booked through the payroll channel, and it reaches some.
    @Test func aChannelsCampaignReachesOnlyThatChannel() throws {
        let arms = "strategies.challengers=[{name: payroll, bank: {campaigns: {precision: {target_share: 0.5, holdout: 0.2, audience: {channels: [payroll]}}}}}]"
        let scenario = try ScenarioLoader.load(path: RepositoryRoot.path("scenarios/baseline.yaml"),
                                               overrides: ["run.paths=2", "run.agents=10000", "run.months=6", arms])
        let payroll = UInt8(try #require(scenario.strategies[1].channels.firstIndex { $0.name == "payroll" }))
        let tally = ChannelCheck()
        var simulator = PathSimulator(scenario: scenario)
        simulator.monthEnd = { s, _, pop in if s == 1 { tally.check(pop, channel: payroll) } }
        for path in 0..<2 { _ = simulator.simulate(path: path, population: Population(count: scenario.run.agents)) }
        #expect(tally.reached > 0 && tally.outside == 0)
    }

    final class ChannelCheck: @unchecked Sendable {
        var reached = 0, outside = 0
        let lock = NSLock()
        func check(_ pop: Population, channel: UInt8) {
            lock.lock(); defer { lock.unlock() }
            let bits = CampaignArm.bit(CampaignKind.precision.rawValue, heldOut: false) | CampaignArm.bit(CampaignKind.precision.rawValue, heldOut: true)
            for i in 0..<pop.count where pop.campaignArms[i] & bits != 0 {
                if pop.channel[i] == channel { reached += 1 } else { outside += 1 }
            }
        }
    }

    /// Per strategy and segment: cards used in the month and receivables (yuan), summed over
    /// the months of a path.
    final class SegmentTally: @unchecked Sendable {
        var used: [[Double]], receivables: [[Double]]
        let lock = NSLock()
        init(strategies: Int, segments: Int) {
            used = Array(repeating: Array(repeating: 0, count: segments), count: strategies)
            receivables = used
        }
        func reset() {
            for s in used.indices { for g in used[s].indices { used[s][g] = 0; receivables[s][g] = 0 } }
        }
        func add(_ s: Int, _ pop: Population) {
            lock.lock(); defer { lock.unlock() }
            for i in 0..<pop.count where pop.state[i] == Lifecycle.open.rawValue {
                let g = Int(pop.segment[i])
                if pop.monthsSinceSpend[i] == 0 { used[s][g] += 1 }
                receivables[s][g] += Double(pop.receivable(i)) * 0.01
            }
        }
    }
}

/// An alliance aimed at one segment: only that segment's spend moves beyond Monte Carlo error
/// (from the segment breakdown, `PathResult.segments`).
@Suite(.serialized) struct AimedAllianceTests {
    @Test func anAllianceForFamiliesMovesOnlyFamiliesSpend() throws {
        let alliance = "strategies.challengers=[{name: aimed, bank: {alliances: [{name: grocers, segments: [families], category: groceries, coverage: 0.5, discount_rate: 0.05, bank_funded_share: 0.5, spend_uplift: 0.3, acquiring_revenue_rate: 0.002, fixed_monthly_cost: 0}]}}]"
        let scenario = try ScenarioLoader.load(path: RepositoryRoot.path("scenarios/baseline.yaml"),
                                               overrides: ["run.paths=6", "run.agents=15000", "run.months=12", alliance])
        let results = MonteCarlo.run(scenario, paths: 0..<6, threads: max(1, ProcessInfo.processInfo.activeProcessorCount))
        let families = try #require(scenario.market.segments.firstIndex { $0.name == "families" })
        for g in scenario.market.segments.indices {
            let d = Estimate(results.map { r in
                Double(r.segments[1].reduce(0) { $0 + $1[g].spend } - r.segments[0].reduce(0) { $0 + $1[g].spend })
            })
            if g == families {
                #expect(d.mean > 3 * d.standardError)
            } else {
                #expect(abs(d.mean) <= 3 * d.standardError, "segment \(scenario.market.segments[g].name): \(d.mean) ± \(d.standardError)")
            }
        }
    }
}
