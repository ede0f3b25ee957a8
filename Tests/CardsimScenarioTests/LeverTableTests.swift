import CardsimEngine
@testable import CardsimScenario
import Foundation
import Testing

/// The strategy-lever tables: every engine parameter has a key, challengers' windows and list
/// levers read as documented, and the JSON Schema accepts them.
@Suite struct LeverTableTests {
    static let window: Set<String> = ["start_month", "end_month"]

    static func withoutWindow(_ info: SectionInfo) -> SectionInfo {
        SectionInfo(fields: info.fields.filter { !window.contains($0.key) })
    }

    @Test func everyLeverParameterHasAKey() {
        CoverageTests.check(PricingTier(minimumScore: 0, apr: 0, installmentFeeRate: 0), Tables.pricingTier.info)
        CoverageTests.check(Alliance(name: "", category: .fuel, coverage: 0, discountRate: 0, bankFundedShare: 0, spendUplift: 0,
                                     acquiringRevenueRate: 0, fixedMonthlyCost: 0),
                            Self.withoutWindow(Tables.alliance.info), notKeys: ["window"])
        // `muted` is set only by the simulator, for the run without a campaign.
        CoverageTests.check(Campaigns(), Tables.campaigns.info, notKeys: ["muted"])
        CoverageTests.check(CampaignAudience(), Tables.audience.info,
                            renamed: ["min_score": "minimumScore", "max_score": "maximumScore", "min_months_idle": "minimumMonthsIdle",
                                      "max_months_idle": "maximumMonthsIdle", "min_months_on_book": "minimumMonthsOnBook",
                                      "max_months_on_book": "maximumMonthsOnBook", "min_spend": "minimumSpend",
                                      "max_spend": "maximumSpend", "competitor_holders": "holders"])
        CoverageTests.check(Campaigns.Reactivation(), Self.withoutWindow(Tables.reactivation.info), notKeys: ["window"])
        CoverageTests.check(Campaigns.FirstSwipe(), Self.withoutWindow(Tables.firstSwipe.info), notKeys: ["window"])
        CoverageTests.check(Campaigns.Precision(), Self.withoutWindow(Tables.precision.info), notKeys: ["window"])
        CoverageTests.check(ThemeCard(name: "", segments: [], category: .fuel, cashbackRate: 0, spendUplift: 0),
                            Self.withoutWindow(Tables.themeCard.info), notKeys: ["window"])
        CoverageTests.check(LineManagement(), Self.withoutWindow(Tables.lines.info), notKeys: ["window"])
        CoverageTests.check(Collections(), Self.withoutWindow(Tables.collections.info), notKeys: ["window"])
        CoverageTests.check(LeverWindow(), Tables.channelsWindow.info)
        // bank.product and bank.risk are the product and risk tables plus a window.
        #expect(Tables.productInForce.info.keys == Tables.product.info.keys + ["start_month", "end_month"])
        #expect(Tables.riskInForce.info.keys == Tables.risk.info.keys + ["start_month", "end_month"])
    }

    /// Defaults come from the engine's structs: a scenario that says nothing about levers has
    /// the engine's levers, and the champion has no fallback.
    @Test func leverDefaultsAreTheEngines() throws {
        let champion = try ScenarioLoader.load(yaml: minimalScenario, file: "s.yaml").strategies[0]
        #expect(champion.campaigns == Campaigns())
        #expect(champion.lines == LineManagement())
        #expect(champion.collections == Collections())
        #expect(champion.alliances.isEmpty && champion.themeCards.isEmpty && champion.pricingTiers.isEmpty)
        #expect(champion.productWindow == .always && champion.riskWindow == .always && champion.channelsWindow == .always)
        #expect(champion.fallback == nil)
    }

