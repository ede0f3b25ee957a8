import Testing
@testable import CardsimEngine

/// Scorecards inside the simulation: block scoring on OpenBLAS, reproducibility, and the
/// effect of a better scorecard at the same approval rate.
@Suite struct ScorecardTests {
    /// Coefficients near those `make models` fits (log-odds of bad per unit).
    static let basic = Scorecard(name: "basic", terms: [
        .init(feature: .logIncome, coefficient: 0.1), .init(feature: .age, coefficient: -0.02),
        .init(feature: .otherCards, coefficient: 0.3), .init(feature: .recentApplications, coefficient: 0.25),
        .init(feature: .segment("workers"), coefficient: 0.3),
    ], intercept: -4)
    static let local = Scorecard(name: "local", terms: basic.terms + [
        .init(feature: .socialSecurityMonths, coefficient: -0.12), .init(feature: .utilityRegularity, coefficient: -3),
    ], intercept: 0)

    /// A market riskier than the default (so that losses are large enough to compare) in which
    /// the champion approves with the basic scorecard and the challenger with the local-data one,
    /// both at the same approval rate.
    static func scenario(paths: Int = 16) -> Scenario {
        var s = EngineFixtures.scenario(agents: 20_000, paths: paths, months: 24)
        s.market.credit.baseRoll = [0.03, 0.30, 0.60, 0.70, 0.62, 0.68, 0.75]
        s.market.credit.riskSlope = 1.0
        var champion = Strategy(name: "basic"), challenger = Strategy(name: "local")
        champion.risk.scorecards = ScorecardPolicy(application: basic, approvalRate: 0.5)
        challenger.risk.scorecards = ScorecardPolicy(application: local, approvalRate: 0.5)
        s.strategies = [champion, challenger]
        return s
    }

    @Test func blockScoringEqualsLoop() throws {
        let s = Self.scenario()
        let pop = Population(count: 3_000)
        _ = PathSimulator(scenario: s).simulate(path: 0, population: pop)
        let block = try #require(ScoreBlock(Self.local, segments: s.market.segments.map(\.name)))
        var agents = (0..<block.capacity).map { Int32($0 % pop.count) }
        agents.withUnsafeBufferPointer { block.score(pop, $0) }
        var checked = 0
        for r in 0..<block.capacity {
            let loop = block.scoreByLoop(pop, Int(agents[r]))
            #expect(abs(block.logOdds[r] - loop) <= 1e-12 * max(1, abs(loop)), "row \(r)")
            checked += 1
        }
        #expect(checked == PathSimulator.blockSize)
        agents.removeAll()
    }

    @Test func featuresAndResultsDoNotDependOnThreads() {
        let s = Self.scenario(paths: 3)
        let one = MonteCarlo.run(s, paths: 0..<3, threads: 1)
        let two = MonteCarlo.run(s, paths: 0..<3, threads: 2)
        #expect(one == two)
        #expect(one.allSatisfy { $0.discrimination.count == 2 && $0.discrimination[0].accounts > 0 })
        // Features are keyed draws: the same agent gets the same features on a second draw.
        let pop = Population(count: 500), again = Population(count: 500)
        let rng = PathRandom(seed: 7, path: 1)
        for p in [pop, again] {
            PopulationDraw.draw(p, market: s.market, policy: RiskPolicy(), rng: rng)
            ObservedFeatures.draw(p, rng: rng)
        }
        for i in 0..<500 {
            #expect(pop.observed.age[i] == again.observed.age[i])
            #expect(pop.observed.socialSecurityMonths[i] == again.observed.socialSecurityMonths[i])
        }
    }

    /// The paired test: on each path both strategies see the same agents and draws, so the
    /// difference of their credit losses has a small standard error. With P = 16 paths the
    /// one-sided 99.5% Student t quantile with 15 degrees of freedom is 2.95: the local-data
    /// scorecard must lose less by more than 2.95 standard errors of the paired difference, and
    /// its measured AUC must exceed the basic one's by as much.
    @Test func betterScorecardAtSameApprovalRateLosesLess() {
        let s = Self.scenario()
        let results = MonteCarlo.run(s, paths: 0..<s.run.paths, threads: 2)
        func losses(_ r: PathResult, _ k: Int) -> Double { r.months[k].reduce(0) { $0 + $1.pnl.creditLosses } }
        func approvals(_ r: PathResult, _ k: Int) -> Double {
            let m = r.months[k]
            return Double(m.reduce(0) { $0 + $1.ledger.newAccounts }) / Double(m.reduce(0) { $0 + $1.ledger.applications })
        }
        let k = 2.95
        let lossGap = results.map { losses($0, 0) - losses($0, 1) }
        let aucGap = results.map { $0.discrimination[1].auc - $0.discrimination[0].auc }
        for (name, gap) in [("credit losses", lossGap), ("AUC", aucGap)] {
            let n = Double(gap.count), mean = gap.reduce(0, +) / n
            let se = (gap.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (n - 1)).squareRoot() / n.squareRoot()
            #expect(mean > k * se, "\(name): paired difference \(mean) with standard error \(se)")
        }
        // Same approval rate: the two strategies approve within 3 points of each other.
        for r in results { #expect(abs(approvals(r, 0) - approvals(r, 1)) < 0.03) }
    }
}
