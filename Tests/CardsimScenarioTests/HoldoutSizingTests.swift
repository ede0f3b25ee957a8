import CardsimAnalysis
import CardsimEngine
import CardsimScenario
import Foundation
import Testing

/// Holdout sizing by simulation (`HoldoutSizing`, `cardsim plan-test`): the design it
/// recommends for a target power, checked by repeating the simulation on other paths.
@Suite(.serialized) struct HoldoutSizingTests {
    static let threads = max(1, ProcessInfo.processInfo.activeProcessorCount)

    static func scenario(seed: UInt64) throws -> Scenario {
        try ScenarioLoader.load(path: RepositoryRoot.path("scenarios/campaign-holdout.yaml"),
                                overrides: ["run.paths=80", "run.agents=20000", "run.seed=\(seed)"])
    }

    /// Precision marketing's effect on spend, 3-month tests: power rises with the holdout share;
    /// for a target of 50% the smallest holdout reaching it is recommended, and on 80 fresh
    /// paths (another seed) the same design's power is within three binomial standard errors of
    /// the first estimate and not below the target by more than three.
    @Test func recommendedDesignHoldsItsPowerOnFreshPaths() throws {
        let first = try HoldoutSizing.run(try Self.scenario(seed: 1), strategy: 1, campaign: .precision, kpi: "spend",
                                          holdouts: [0.05, 0.2, 0.3, 0.5], months: [3], alpha: 0.05, power: 0.5, threads: Self.threads)
        let powers = first.designs.map(\.power)
        print("precision, spend, 3 months: power by holdout \(zip([0.05, 0.2, 0.3, 0.5], powers).map { "\($0): \($1)" })")
        // Power rises from a 5% to a 30% holdout by more than three binomial standard errors.
        let rise = (powers[0] * (1 - powers[0]) / 80 + powers[2] * (1 - powers[2]) / 80).squareRoot()
        #expect(powers[2] - powers[0] > 3 * rise)
        let design = try #require(first.recommended)
        #expect(design.power >= 0.5)
        let again = try HoldoutSizing.run(try Self.scenario(seed: 2), strategy: 1, campaign: .precision, kpi: "spend",
                                          holdouts: [design.holdout], months: [3], alpha: 0.05, power: 0.5, threads: Self.threads)
        let check = try #require(again.designs.first)
        let p = (design.power + check.power) / 2, n = 80.0
        let se = (p * (1 - p) / n).squareRoot()
        print("recommended holdout \(design.holdout): power \(design.power) ± \(design.powerStandardError); fresh paths \(check.power) ± \(check.powerStandardError)")
        #expect(abs(check.power - design.power) <= 3 * (2.0).squareRoot() * se)
        #expect(check.power >= 0.5 - 3 * se)
    }

    /// Under no effect (a campaign whose uplifts are 0) the test rejects at about its
    /// significance level: within three binomial standard errors of 5%.
    @Test func withoutAnEffectTheTestRejectsAtItsSignificance() throws {
        let scenario = try ScenarioLoader.load(path: RepositoryRoot.path("scenarios/campaign-holdout.yaml"),
                                               overrides: ["run.paths=120", "run.agents=20000", "run.seed=3",
                                                           "strategies.challengers.targeted_programme.bank.campaigns.precision.spend_uplift=0",
                                                           "strategies.challengers.targeted_programme.bank.campaigns.precision.frequency_uplift=0"])
        let sizing = try HoldoutSizing.run(scenario, strategy: 1, campaign: .precision, kpi: "spend",
                                           holdouts: [0.5], months: [3], alpha: 0.05, power: 0.8, threads: Self.threads)
        let d = try #require(sizing.designs.first)
        #expect(d.meanEffect == 0)
        #expect(abs(d.power - 0.05) <= 3 * (0.05 * 0.95 / 120).squareRoot())
    }
}
