import CardsimEngine
import CardsimScenario
import Testing

/// `--set PATH=VALUE` overrides change the document as if the file said so, and are validated.
@Suite struct OverrideTests {
    static let withChallenger = minimalScenario + """
        strategies:
          champion: {name: current plan}
          challengers:
            - name: no_fee
              bank: {product: {annual_fee: 0}}

        """

    @Test func overridesApply() throws {
        let scenario = try ScenarioLoader.load(path: RepositoryRoot.path("scenarios/baseline.yaml"), overrides: [
            "run.paths=8", "bank.product.apr=0.15", "market.segments.families.share=0.3",
            "market.segments.county_rural.share=0.21", "name=baseline, short",
        ])
        #expect(scenario.run.paths == 8)
        #expect(scenario.strategies[0].product.apr == 0.15)
        #expect(scenario.market.segments.map(\.share) == [0.18, 0.3, 0.03, 0.14, 0.21, 0.14])
        #expect(scenario.market.segments[1].incomeMedian == DefaultMarket.segments[1].incomeMedian)
        #expect(scenario.name == "baseline, short")
    }

    @Test func laterOverridesWin() throws {
        let scenario = try ScenarioLoader.load(yaml: minimalScenario, file: "s.yaml", overrides: ["run.paths=8", "run.paths=9"])
        #expect(scenario.run.paths == 9)
    }

    @Test func overridesCreateSectionsAndReplaceLists() throws {
        let scenario = try ScenarioLoader.load(yaml: minimalScenario, file: "s.yaml", overrides: [
            "macro.unemployment_mean=6.5",
            "bank.channels=[{name: online, intensity: 2, cost_per_application: 40}]",
            "market.credit.base_roll=[0.003, 0.2, 0.4, 0.5, 0.6, 0.7, 0.8]",
            "bank.economics.interchange_rates.travel=0.0042",
        ])
        #expect(scenario.macro.unemploymentMean == 6.5)
        #expect(scenario.strategies[0].channels == [Channel(name: "online", intensity: 2, costPerApplication: 40)])
        #expect(scenario.market.credit.baseRoll == [0.003, 0.2, 0.4, 0.5, 0.6, 0.7, 0.8])
        var rates = Economics().interchangeRates
        rates[Category.travel.rawValue] = 0.0042
        #expect(scenario.strategies[0].economics.interchangeRates == rates)
    }

    @Test func championOverridesReachChallengers() throws {
        let scenario = try ScenarioLoader.load(yaml: Self.withChallenger, file: "s.yaml", overrides: [
            "bank.product.apr=0.2", "strategies.challengers.no_fee.bank.product.rewards_rate=0.006",
        ])
        #expect(scenario.strategies.map(\.name) == ["current plan", "no_fee"])
        #expect(scenario.strategies.map(\.product.apr) == [0.2, 0.2])
        #expect(scenario.strategies.map(\.product.annualFee) == [200, 0])
        #expect(scenario.strategies.map(\.product.rewardsRate) == [0.004, 0.006])
    }

    static let corpus: [GoldenCase] = [
        GoldenCase(name: "value of the wrong type", yaml: minimalScenario, overrides: ["run.paths=abc"], expected: [
            "--set run.paths=abc: error: wrong type for run.paths; expected an integer, found the string \"abc\"",
        ]),
        GoldenCase(name: "no '='", yaml: minimalScenario, overrides: ["run.paths"], expected: [
            "--set run.paths: error: malformed override; expected PATH=VALUE, found no '=' (hint: e.g. --set run.paths=8)",
        ]),
        GoldenCase(name: "empty path part", yaml: minimalScenario, overrides: ["run..paths=8"], expected: [
            "--set run..paths=8: error: malformed override; expected a dotted path such as bank.product.apr, found 'run..paths'",
        ]),
        GoldenCase(name: "misspelt key", yaml: minimalScenario, overrides: ["run.pahts=8"], expected: [
            "--set run.pahts=8: error: unknown key in run; expected a known key, found 'pahts' (hint: did you mean 'paths'?)",
        ]),
        GoldenCase(name: "percentage", yaml: minimalScenario, overrides: ["bank.product.apr=18.25"], expected: [
            "--set bank.product.apr=18.25: error: value out of range for bank.product.apr; expected a number from 0 to 1 (fraction per year), found 18.25 (hint: a percentage? write 0.1825)",
        ]),
        GoldenCase(name: "unknown segment", yaml: minimalScenario, overrides: ["market.segments.familes.share=0.3"], expected: [
            "--set market.segments.familes.share=0.3: error: no segment named 'familes' in market.segments; expected one of young_professionals, families, high_net_worth, new_urban_residents, county_rural, seniors, found 'familes' (hint: did you mean 'families'?)",
        ]),
        GoldenCase(name: "unknown challenger", yaml: minimalScenario, overrides: ["strategies.challengers.x.bank.product.apr=0.1"], expected: [
            "--set strategies.challengers.x.bank.product.apr=0.1: error: no challenger named 'x' in strategies.challengers; expected a challenger of the list, which is empty, found 'x'",
        ]),
        GoldenCase(name: "path through a number", yaml: minimalScenario, overrides: ["run.paths.x=1"], expected: [
            "--set run.paths.x=1: error: cannot set run.paths.x; expected a path that ends at run.paths, found more after it (hint: run.paths is an integer)",
        ]),
        GoldenCase(name: "shares broken by an override", yaml: minimalScenario, overrides: ["market.segments.families.share=0.3"], expected: [
            "--set market.segments.families.share=0.3: error: shares in market.segments do not sum to 1; expected a total of 1, found 1.04",
        ]),
        GoldenCase(name: "shares broken in the file, fixed by an override", yaml: minimalScenario + """
              segments:
                - {name: a, share: 0.5, income_median: 8000}
                - {name: b, share: 0.4, income_median: 4000}
            """, overrides: ["market.segments.b.share=0.5"], expected: []),
        GoldenCase(name: "an override making a challenger change nothing", yaml: withChallenger,
                   overrides: ["strategies.challengers.no_fee.bank.product.annual_fee=200"], expected: [
            "s.yaml:7:7: error: challenger 'no_fee' changes nothing relative to the champion; expected at least one value in its bank overlay that differs from the champion's, found none",
        ]),
        GoldenCase(name: "file problems first, then overrides in order", yaml: minimalScenario + "run: {months: 0}\n",
                   overrides: ["run.seed=x", "bank.risk.cutoff=9"], expected: [
            "s.yaml:4:15: error: value out of range for run.months; expected an integer from 1 to 600 (months), found 0",
            "--set run.seed=x: error: wrong type for run.seed; expected an integer, found the string \"x\"",
            "--set bank.risk.cutoff=9: error: value out of range for bank.risk.cutoff; expected a number from -5 to 5 (standard-normal score), found 9",
        ]),
    ]

    @Test(arguments: corpus)
    func diagnostics(_ golden: GoldenCase) {
        #expect(golden.actual() == golden.expected)
    }
}