    static let overlays = minimalScenario + """
        bank:
          product: {annual_fee: 200, start_month: 1, end_month: null}
          alliances:
            - {name: supermarkets, category: groceries, coverage: 0.3, discount_rate: 0.05, bank_funded_share: 0.5,
               spend_uplift: 0.15, acquiring_revenue_rate: 0.003, fixed_monthly_cost: 40000, start_month: 4}
          pricing_tiers:
            - {minimum_score: 1.0, apr: 0.1825, installment_fee_rate: 0.0056}
        strategies:
          champion: {name: current plan}
          challengers:
            - name: later_fee_cut
              bank:
                product: {annual_fee: 0, start_month: 13, end_month: 36}
                risk: {cutoff: 0.1, start_month: 4}
                channels: [{name: online, intensity: 2, cost_per_application: 40}]
                channels_window: {start_month: 7, end_month: 18}
            - name: coalition_and_cards
              bank:
                alliances:
                  - {name: fuel_stations, category: fuel, coverage: 0.4, discount_rate: 0.03, bank_funded_share: 0.6,
                     spend_uplift: 0.1, acquiring_revenue_rate: 0.002, fixed_monthly_cost: 20000}
                theme_cards:
                  - {name: car_owner, segments: [families, young_professionals], category: fuel, cashback_rate: 0.03,
                     spend_uplift: 0.4, start_month: 2, end_month: 25}
                campaigns:
                  reactivation: {reach: 0.5, start_month: 1, end_month: 6}
                  precision: {target_share: 0.2}
                lines: {review_months: 6, increase: 0.3}
                collections: {intensity: 1.5, start_month: 3}
                pricing_tiers: []

        """

