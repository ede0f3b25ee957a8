import CardsimEngine
import CardsimScenario
import Foundation
import Testing

/// Each strategy lever moves the KPIs it should, in the right direction, in a paired comparison
/// with the champion.
///
/// Every test loads a shipped scenario with a small run (`run.agents`, `run.paths`, `run.months`
/// overridden; `market.adults` stays 3,000,000, so an agent stands for 150 to 300 adults), and
/// for a single lever replaces the challengers with one that pulls only that lever; it runs
/// `MonteCarlo.run`, and takes per-path differences challenger minus champion of path KPIs
/// (`Evaluation.pathValues`) or of ledger sums. Strategies share their random draws on each path
/// (common random numbers), so the differences are precise. An effect counts as shown when its
/// mean difference lies beyond 3 paired standard errors (standard deviation of the path
/// differences over the square root of the number of paths) in the expected direction. Sizes are
/// chosen so that each effect is many standard errors clear while a test runs in seconds.
/// Measured effects are printed (`lever effect: ...`).
@Suite(.serialized) struct LeverEffectTests {
    /// A market where credit risk shows within two years: about four times the baseline's
    /// chance of first falling behind and steeper rolls. In the baseline market few new
    /// accounts reach charge-off (written off at 360 days) within the first two years, so at
    /// test size (an agent stands for 200 adults) the losses of the few hundred marginal new
    /// accounts a risk lever changes cannot be measured; the stressed market makes them common.
    /// The long-dormant issuance stop is off here: the stressed market's charge-offs would
    /// otherwise push some paths over the ceiling and stop issuance for both strategies.
    static let riskyMarket = ["market.credit.base_roll=[0.01, 0.3, 0.5, 0.6, 0.65, 0.7, 0.75]", "market.credit.risk_slope=1.5",
                              "market.regulation.issuance_stop=false"]

    /// Three times the baseline's channel intensities: more new accounts for the risk levers to act on.
    static let busyChannels = "bank.channels=[{name: branch, intensity: 2.4, cost_per_application: 70}, {name: online, intensity: 3, cost_per_application: 55}, {name: field, intensity: 1.8, cost_per_application: 60}, {name: payroll, intensity: 1.5, cost_per_application: 35}]"

    // MARK: - Fees

