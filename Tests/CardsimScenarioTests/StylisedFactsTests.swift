import CardsimAnalysis
import CardsimEngine
import CardsimScenario
import Foundation
import Testing

/// The stylised facts of card markets, each a paired difference over common random numbers in
/// the shipped baseline market (docs/model/stylised-facts.md gives the source or reasoning of
/// each). One run holds every strategy: the champion (the shipped product) and one challenger
/// per lever. A fact holds when the paired 95% interval of its difference lies on its side of
/// zero, so the tolerance is the Monte Carlo error of the run; the estimates are printed.
@Suite(.serialized) struct StylisedFactsTests {
    /// Challengers, each changing one lever of the champion.
    static let challengers = [
        "{name: apr_12, bank: {product: {apr: 0.12}}}",
        "{name: apr_24, bank: {product: {apr: 0.24}}}",
        "{name: apr_36, bank: {product: {apr: 0.36}}}",
        "{name: points_06, bank: {product: {rewards_rate: 0.006}}}",
        "{name: dining_3x, bank: {product: {category_reward_multipliers: {dining: 3}}}}",
        "{name: installment_04, bank: {product: {installment_fee_rate: 0.004}}}",
        "{name: waiver_3, bank: {product: {annual_fee_waiver_swipes: 3}}}",
        "{name: days_60, bank: {product: {interest_free_days: 60}}}",
        "{name: precision, bank: {campaigns: {precision: {target_share: 0.2, frequency_uplift: 0.2, spend_uplift: 0.15, cost_per_target: 0}}}}",
        "{name: first_swipe, bank: {campaigns: {first_swipe: {activation_uplift: 0.5, gift_cost: 0}}}}",
        "{name: reactivation, bank: {campaigns: {reactivation: {reach: 0.5, response: 0.13, decay: 0.95, cost_per_contact: 0, start_month: 1, end_month: 6}}}}",
    ]

    struct Run: Sendable {
        let names: [String]
        /// values[strategy][kpi][path].
        let values: [[[Double]]]

        func kpi(_ strategy: String, _ id: String) throws -> [Double] {
            let s = try #require(names.firstIndex(of: strategy), "no strategy \(strategy)")
            let k = try #require(KPI.all.firstIndex { $0.id == id }, "no KPI \(id)")
            return values[s][k]
        }
    }

    /// 10 paths x 40,000 agents x 60 months; the APR ceiling raised to the 36% line so that the
    /// 36% challenger is valid. At 20,000 agents the 24% challenger's long-dormant share crosses the
    /// 20% ceiling in about an eighth of its months (issuance stops, and a stopped month feeds the
    /// share), which swamps the APR's own effect on receivables per card; at 40,000 it does so in
    /// one month of 200.
    static let run: Run = {
        let overrides = ["run.paths=10", "run.agents=40000", "run.months=60", "market.regulation.apr_ceiling=0.36",
                         "strategies.challengers=[\(challengers.joined(separator: ", "))]"]
        let scenario = try! ScenarioLoader.load(path: RepositoryRoot.path("scenarios/baseline.yaml"), overrides: overrides)
        let results = MonteCarlo.run(scenario, paths: 0..<scenario.run.paths,
                                     threads: max(1, ProcessInfo.processInfo.activeProcessorCount))
        return Run(names: scenario.strategies.map(\.name), values: Evaluation.pathValues(results, scenario: scenario))
    }()

    /// The paired difference b - a of per-path values, printed with its label.
    static func difference(_ label: String, _ a: [Double], _ b: [Double]) -> Estimate {
        let d = PairedDifference(kpi: label, champion: a, challenger: b, direction: nil).difference
        print("stylised fact: \(label): \(d.mean) [\(d.low ?? .nan), \(d.high ?? .nan)]")
        return d
    }

