import Testing
@testable import CardsimEngine

/// The approval score's measured discrimination on every run, the initial-limit table by score
/// band, the `other_cards` feature's tie to competitor holdings, and behaviour-scorecard data.
@Suite struct RiskPolicyTests {
    /// A riskier market (so that bads are numerous), champion and challenger differing only in
    /// the synthetic score's model quality.
    static func qualityScenario(paths: Int) -> Scenario {
        var s = EngineFixtures.scenario(agents: 10_000, paths: paths, months: 24)
        s.market.credit.baseRoll = [0.03, 0.30, 0.60, 0.70, 0.62, 0.68, 0.75]
        s.market.credit.riskSlope = 1.0
        var weak = Strategy(name: "weak"), strong = Strategy(name: "strong")
        weak.risk.modelQuality = 0.3
        strong.risk.modelQuality = 0.8
        s.strategies = [weak, strong]
        return s
    }

    /// AUC and KS are outputs, not inputs: a synthetic score that is more correlated with latent
    /// risk separates the booked accounts better. Paired over 8 paths, the AUC and KS gaps must
    /// exceed 3.50 standard errors (one-sided 99.5% Student t, 7 degrees of freedom).
    @Test func discriminationRisesWithModelQuality() {
        let s = Self.qualityScenario(paths: 8)
        let results = MonteCarlo.run(s, paths: 0..<8, threads: 2)
        for (name, value) in [("AUC", \ScoreDiscrimination.auc), ("KS", \ScoreDiscrimination.ks)] as [(String, KeyPath<ScoreDiscrimination, Double>)] {
            let gap = results.map { $0.discrimination[1][keyPath: value] - $0.discrimination[0][keyPath: value] }
            let n = Double(gap.count), mean = gap.reduce(0, +) / n
            let se = (gap.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (n - 1)).squareRoot() / n.squareRoot()
            #expect(mean > 3.50 * se, "\(name): paired gap \(mean), standard error \(se)")
        }
        #expect(results.allSatisfy { $0.discrimination.allSatisfy { !$0.auc.isNaN && $0.accounts > $0.bads } },
                "\(results.map { $0.discrimination.map { ($0.accounts, $0.bads) } })")
    }

    /// The AUC equals the share of (good, bad) pairs in which the good account scores higher,
    /// ties counting a half, counted pair by pair; the KS equals the largest gap of the two
    /// empirical distribution functions evaluated at every score.
    @Test func discriminationEqualsPairCount() {
        var state: UInt64 = 12345
        func next() -> Double { state = state &* 6364136223846793005 &+ 1442695040888963407; return Double(state >> 11) / Double(1 << 53) }
        let n = 600
        let scores = (0..<n).map { _ in (next() * 40).rounded() / 10 }   // ties on purpose
        let bad = scores.map { next() < 1 / (1 + _exp(2 * $0 - 1)) }
        let d = ScoreDiscrimination(scores: scores, bad: bad)
        var wins = 0.0, pairs = 0.0
        for i in 0..<n where !bad[i] {
            for j in 0..<n where bad[j] {
                pairs += 1
                wins += scores[i] > scores[j] ? 1 : scores[i] == scores[j] ? 0.5 : 0
            }
        }
        #expect(abs(d.auc - wins / pairs) < 1e-12)
        let bads = Double(bad.filter { $0 }.count), goods = Double(n) - bads
        var ks = 0.0
        for c in Set(scores) {
            let fb = Double(zip(scores, bad).filter { $0.1 && $0.0 <= c }.count) / bads
            let fg = Double(zip(scores, bad).filter { !$0.1 && $0.0 <= c }.count) / goods
            ks = max(ks, abs(fb - fg))
        }
        #expect(abs(d.ks - ks) < 1e-12)
        #expect(d.accounts == n && Double(d.bads) == bads)
    }

    /// With limit bands, every account booked during the run has income x its band's multiple,
    /// rounded down to 1,000 yuan and kept within the bounds (the minimum below every band),
    /// checked against the band table directly.
    @Test func limitBandsSetInitialLimits() {
        var s = EngineFixtures.scenario(agents: 6_000, paths: 1, months: 12)
        var banded = Strategy(name: "banded")
        banded.risk.limitBands = [LimitBand(minimumScore: 0, incomeMultiple: 2.5),
                                  LimitBand(minimumScore: 1, incomeMultiple: 4),
                                  LimitBand(minimumScore: -0.5, incomeMultiple: 1.2)]
        banded.risk.cutoff = -1
        s.strategies = [banded]
        let pop = Population(count: s.run.agents)
        _ = PathSimulator(scenario: s).simulate(path: 0, population: pop)
        var seen = [0, 0, 0, 0]
        for i in 0..<pop.count where pop.observed.bookedMonth[i] > 0 {
            let score = pop.score[i]
            let multiple: Double? = score >= 1 ? 4 : score >= 0 ? 2.5 : score >= -0.5 ? 1.2 : nil
            seen[score >= 1 ? 0 : score >= 0 ? 1 : score >= -0.5 ? 2 : 3] += 1
            let thousands = multiple.map { Int64(pop.income[i] * $0 / 1000) } ?? 0
            let expected = min(max(thousands, 3), 100) * 100_000
            #expect(pop.limit[i] == expected, "agent \(i): score \(score), income \(pop.income[i])")
        }
        #expect(seen.allSatisfy { $0 > 20 }, "every band and the region below them booked accounts: \(seen)")
    }

    /// `other_cards` counts the competitors' cards an adult holds: with every adult holding all
    /// three competitors' cards, each agent's count is exactly 3 above the count without
    /// competitor holders (the same agents and draws).
    @Test func otherCardsCountCompetitorHoldings() {
        var s = CompetitionTests.scenario(agents: 3_000, paths: 1, months: 1)
        s.strategies[0].risk.scorecards = ScorecardPolicy(application: ScorecardTests.basic)
        func counts(holders: Double) -> [UInt8] {
            var t = s
            for k in t.competitors.indices { t.competitors[k].initialHolders = holders }
            let pop = Population(count: t.run.agents)
            _ = PathSimulator(scenario: t).simulate(path: 0, population: pop)
            return Array(UnsafeBufferPointer(start: pop.observed.otherCards, count: pop.count))
        }
        let none = counts(holders: 0), all = counts(holders: 1)
        #expect(zip(none, all).allSatisfy { Int($1) - Int($0) == 3 })
        #expect(none.allSatisfy { $0 <= 10 } && Set(none).count > 3)
    }

    /// Behaviour data: accounts past due in the last 12 months at the observation month go bad
    /// in the next 12 more often than clean ones, by more than 4 standard errors of the
    /// difference of the two proportions; every row is an account open at that month.
    @Test func behaviourExportCarriesSignal() throws {
        var s = Self.qualityScenario(paths: 2)
        s.strategies = [s.strategies[0]]
        s.run.months = 30
        let export = FeatureExport.collectBehaviour(s, strategy: 0, paths: 0..<2, month: 12)
        let delinquency = try #require(export.columns.firstIndex(of: "recent_delinquency"))
        let tenure = try #require(export.columns.firstIndex(of: "months_on_book"))
        #expect(export.columns.last == "bad")
        #expect(export.rows.allSatisfy { $0[tenure] >= 0 && ($0.last == 0 || $0.last == 1) })
        func rate(_ rows: [[Double]]) -> (Double, Double) {
            let p = rows.reduce(0) { $0 + $1.last! } / Double(rows.count)
            return (p, p * (1 - p) / Double(rows.count))
        }
        let (late, lateVar) = rate(export.rows.filter { $0[delinquency] > 0 })
        let (clean, cleanVar) = rate(export.rows.filter { $0[delinquency] == 0 })
        #expect(late - clean > 4 * (lateVar + cleanVar).squareRoot(), "bad rates \(late) vs \(clean)")
    }
}