    /// A fee waiver at 3 swipes instead of 6, or no fee: less annual-fee income. With no fee,
    /// fewer cards are closed in fee months (market.behaviour.fee_attrition), so more cards stay
    /// in force and more of them are active. The active *rate* does not rise: the cards the fee
    /// no longer pushes out are the little-used ones, so the rate falls slightly. A 3-swipe
    /// waiver changes only the cards used once or twice in a card year (a month of use gives
    /// 1 + spend / ticket swipes, many at today's spend), so its effect on cards in force is
    /// printed, not asserted; the model has no customer response that swipes more to earn a
    /// waiver.
    @Test func feeWaiverLowersFeeIncomeAndKeepsCards() throws {
        let run = try LeverRun("fee-waiver.yaml", months: 24, agents: 15_000)
        for challenger in ["waiver_3_swipes", "no_annual_fee"] {
            #expect(run.kpi("annual_fee_income", challenger).isDecrease, "\(challenger)")
            _ = run.kpi("active_rate", challenger)
            _ = run.kpi("net_income", challenger)
        }
        #expect(run.kpi("cards_in_force", "no_annual_fee").isIncrease)
        _ = run.kpi("cards_in_force", "waiver_3_swipes")
        // Without any fee, enough cards survive that even the number of active cards rises.
        #expect(run.lastMonth("no_annual_fee", label: "active cards") { Double($0.activeCards) }.isIncrease)
        _ = run.lastMonth("waiver_3_swipes", label: "active cards") { Double($0.activeCards) }
        #expect(run.kpi("annual_fee_income", "no_annual_fee", printing: false).mean
            < run.kpi("annual_fee_income", "waiver_3_swipes", printing: false).mean)
    }

    /// A product window: the challenger is the champion, to the last fen, before its start
    /// month, and differs after it.
    @Test func productWindowFallsBackToTheChampion() throws {
        let run = try LeverRun("fee-waiver.yaml", months: 12, agents: 10_000,
                               overrides: ["strategies.challengers.no_annual_fee.bank.product.start_month=7"])
        let s = run.index("no_annual_fee")
        for p in run.results.indices {
            for t in 0..<6 {
                #expect(run.results[p].months[s][t] == run.results[p].months[0][t], "path \(p) month \(t + 1)")
            }
        }
        #expect(run.kpi("annual_fee_income", "no_annual_fee").isDecrease)
    }

    // MARK: - Risk policy

    /// A higher cut-off alone (0.1 instead of -0.2, model quality unchanged), in the risky
    /// market with busy channels: fewer new accounts, a lower approval rate, lower credit losses
    /// and fewer charged-off accounts.
    @Test func higherCutoffLowersApprovalsAndLosses() throws {
        let run = try LeverRun("baseline.yaml", months: 24, agents: 15_000, paths: 8, overrides: Self.riskyMarket + [
            Self.busyChannels, "strategies.challengers=[{name: strict, bank: {risk: {cutoff: 0.1}}}]",
        ])
        #expect(run.kpi("new_accounts", "strict").isDecrease)
        #expect(run.kpi("approval_rate", "strict").isDecrease)
        #expect(run.kpi("credit_losses", "strict").isDecrease)
        #expect(run.ledger("strict", label: "charged-off accounts") { Double($0.chargeOffAccounts) }.isDecrease)
    }

    /// The regional model (quality 0.70 instead of 0.55) at today's cut-off, in the risky
    /// market with busy channels: about as many new accounts, lower credit losses and
    /// charge-off rate.
    @Test func betterModelLowersLosses() throws {
        let run = try LeverRun("baseline.yaml", months: 24, agents: 15_000, paths: 8, overrides: Self.riskyMarket + [
            Self.busyChannels, "strategies.challengers=[{name: regional_model, bank: {risk: {model_quality: 0.7}}}]",
        ])
        #expect(run.kpi("credit_losses", "regional_model").isDecrease)
        #expect(run.kpi("charge_off_rate", "regional_model").isDecrease)
        _ = run.kpi("new_accounts", "regional_model")
    }

    /// The shipped risk-model scenario as written (from month 4): the local-data scorecard at a
    /// 66% approval rate books more accounts than the champion at 58%. Its losses are printed; the baseline market's
    /// losses of new accounts are too rare to measure at test size (see `riskyMarket`).
    @Test func riskModelScenarioMovesApprovals() throws {
        let run = try LeverRun("risk-model-upgrade.yaml", months: 24, agents: 10_000)
        #expect(run.kpi("new_accounts", "local_data_growth").isIncrease)
        for challenger in ["local_data_model", "local_data_growth"] {
            _ = run.kpi("credit_losses", challenger)
            _ = run.kpi("net_income", challenger)
        }
    }

    /// Initial limits by score band: one band giving every new account 5 months of income (the
    /// default rule gives about 2) raises the receivables the new accounts carry.
    @Test func limitBandsRaiseReceivables() throws {
        let run = try LeverRun("baseline.yaml", months: 24, agents: 10_000, overrides: [
            "strategies.challengers=[{name: generous, bank: {risk: {limit_bands: [{minimum_score: -5, income_multiple: 5}]}}}]",
        ])
        #expect(run.kpi("receivables", "generous").isIncrease)
    }

    /// Line reviews every 6 months. Increases only (+30% for current accounts scoring 0.5 or
    /// more and using 30% of their limit): limits raised, more spend and receivables. Decreases
    /// only (-30% for past-due accounts or scores below -0.8, in the risky market): limits cut, less spend and
    /// receivables.
    @Test func lineManagementMovesLimits() throws {
        // 20,000 agents: with share of wallet the raise's effect on spend is about 3 standard
        // errors at 10,000.
        let run = try LeverRun("baseline.yaml", months: 24, agents: 20_000, overrides: [
            "strategies.challengers=[{name: raise, bank: {lines: {review_months: 6, increase: 0.3, increase_utilization: 0.3, decrease: 0}}}]",
        ])
        #expect(run.ledger("raise", label: "line increases") { Double($0.lineIncreases) }.isIncrease)
        #expect(run.kpi("spend", "raise").isIncrease)
        #expect(run.kpi("receivables", "raise").isIncrease)
        // Cuts hit past-due and low-scored accounts, few in the screened baseline book: the
        // risky market gives them enough accounts to act on.
        // 12 paths: the cut's effect on spend is about 2.5 standard errors at 6.
        let cuts = try LeverRun("baseline.yaml", months: 24, agents: 20_000, paths: 12, overrides: Self.riskyMarket + [
            "strategies.challengers=[{name: cut, bank: {lines: {review_months: 6, increase: 0, decrease: 0.3}}}]",
        ])
        #expect(cuts.ledger("cut", label: "line decreases") { Double($0.lineDecreases) }.isIncrease)
        #expect(cuts.kpi("spend", "cut").isDecrease)
        #expect(cuts.kpi("receivables", "cut").isDecrease)
    }

    /// Collections at twice the intensity, in the risky market: past-due accounts cure more
    /// often, so fewer accounts are charged off and credit losses fall, at a higher collections
    /// cost.
    @Test func collectionsLowerLosses() throws {
        let run = try LeverRun("baseline.yaml", months: 24, agents: 15_000, overrides: Self.riskyMarket + [
            "strategies.challengers=[{name: collect, bank: {collections: {intensity: 2}}}]",
        ])
        #expect(run.kpi("credit_losses", "collect").isDecrease)
        #expect(run.ledger("collect", label: "charged-off accounts") { Double($0.chargeOffAccounts) }.isDecrease)
        #expect(run.kpi("collections_cost", "collect").isIncrease)
    }

    // MARK: - Pricing

    /// Risk-based pricing: scores of 1.0 or more pay an installment rate 0.5 points a year
    /// lower (0.56% a month instead of 0.6%), so installment fee income falls.
    @Test func pricingTierLowersInstallmentFees() throws {
        let run = try LeverRun("baseline.yaml", months: 24, agents: 10_000, overrides: [
            "strategies.challengers=[{name: tiers, bank: {pricing_tiers: [{minimum_score: 1.0, apr: 0.1825, installment_fee_rate: 0.0056}]}}]",
        ])
        #expect(run.kpi("installment_fee_income", "tiers").isDecrease)
    }

    // MARK: - Merchant alliances

    /// The local coalition (from month 4): more spend, more spend in each partner category,
    /// more interchange, and acquiring revenue and alliance cost where the champion has none.
    @Test func allianceRaisesSpendInItsCategories() throws {
        let run = try LeverRun("merchant-alliance.yaml", months: 12, agents: 10_000)
        let coalition = "local_coalition"
        #expect(run.kpi("spend", coalition).isIncrease)
        for category in [Category.groceries, .fuel, .dining] {
            #expect(run.categorySpend(category, coalition).isIncrease, "\(category.name)")
        }
        #expect(run.kpi("interchange_income", coalition).isIncrease)
        #expect(run.kpi("acquiring_share_income", coalition).isIncrease)
        #expect(run.kpi("alliance_cost", coalition).isIncrease)
        _ = run.kpi("net_income", coalition)
    }

    /// Alliance cost is, for the region, the bank's share of the discounts on covered spend plus
    /// each alliance's fixed monthly cost (yuan a month for the region, not per agent) in the
    /// months it runs; acquiring revenue is the rate times covered spend.
    @Test func allianceCostsAddUp() throws {
        let run = try LeverRun("merchant-alliance.yaml", months: 12, agents: 2_000, paths: 2)
        let s = run.index("local_coalition")
        let alliances = run.scenario.strategies[s].alliances
        let w = run.scenario.agentWeight
        for (p, path) in run.results.enumerated() {
            var cost = 0.0, revenue = 0.0
            for (t, record) in path.months[s].enumerated() {
                for (k, a) in alliances.enumerated() where a.window.contains(t + 1) {
                    let covered = record.ledger.allianceSpend[k] * w
                    cost += covered * a.discountRate * a.bankFundedShare + a.fixedMonthlyCost
                    revenue += covered * a.acquiringRevenueRate
                }
            }
            let k = KPI.all.firstIndex { $0.id == "alliance_cost" }!
            let r = KPI.all.firstIndex { $0.id == "acquiring_share_income" }!
            #expect(abs(run.values[s][k][p] - cost) <= 1e-9 * cost, "path \(p): alliance_cost \(run.values[s][k][p]), expected \(cost)")
            #expect(abs(run.values[s][r][p] - revenue) <= 1e-9 * revenue, "path \(p): acquiring_share_income")
        }
    }

    // MARK: - Campaigns

    /// Dormant reactivation in months 1-6, measured in month 8: a higher active rate, a lower
    /// dormant share, more spend, and a campaign cost; calling only long-dormant cards lowers
    /// the long-dormant share.
    @Test func reactivationWakesDormantCards() throws {
        let run = try LeverRun("dormant-reactivation.yaml", months: 8)
        let calls = "reactivation_calls"
        #expect(run.kpi("active_rate", calls).isIncrease)
        #expect(run.kpi("dormant_share", calls).isDecrease)
        #expect(run.kpi("campaign_cost", calls).isIncrease)
        #expect(run.kpi("spend", calls).isIncrease)
        #expect(run.kpi("long_dormant_share", "long_dormant_calls").isDecrease)
    }

    /// Precision marketing to a fifth of open cards: more spend and more swipes per active card
    /// (its targets swipe more often in a month of use), at a campaign cost.
    @Test func precisionMarketingRaisesSpend() throws {
        let run = try LeverRun("baseline.yaml", months: 12, overrides: [
            "strategies.challengers=[{name: precise, bank: {campaigns: {precision: {target_share: 0.2}}}}]",
        ])
        #expect(run.kpi("spend", "precise").isIncrease)
        #expect(run.kpi("swipes_per_active_card", "precise").isIncrease)
        #expect(run.kpi("campaign_cost", "precise").isIncrease)
    }

    /// A first-swipe gift (activation chance +50%): more new cards activated, at a campaign cost.
    @Test func firstSwipeRaisesActivations() throws {
        let run = try LeverRun("baseline.yaml", months: 12, overrides: [
            "strategies.challengers=[{name: gift, bank: {campaigns: {first_swipe: {activation_uplift: 0.5}}}}]",
        ])
        #expect(run.ledger("gift", label: "activations") { Double($0.activations) }.isIncrease)
        #expect(run.kpi("campaign_cost", "gift").isIncrease)
    }

    // MARK: - Theme cards

    /// The car-owner card: more fuel spend, more applications from the targeted segments, and
    /// cashback paid.
    @Test func themeCardRaisesFuelSpend() throws {
        let run = try LeverRun("car-owner-card.yaml", months: 12, agents: 15_000)
        let card = "car_owner_card"
        #expect(run.categorySpend(.fuel, card).isIncrease)
        #expect(run.kpi("applications", card).isIncrease)
        #expect(run.kpi("rewards_cost", card).isIncrease)
        _ = run.kpi("new_accounts", card)
        _ = run.kpi("net_income", card)
    }

    // MARK: - The combined plan

    /// Fine-grained operations: more spend and more spend per active card, with acquiring
    /// revenue and campaign costs the champion does not have. (Its active rate is reported, not
    /// asserted: the coalition's discounts make the offer worth more, so it books more new cards,
    /// and new cards that have not yet swiped dilute the rate.)
    @Test func combinedPlanDeepensTheBook() throws {
        let run = try LeverRun("fine-grained-operations.yaml", months: 12)
        let plan = "fine_grained_operations"
        #expect(run.kpi("spend", plan).isIncrease)
        #expect(run.kpi("spend_per_active_card", plan).isIncrease)
        _ = run.kpi("active_rate", plan)
        #expect(run.kpi("new_accounts", plan).isIncrease)
        #expect(run.kpi("acquiring_share_income", plan).isIncrease)
        #expect(run.kpi("campaign_cost", plan).isIncrease)
        for kpi in ["installment_fee_income", "receivables", "credit_losses", "net_income"] { _ = run.kpi(kpi, plan) }
    }

    // MARK: - No change, no difference

    /// A challenger identical to the champion (as the loader would build it, with the champion
    /// as its fallback) differs by exactly zero on every KPI and every ledger entry, both for the
    /// plain current plan and for the combined plan with every lever on.
    @Test func identicalChallengerGivesExactlyZero() throws {
        for file in ["baseline.yaml", "fine-grained-operations.yaml"] {
            var scenario = try LeverRun.load(file, months: 12, agents: 10_000, paths: LeverRun.paths, overrides: [])
            let leader = scenario.strategies.last!
            var copy = leader
            copy.name = "copy"
            copy.fallback = Strategy.Fallback(product: leader.product, risk: leader.risk, channels: leader.channels,
                                              pricingTiers: leader.pricingTiers)
            var champion = leader
            champion.fallback = nil
            scenario.strategies = [champion, copy]
            let run = LeverRun(scenario)
            for kpi in KPI.all {
                let effect = run.kpi(kpi.id, "copy", printing: false)
                #expect(effect.differences.allSatisfy { $0 == 0 }, "\(file): \(kpi.id)")
            }
            for p in run.results.indices {
                #expect(run.results[p].months[0] == run.results[p].months[1], "\(file): path \(p)")
            }
        }
    }
}