    static func above(_ d: Estimate) throws -> Bool { try #require(d.low) > 0 }
    static func below(_ d: Estimate) throws -> Bool { try #require(d.high) < 0 }

    static let champion = "current plan"

    @Test func netIncomeHasAnInteriorMaximumInTheAPR() throws {
        let r = Self.run
        let twelve = try r.kpi("apr_12", "net_income"), twentyFour = try r.kpi("apr_24", "net_income")
        let thirtySix = try r.kpi("apr_36", "net_income")
        #expect(try Self.above(Self.difference("net income, APR 24% - 12%", twelve, twentyFour)))
        #expect(try Self.below(Self.difference("net income, APR 36% - 24%", twentyFour, thirtySix)))
    }

    @Test func aHigherAPRLowersReceivablesAndRaisesAttrition() throws {
        let r = Self.run
        #expect(try Self.below(Self.difference("receivables per card, APR 24% - 18.25%",
                                               r.kpi(Self.champion, "receivables_per_card"), r.kpi("apr_24", "receivables_per_card"))))
        #expect(try Self.above(Self.difference("attrition to competitors, APR 24% - 18.25%",
                                               r.kpi(Self.champion, "attrition_to_competitors"), r.kpi("apr_24", "attrition_to_competitors"))))
        #expect(try Self.above(Self.difference("balance transfers out, APR 24% - 18.25%",
                                               r.kpi(Self.champion, "balance_transfers_out"), r.kpi("apr_24", "balance_transfers_out"))))
    }

    @Test func richerPointsRaiseSpendAndACategoryBonusShiftsSpendToIt() throws {
        let r = Self.run
        #expect(try Self.above(Self.difference("spend per active card, points 0.6% - 0.4%",
                                               r.kpi(Self.champion, "spend_per_active_card"), r.kpi("points_06", "spend_per_active_card"))))
        func diningShare(_ s: String) throws -> [Double] {
            zip(try r.kpi(s, "spend_dining"), try r.kpi(s, "spend")).map { $0 / $1 }
        }
        #expect(try Self.above(Self.difference("dining share of spend, dining points x3 - x1",
                                               diningShare(Self.champion), diningShare("dining_3x"))))
    }

    @Test func aLowerInstallmentFeeRaisesInstallmentVolume() throws {
        let r = Self.run
        #expect(try Self.above(Self.difference("installment volume, fee 0.4% - 0.6% a month",
                                               r.kpi(Self.champion, "installment_volume"), r.kpi("installment_04", "installment_volume"))))
    }

    /// An easier waiver (3 swipes instead of 6) raises light users' active rate, lowers annual-fee
    /// income, and net income falls by less than that income (or rises): the waiver pays for part
    /// of itself in activity and retention.
    @Test func anEasierWaiverActivatesLightUsersAndCostsLessThanItsFees() throws {
        let r = Self.run
        #expect(try Self.above(Self.difference("light users' active rate, waiver 3 - 6 swipes",
                                               r.kpi(Self.champion, "light_user_active_rate"), r.kpi("waiver_3", "light_user_active_rate"))))
        let fees = Self.difference("annual fee income, waiver 3 - 6 swipes",
                                   try r.kpi(Self.champion, "annual_fee_income"), try r.kpi("waiver_3", "annual_fee_income"))
        #expect(try Self.below(fees))
        // (net income - annual fees) of the challenger against the champion's.
        func rest(_ s: String) throws -> [Double] {
            zip(try r.kpi(s, "net_income"), try r.kpi(s, "annual_fee_income")).map { $0 - $1 }
        }
        #expect(try Self.above(Self.difference("net income less annual fees, waiver 3 - 6 swipes", rest(Self.champion), rest("waiver_3"))))
    }

    @Test func longerInterestFreeDaysRaiseFundingCost() throws {
        let r = Self.run
        #expect(try Self.above(Self.difference("funding cost, 60 - 50 interest-free days",
                                               r.kpi(Self.champion, "funding_cost"), r.kpi("days_60", "funding_cost"))))
    }

    /// At no campaign cost, first-swipe gifts and reactivation raise net income, and precision
    /// marketing's extra spend earns more interchange than its points cost: campaigns are not
    /// loss-making by construction (their costs per contact decide).
    @Test func campaignsAreNotLossMakingByConstruction() throws {
        let r = Self.run
        for campaign in ["first_swipe", "reactivation"] {
            #expect(try Self.above(Self.difference("net income, \(campaign) at no cost - none",
                                                   r.kpi(Self.champion, "net_income"), r.kpi(campaign, "net_income"))))
        }
        func margin(_ s: String) throws -> [Double] {
            zip(try r.kpi(s, "interchange_income"), try r.kpi(s, "rewards_cost")).map { $0 - $1 }
        }
        #expect(try Self.above(Self.difference("interchange less points, precision - none", margin(Self.champion), margin("precision"))))
        let net = Self.difference("net income, precision at no cost - none",
                                  try r.kpi(Self.champion, "net_income"), try r.kpi("precision", "net_income"))
        #expect(try #require(net.high) > 0, "precision marketing at no cost loses money on every path")
    }
}