    @Test func challengerWindowsAndListsReadAsDocumented() throws {
        let scenario = try ScenarioLoader.load(yaml: Self.overlays, file: "s.yaml")
        let (champion, later, coalition) = (scenario.strategies[0], scenario.strategies[1], scenario.strategies[2])
        #expect(champion.alliances.map(\.window) == [LeverWindow(startMonth: 4)])

        // Windows of product, risk and channels; outside them, the champion's sections.
        #expect(later.productWindow == LeverWindow(startMonth: 13, endMonth: 36))
        #expect(later.riskWindow == LeverWindow(startMonth: 4))
        #expect(later.channelsWindow == LeverWindow(startMonth: 7, endMonth: 18))
        #expect(later.fallback == Strategy.Fallback(product: champion.product, risk: champion.risk, channels: champion.channels,
                                                   pricingTiers: champion.pricingTiers))
        #expect(later.inForce(at: 12).product == champion.product)
        #expect(later.inForce(at: 13).product.annualFee == 0)
        #expect(later.inForce(at: 37).product == champion.product)
        #expect(later.inForce(at: 3).risk == champion.risk)
        #expect(later.inForce(at: 4).risk.cutoff == 0.1)
        #expect(later.inForce(at: 6).channels == [Channel(name: "online", intensity: 1, costPerApplication: 55)])
        #expect(later.inForce(at: 7).channels == [Channel(name: "online", intensity: 2, costPerApplication: 40)])
        // Levers the overlay does not name are the champion's.
        #expect(later.alliances == champion.alliances)
        #expect(later.pricingTiers == champion.pricingTiers)

        // List levers in an overlay replace the champion's lists, an empty list included.
        #expect(coalition.alliances.map(\.name) == ["fuel_stations"])
        #expect(coalition.alliances[0].window == .always)
        #expect(coalition.themeCards == [ThemeCard(name: "car_owner", segments: ["families", "young_professionals"], category: .fuel,
                                                   cashbackRate: 0.03, spendUplift: 0.4,
                                                   window: LeverWindow(startMonth: 2, endMonth: 25))])
        #expect(coalition.pricingTiers.isEmpty)
        var reactivation = Campaigns.Reactivation()
        reactivation.reach = 0.5
        reactivation.window = LeverWindow(startMonth: 1, endMonth: 6)
        #expect(coalition.campaigns.reactivation == reactivation)
        #expect(coalition.campaigns.precision.targetShare == 0.2)
        #expect(coalition.campaigns.precision.frequencyUplift == Campaigns.Precision().frequencyUplift)
        #expect(coalition.lines.reviewMonths == 6 && coalition.lines.increase == 0.3)
        #expect(coalition.lines.decrease == LineManagement().decrease)
        #expect(coalition.collections.intensity == 1.5 && coalition.collections.window == LeverWindow(startMonth: 3))
        #expect(coalition.productWindow == .always)
    }

    @Test func leverOverlaysSatisfyTheSchema() throws {
        let validator = JSONSchemaValidator(schema: try ScenarioSchemaTests.schema())
        #expect(validator.violations(of: try ScenarioSchemaTests.json(fromYAML: Self.overlays)) == [])
    }

    @Test func schemaRejectsBrokenLevers() throws {
        let yaml = """
            name: broken
            market: {adults: 1000}
            bank:
              lines: {increase: 0.5}
              alliances: [{name: a, category: fule}]
              theme_cards: [{name: t, segments: [], category: fuel, cashback_rate: 0.03, spend_uplift: 0.1, end_month: june}]
            """
        let validator = JSONSchemaValidator(schema: try ScenarioSchemaTests.schema())
        let violations = validator.violations(of: try ScenarioSchemaTests.json(fromYAML: yaml))
        #expect(violations == [
            "/bank/alliances/0: missing required property coverage",
            "/bank/alliances/0: missing required property discount_rate",
            "/bank/alliances/0: missing required property bank_funded_share",
            "/bank/alliances/0: missing required property spend_uplift",
            "/bank/alliances/0: missing required property acquiring_revenue_rate",
            "/bank/alliances/0: missing required property fixed_monthly_cost",
            "/bank/alliances/0/category: not one of the allowed values",
            "/bank/lines/increase: above maximum 0.3",
            "/bank/theme_cards/0/end_month: expected integer or null, found string",
            "/bank/theme_cards/0/segments: fewer than 1 items",
        ], "\(violations)")
    }

    /// `--set` reaches lever keys, named list items and a challenger's windows.
    @Test func overridesReachLevers() throws {
        let scenario = try ScenarioLoader.load(yaml: Self.overlays, file: "s.yaml", overrides: [
            "bank.alliances.supermarkets.coverage=0.4",
            "strategies.challengers.later_fee_cut.bank.product.start_month=7",
            "strategies.challengers.coalition_and_cards.bank.theme_cards.car_owner.segments=[families]",
            "bank.campaigns.first_swipe.activation_uplift=0.3",
        ])
        #expect(scenario.strategies[0].alliances[0].coverage == 0.4)
        #expect(scenario.strategies[1].alliances[0].coverage == 0.4)
        #expect(scenario.strategies[1].productWindow == LeverWindow(startMonth: 7, endMonth: 36))
        #expect(scenario.strategies[2].themeCards[0].segments == ["families"])
        #expect(scenario.strategies.allSatisfy { $0.campaigns.firstSwipe.activationUplift == 0.3 })
    }

    /// The lever example in docs/scenario-format.md loads and means what the text says.
    @Test func documentedLeverExampleLoads() throws {
        let yaml = try DocumentationExampleTests.block(after: "<!-- example: levers.yaml -->", in: try DocumentationExampleTests.guide())
        let scenario = try ScenarioLoader.load(yaml: yaml + "\n", file: "levers.yaml")
        #expect(scenario.strategies.map(\.name) == ["current plan", "fee_cut_next_year", "coalition_and_calls"])
        let (champion, feeCut, coalition) = (scenario.strategies[0], scenario.strategies[1], scenario.strategies[2])
        #expect(feeCut.alliances == champion.alliances)
        #expect(feeCut.inForce(at: 12).product.annualFee == 200)
        #expect(feeCut.inForce(at: 13).product.annualFee == 0)
        #expect(feeCut.inForce(at: 37).product.annualFee == 200)
        #expect(feeCut.inForce(at: 12).channels == [Channel(name: "online", intensity: 1, costPerApplication: 55)])
        #expect(coalition.alliances.map(\.name) == ["supermarkets", "fuel_stations"])
        #expect(coalition.alliances.map(\.window) == [LeverWindow(startMonth: 4), LeverWindow(startMonth: 4, endMonth: 27)])
        #expect(coalition.campaigns.reactivation.window == LeverWindow(startMonth: 1, endMonth: 6))
        #expect(coalition.themeCards.map(\.segments) == [["families", "young_professionals"]])
    }

    /// The guide documents each lever's keys, with units and defaults.
    @Test func guideDocumentsTheLevers() {
        let guide = ParameterGuide.markdown()
        for heading in ["## `bank.campaigns.reactivation`", "## `bank.alliances[]`", "## `bank.theme_cards[]`",
                        "## `bank.pricing_tiers[]`", "## `bank.lines`", "## `bank.collections`", "## `bank.channels_window`"] {
            #expect(guide.contains(heading), "\(heading)")
        }
        #expect(guide.contains("| `start_month` | integer | 1 | [1, 600] | month of the run |"))
        #expect(guide.contains("| `end_month` | integer or null | null | [1, 600] or null | month of the run |"))
    }
}