/// A mean paired difference and its standard error.
struct PairedEffect: CustomStringConvertible {
    var differences: [Double]

    var mean: Double { differences.reduce(0, +) / Double(differences.count) }

    /// Standard deviation of the differences over the square root of their number.
    var standardError: Double {
        let n = Double(differences.count)
        guard n > 1 else { return .infinity }
        let m = mean
        let variance = differences.reduce(0) { $0 + ($1 - m) * ($1 - m) } / (n - 1)
        return (variance / n).squareRoot()
    }

    /// The mean is above zero by more than 3 standard errors.
    var isIncrease: Bool { mean > 3 * standardError && mean > 0 }
    /// The mean is below zero by more than 3 standard errors.
    var isDecrease: Bool { mean < -3 * standardError && mean < 0 }

    var description: String {
        let z = standardError > 0 ? mean / standardError : (mean == 0 ? 0 : .infinity)
        return String(format: "%.6g ± %.3g (%.1f standard errors)", mean, standardError, z)
    }
}

/// A small run of a shipped scenario, with paired differences against the champion.
struct LeverRun {
    /// Paths and agents of a lever test unless it says otherwise; months are chosen per test.
    static let paths = 6
    static let agents = 20_000

    let scenario: Scenario
    let results: [PathResult]
    let values: [[[Double]]]

