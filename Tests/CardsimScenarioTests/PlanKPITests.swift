import CardsimAnalysis
import CardsimEngine
import CardsimScenario
import Foundation
import Testing

/// The marketing plan's KPIs (`target_segment_share`, `installment_volume_growth`,
/// `revenue_share_*`, `complaint_rate`) recomputed by hand from the ledger and the segment
/// breakdown, and KPI targets checked every month or year.
@Suite(.serialized) struct PlanKPITests {
    /// The campaign programme, its precision marketing aimed at families too (so that some
    /// dormant families called are also precision-marketing targets: repeat contacts).
    static let scenario = try! ScenarioLoader.load(path: RepositoryRoot.path("scenarios/campaign-holdout.yaml"),
                                                   overrides: ["run.paths=3", "run.agents=12000", "run.months=30",
                                                               "strategies.challengers.targeted_programme.bank.campaigns.precision.audience.segments=[young_professionals, families]"])
    static let results = MonteCarlo.run(scenario, paths: 0..<3, threads: max(1, ProcessInfo.processInfo.activeProcessorCount))

    static func value(_ id: String, strategy s: Int = 1) -> [Double] {
        let k = KPI.all.firstIndex { $0.id == id }!
        return Evaluation.pathValues(results, scenario: scenario)[s][k]
    }

    @Test func targetSegmentShareIsTheTargetSegmentsNewAccountsFromTheBreakdown() throws {
        let names = Self.scenario.market.segments.map(\.name)
        let targets = Self.scenario.market.targetSegments.map { names.firstIndex(of: $0)! }
        #expect(targets.count == 2)
        let byHand = Self.results.map { r in
            let months = r.segments[1]
            let inTarget = months.reduce(0) { sum, m in sum + targets.reduce(0) { $0 + m[$1].newAccounts } }
            return Double(inTarget) / Double(months.reduce(0) { $0 + $1.reduce(0) { $0 + $1.newAccounts } })
        }
        #expect(Self.value("target_segment_share") == byHand)
        #expect(byHand.allSatisfy { $0 > 0.3 && $0 < 0.9 })
    }

    @Test func revenueSharesSumToOneAndGrowthComparesTheFirstAndLastYears() {
        let ids = KPI.all.map(\.id).filter { $0.hasPrefix("revenue_share_") }
        #expect(ids.count == 9)
        let shares = ids.map { Self.value($0) }
        for p in 0..<3 { #expect(abs(shares.reduce(0) { $0 + $1[p] } - 1) < 1e-12) }
        let growth = Self.value("installment_volume_growth")
        for (p, r) in Self.results.enumerated() {
            let v = r.months[1].map { Double($0.ledger.installmentVolume) }
            let first = v[0..<12].reduce(0, +), last = v[18..<30].reduce(0, +)
            #expect(abs(growth[p] - (last - first) / first) < 1e-12)
        }
    }

    /// Expected complaints: rate x annual fees on barely used cards + rate x account-months in
    /// collections + rate x repeat marketing contacts, per card-year; the programme calls some
    /// precision-marketing targets, so it has repeat contacts.
    @Test func complaintRateFollowsItsMechanisms() {
        let c = Self.scenario.market.complaints
        let rate = Self.value("complaint_rate")
        var repeats = 0.0
        for (p, r) in Self.results.enumerated() {
            var complaints = 0.0, cardYears = 0.0
            for m in r.months[1] {
                let l = m.ledger
                complaints += Double(l.annualFeesOnBarelyUsedCards) * c.perFeeOnBarelyUsedCard
                    + Double(l.accountsByBucket[1...].reduce(0, +) + l.accountsPast180) * c.perCollectionsContact
                    + Double(l.repeatMarketingContacts) * c.perRepeatMarketingContact
                cardYears += Double(l.cardsInForce) / 12
                repeats += Double(l.repeatMarketingContacts)
            }
            #expect(abs(rate[p] - complaints / cardYears) <= 1e-12 * rate[p])
            #expect(r.months[0].allSatisfy { $0.ledger.repeatMarketingContacts == 0 })
        }
        #expect(repeats > 0)
        #expect(rate.allSatisfy { $0 > 0 && $0 < 0.05 })
    }

    /// A monthly target on the overdue rate that the run's months straddle: it is first missed in
    /// the first month whose mean over paths is above it; a yearly target on new accounts too.
    @Test func periodicTargetsGiveTheMonthTheyAreFirstMissed() throws {
        let kpi = try #require(KPI.named("overdue_rate"))
        let monthly = (0..<30).map { t in Self.results.map { kpi.path(Array($0.months[1][t...t]), weight: 1, discountFactors: [1]) } }
        let means = monthly.map { $0.reduce(0, +) / 3 }
        let threshold = means.sorted()[15]
        let firstMissed = means.firstIndex { $0 > threshold }.map { $0 + 1 }
        let report = ComparisonReport(results: Self.results, scenario: Self.scenario,
                                      targets: [TargetRule(kpi: "overdue_rate", relation: .atMost, threshold: threshold, period: .everyMonth),
                                                TargetRule(kpi: "new_accounts", relation: .atLeast, threshold: 0, period: .everyYear)])
        let result = report.strategies[1].targets[0]
        #expect(firstMissed != nil && result.firstMissedMonth == firstMissed && !result.meanMeets)
        let yearly = report.strategies[1].targets[1]
        #expect(yearly.meanMeets && yearly.firstMissedMonth == nil && yearly.shareOfPathsMeeting == 1)
    }
}
