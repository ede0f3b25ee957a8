import CardsimScenario
import Testing

/// One load reports every problem in the file, in file order.
@Suite struct MultipleErrorsTests {
    @Test func everyProblemIsReported() {
        let yaml = """
            name: several problems
            run: {paths: 0, months: 12}
            market:
              adults: 3000000
              segments:
                - {name: city, share: 0.6, income_median: 8000, risk_mean: high}
                - {name: country, share: 0.3, income_median: -5}
            bank:
              product: {apr: 24, annual_fe: 100}
              channels:
                - {name: online, intensity: 1}
            strategies:
              challengers:
                - {name: same}

            """
        #expect(diagnosticLines { try ScenarioLoader.load(yaml: yaml, file: "several.yaml") } == [
            "several.yaml:2:14: error: value out of range for run.paths; expected an integer at least 1 (paths), found 0",
            "several.yaml:6:5: error: shares in market.segments do not sum to 1; expected a total of 1, found 0.9",
            "several.yaml:6:64: error: wrong type for market.segments.city.risk_mean; expected a number, found the string \"high\"",
            "several.yaml:7:50: error: value out of range for market.segments.country.income_median; expected a number greater than 0 (yuan per month), found -5",
            "several.yaml:9:18: error: value out of range for bank.product.apr; expected a number from 0 to 1 (fraction per year), found 24 (hint: a percentage? write 0.24)",
            "several.yaml:9:22: error: unknown key in bank.product; expected a known key, found 'annual_fe' (hint: did you mean 'annual_fee'?)",
            "several.yaml:11:7: error: missing required key 'cost_per_application' in bank.channels.online; expected a number, found no 'cost_per_application'",
            "several.yaml:14:7: error: challenger 'same' changes nothing relative to the champion; expected at least one value in its bank overlay that differs from the champion's, found none",
        ])
    }
}