    static func load(_ file: String, months: Int, agents: Int, paths: Int, overrides: [String]) throws -> Scenario {
        try ScenarioLoader.load(path: RepositoryRoot.path("scenarios/\(file)"),
                                overrides: ["run.paths=\(paths)", "run.agents=\(agents)", "run.months=\(months)"] + overrides)
    }

    init(_ file: String, months: Int, agents: Int = agents, paths: Int = paths, overrides: [String] = []) throws {
        self.init(try Self.load(file, months: months, agents: agents, paths: paths, overrides: overrides))
    }

    init(_ scenario: Scenario) {
        self.scenario = scenario
        results = MonteCarlo.run(scenario, paths: 0..<scenario.run.paths,
                                 threads: max(1, ProcessInfo.processInfo.activeProcessorCount))
        values = Evaluation.pathValues(results, scenario: scenario)
    }

    func index(_ strategy: String) -> Int {
        guard let s = scenario.strategies.firstIndex(where: { $0.name == strategy }) else {
            Issue.record("no strategy \(strategy) in \(scenario.name)")
            return 0
        }
        return s
    }

    /// Path KPI `id`: challenger minus champion per path.
    func kpi(_ id: String, _ strategy: String, printing: Bool = true) -> PairedEffect {
        guard let k = KPI.all.firstIndex(where: { $0.id == id }) else {
            Issue.record("no KPI \(id)")
            return PairedEffect(differences: [0])
        }
        let s = index(strategy)
        let effect = PairedEffect(differences: values[0][k].indices.map { p in
            values[s][k][p] - values[0][k][p]
        })
        if printing { print("lever effect: \(scenario.name) | \(strategy) - champion | \(id): \(effect)") }
        return effect
    }

    /// A ledger quantity summed over months and scaled to the region: challenger minus champion per path.
    func ledger(_ strategy: String, label: String, _ value: (MonthLedger) -> Double) -> PairedEffect {
        let s = index(strategy)
        let w = scenario.agentWeight
        let effect = PairedEffect(differences: results.map { path in
            path.months[s].reduce(0) { $0 + value($1.ledger) } * w - path.months[0].reduce(0) { $0 + value($1.ledger) } * w
        })
        print("lever effect: \(scenario.name) | \(strategy) - champion | \(label): \(effect)")
        return effect
    }

    /// A ledger quantity in the last month, scaled to the region: challenger minus champion per path.
    func lastMonth(_ strategy: String, label: String, _ value: (MonthLedger) -> Double) -> PairedEffect {
        let s = index(strategy)
        let w = scenario.agentWeight
        let effect = PairedEffect(differences: results.map { path in
            (value(path.months[s].last!.ledger) - value(path.months[0].last!.ledger)) * w
        })
        print("lever effect: \(scenario.name) | \(strategy) - champion | \(label), last month: \(effect)")
        return effect
    }

    /// Spend in one category, yuan over the run, challenger minus champion per path.
    func categorySpend(_ category: CardsimEngine.Category, _ strategy: String) -> PairedEffect {
        ledger(strategy, label: "spend in \(category.name)") { $0.spendByCategory[category.rawValue] }
    }
}
