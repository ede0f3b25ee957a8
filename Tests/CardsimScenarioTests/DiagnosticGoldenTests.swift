import CardsimScenario
import Testing

/// Each broken file gives exactly the expected diagnostics, with file, line and column.
@Suite struct DiagnosticGoldenTests {
    static let corpus: [GoldenCase] = [
        GoldenCase(name: "unknown key with a suggestion", yaml: minimalScenario + """
            bank:
              product:
                anual_fee: 100
            """, expected: [
            "s.yaml:6:5: error: unknown key in bank.product; expected a known key, found 'anual_fee' (hint: did you mean 'annual_fee'?)",
        ]),
        GoldenCase(name: "unknown key, camelCase", yaml: minimalScenario + """
            run: {paths: 4, randomSeed: 1}
            """, expected: [
            "s.yaml:4:17: error: unknown key in run; expected a known key, found 'randomSeed' (hint: known keys: paths, months, agents, spin_up_months, seed)",
        ]),
        GoldenCase(name: "unknown top-level key", yaml: minimalScenario + """
            strategy: {}
            """, expected: [
            "s.yaml:4:1: error: unknown key in the scenario; expected a known key, found 'strategy' (hint: did you mean 'strategies'?)",
        ]),
        GoldenCase(name: "rate written as a percentage", yaml: minimalScenario + """
            bank:
              product:
                apr: 18.25
            """, expected: [
            "s.yaml:6:10: error: value out of range for bank.product.apr; expected a number from 0 to 1 (fraction per year), found 18.25 (hint: a percentage? write 0.1825)",
        ]),
        GoldenCase(name: "rate written with a percent sign", yaml: minimalScenario + """
            macro: {funding_rate_mean: 2.2%}
            """, expected: [
            "s.yaml:4:28: error: wrong type for macro.funding_rate_mean; expected a number, found the string \"2.2%\" (hint: a percentage? write 0.022)",
        ]),
        GoldenCase(name: "wrong type", yaml: minimalScenario + """
            run:
              paths: many
            """, expected: [
            "s.yaml:5:10: error: wrong type for run.paths; expected an integer, found the string \"many\"",
        ]),
        GoldenCase(name: "a list where a mapping belongs", yaml: minimalScenario + """
            macro: [5.2, 0.05]
            """, expected: [
            "s.yaml:4:8: error: wrong type for macro; expected a mapping, found a list",
        ]),
        GoldenCase(name: "the whole file is a list", yaml: "- name\n- market\n", expected: [
            "s.yaml:1:1: error: wrong type for the scenario; expected a mapping, found a list",
        ]),
        GoldenCase(name: "YAML syntax error", yaml: minimalScenario + """
            run: {paths: 4, months: 12
            macro: {}
            """, expected: [
            "s.yaml:5:6: error: invalid YAML: did not find expected ',' or '}' (while parsing a flow mapping at line 4, column 6) (hint: a '[' or '{' is not closed, or two values lack the ',' between them)",
        ]),
        GoldenCase(name: "tab indentation", yaml: "name: test\nmarket:\n\tadults: 3000000\n", expected: [
            "s.yaml:3:1: error: invalid YAML: found character that cannot start any token (hint: indent with spaces; YAML does not allow tabs for indentation)",
        ]),
        GoldenCase(name: "duplicate key", yaml: minimalScenario + """
            run:
              paths: 4
              paths: 8
            """, expected: [
            "s.yaml:6:3: error: duplicate key 'paths'; expected each key once in a mapping, found it more than once (hint: first used at line 5, column 3)",
        ]),
        GoldenCase(name: "empty file", yaml: "", expected: [
            "s.yaml: error: empty scenario; expected a YAML mapping with at least 'name' and 'market', found no content",
        ]),
        GoldenCase(name: "only comments", yaml: "# nothing here yet\n", expected: [
            "s.yaml: error: empty scenario; expected a YAML mapping with at least 'name' and 'market', found no content",
        ]),
        GoldenCase(name: "missing required keys", yaml: "run: {paths: 4}\nmarket:\n  behaviour: {}\n", expected: [
            "s.yaml:1:1: error: missing required key 'name' in the scenario; expected a string, found no 'name'",
            "s.yaml:3:3: error: missing required key 'adults' in market; expected an integer, found no 'adults'",
        ]),
        GoldenCase(name: "a value left empty", yaml: minimalScenario + """
            bank:
              product:
                annual_fee:
            """, expected: [
            "s.yaml:6:16: error: wrong type for bank.product.annual_fee; expected a number, found nothing",
        ]),
        GoldenCase(name: "NaN", yaml: minimalScenario + """
            bank:
              product:
                rewards_rate: .nan
            """, expected: [
            "s.yaml:6:19: error: invalid value for bank.product.rewards_rate; expected a finite number, found .nan",
        ]),
        GoldenCase(name: "infinity", yaml: minimalScenario + """
            bank:
              risk: {maximum_limit: .inf}
            """, expected: [
            "s.yaml:5:25: error: invalid value for bank.risk.maximum_limit; expected a finite number, found .inf",
        ]),
        GoldenCase(name: "months out of range", yaml: minimalScenario + """
            run: {months: 700}
            """, expected: [
            "s.yaml:4:15: error: value out of range for run.months; expected an integer from 1 to 600 (months), found 700",
        ]),
        GoldenCase(name: "negative seed", yaml: minimalScenario + """
            run: {seed: -1}
            """, expected: [
            "s.yaml:4:13: error: value out of range for run.seed; expected an integer from 0 to 18446744073709551615, found -1",
        ]),
        GoldenCase(name: "regulatory cap", yaml: minimalScenario + """
            bank:
              product: {cash_installment_cap: 80000, cash_installment_months: 36}
            """, expected: [
            "s.yaml:5:35: error: value out of range for bank.product.cash_installment_cap; expected a number from 0 to 50000 (yuan), found 80000",
            "s.yaml:5:67: error: value out of range for bank.product.cash_installment_months; expected an integer from 1 to 24 (months), found 36",
        ]),
        GoldenCase(name: "duplicate strategy names", yaml: minimalScenario + """
            strategies:
              champion: {name: current plan}
              challengers:
                - name: current plan
                  bank: {product: {annual_fee: 0}}
            """, expected: [
            "s.yaml:7:13: error: duplicate strategy name 'current plan'; expected each strategy to have its own name, found 'current plan' again (hint: first used at line 5, column 20)",
        ]),
        GoldenCase(name: "duplicate challenger names", yaml: minimalScenario + """
            strategies:
              challengers:
                - {name: no_fee, bank: {product: {annual_fee: 0}}}
                - {name: no_fee, bank: {product: {annual_fee: 50}}}
            """, expected: [
            "s.yaml:7:14: error: duplicate strategy name 'no_fee'; expected each strategy to have its own name, found 'no_fee' again (hint: first used at line 6, column 14)",
        ]),
        GoldenCase(name: "challenger changing nothing", yaml: minimalScenario + """
            bank:
              product: {apr: 0.1825}
            strategies:
              challengers:
                - name: same_price
                  bank:
                    product: {apr: 0.1825}
            """, expected: [
            "s.yaml:8:7: error: challenger 'same_price' changes nothing relative to the champion; expected at least one value in its bank overlay that differs from the champion's, found none",
        ]),
        GoldenCase(name: "challenger without an overlay", yaml: minimalScenario + """
            strategies:
              challengers:
                - name: idle
            """, expected: [
            "s.yaml:6:7: error: challenger 'idle' changes nothing relative to the champion; expected at least one value in its bank overlay that differs from the champion's, found none",
        ]),
        GoldenCase(name: "bad value in a challenger overlay", yaml: minimalScenario + """
            strategies:
              challengers:
                - name: cheap
                  bank: {product: {annul_fee: 0}, risk: {minimum_limit: 200000}}
            """, expected: [
            "s.yaml:7:24: error: unknown key in strategies.challengers.cheap.bank.product; expected a known key, found 'annul_fee' (hint: did you mean 'annual_fee'?)",
            "s.yaml:7:61: error: minimum_limit above maximum_limit in strategies.challengers.cheap.bank.risk; expected at most 100000, found 200000",
        ]),
        GoldenCase(name: "segment shares not summing to 1", yaml: minimalScenario + """
              segments:
                - {name: city, share: 0.5, income_median: 8000}
                - {name: country, share: 0.4, income_median: 4000}
            """, expected: [
            "s.yaml:5:5: error: shares in market.segments do not sum to 1; expected a total of 1, found 0.9",
        ]),
        GoldenCase(name: "category mix not summing to 1", yaml: minimalScenario + """
              segments:
                - name: everyone
                  share: 1
                  income_median: 8000
                  category_mix: {groceries: 0.5, dining: 0.3, online: 0.1}
            """, expected: [
            "s.yaml:8:21: error: shares in market.segments.everyone.category_mix do not sum to 1; expected a total of 1, found 0.9",
        ]),
        GoldenCase(name: "unknown category and channel", yaml: minimalScenario + """
              segments:
                - name: everyone
                  share: 1
                  income_median: 8000
                  category_mix: {groceries: 0.5, dinning: 0.5}
                  channel_affinity: {brnach: 2}
            """, expected: [
            "s.yaml:8:38: error: unknown spending category in market.segments.everyone.category_mix; expected one of groceries, dining, fuel, travel, online, education, other, found 'dinning' (hint: did you mean 'dining'?)",
            "s.yaml:9:26: error: unknown channel in market.segments.everyone.channel_affinity; expected one of branch, online, field, payroll, found 'brnach' (hint: did you mean 'branch'?)",
        ]),
        GoldenCase(name: "duplicate segment names and a bad name", yaml: minimalScenario + """
              segments:
                - {name: city, share: 0.5, income_median: 8000}
                - {name: city, share: 0.25, income_median: 4000}
                - {name: a.b, share: 0.25, income_median: 4000}
            """, expected: [
            "s.yaml:6:14: error: duplicate segment name 'city' in market.segments; expected each segment to have its own name, found 'city' again (hint: first used at line 5, column 14)",
            "s.yaml:7:14: error: invalid name for market.segments[2].name; expected a name without '.' or '=', found \"a.b\" (hint: '.' and '=' separate the parts of --set paths)",
        ]),
        GoldenCase(name: "segment missing required values", yaml: minimalScenario + """
              segments:
                - name: everyone
                  income_sigma: 0.5
            """, expected: [
            "s.yaml:5:7: error: missing required key 'share' in market.segments.everyone; expected a number, found no 'share'",
            "s.yaml:5:7: error: missing required key 'income_median' in market.segments.everyone; expected a number, found no 'income_median'",
        ]),
        GoldenCase(name: "payment fractions the wrong way round", yaml: minimalScenario + """
              segments:
                - {name: everyone, share: 1, income_median: 8000, pay_fraction_low: 0.7}
            """, expected: [
            "s.yaml:5:73: error: pay_fraction_low above pay_fraction_high in market.segments.everyone; expected at most 0.6, found 0.7",
        ]),
        GoldenCase(name: "roll-rate list of the wrong length", yaml: minimalScenario + """
              credit:
                base_roll: [0.002, 0.2, 0.4]
            """, expected: [
            "s.yaml:5:16: error: wrong number of entries for market.credit.base_roll; expected 7 numbers (current, 1-29, 30-59, 60-89, 90-119, 120-149, 150-179 days past due), found 3",
        ]),
        GoldenCase(name: "competitor of an unknown kind", yaml: minimalScenario + """
            competitors:
              - {name: big, kind: national, apr: 0.18, annual_fee: 0, rewards_rate: 0.005, interest_free_days: 56}
            """, expected: [
            "s.yaml:5:23: error: unknown value for competitors.big.kind; expected one of national_bank, regional_bank, internet_platform, found \"national\" (hint: did you mean 'national_bank'?)",
        ]),
        GoldenCase(name: "inconsistent shock correlations", yaml: minimalScenario + """
            macro:
              shock_correlations: {unemployment_consumption_growth: -0.9, unemployment_funding_rate: -0.9, consumption_growth_funding_rate: -0.9}
            """, expected: [
            "s.yaml:5:23: error: shock correlations in macro are not consistent; expected a positive definite correlation matrix (determinant above 0), found determinant -2.888",
        ]),
        GoldenCase(name: "unknown macro variable and incomplete recession", yaml: minimalScenario + """
            macro:
              persistence: {inflation: 0.9}
              recession: {start_month: 13, unemployment_rise: 2}
            """, expected: [
            "s.yaml:5:17: error: unknown macro variable in macro.persistence; expected one of unemployment, consumption_growth, funding_rate, found 'inflation'",
            "s.yaml:6:14: error: missing required key 'length_months' in macro.recession; expected an integer, found no 'length_months'",
            "s.yaml:6:14: error: missing required key 'consumption_drop' in macro.recession; expected a number, found no 'consumption_drop'",
        ]),
        GoldenCase(name: "more agents than adults", yaml: "name: test\nmarket: {adults: 1000}\nrun: {agents: 5000}\n", expected: [
            "s.yaml:3:15: error: more agents than adults; expected run.agents at most market.adults (1000), found 5000",
        ]),
    ]

    @Test(arguments: corpus)
    func diagnostics(_ golden: GoldenCase) {
        #expect(golden.actual() == golden.expected)
    }

    @Test func missingFile() {
        do {
            _ = try ScenarioLoader.load(path: "scenarios/x.yaml")
            Issue.record("a missing file loaded")
        } catch let errors as ScenarioErrors {
            #expect(errors.description
                == "scenarios/x.yaml: error: cannot read the file; expected a readable YAML scenario, found no such file")
            #expect(errors.diagnostics == [Diagnostic(
                file: "scenarios/x.yaml",
                message: "cannot read the file; expected a readable YAML scenario, found no such file")])
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test func directoryInsteadOfFile() {
        let directory = RepositoryRoot.path("scenarios")
        #expect(diagnosticLines { try ScenarioLoader.load(path: directory) }
            == ["\(directory): error: cannot read the file; expected a readable YAML scenario, found a directory"])
    }

    @Test func descriptionFormat() {
        #expect(Diagnostic(file: "a.yaml", line: 3, column: 7, message: "m", hint: "h").description == "a.yaml:3:7: error: m (hint: h)")
        #expect(Diagnostic(file: "a.yaml", line: 3, message: "m").description == "a.yaml:3: error: m")
        #expect(Diagnostic(file: "--set x=1", message: "m").description == "--set x=1: error: m")
        let errors = ScenarioErrors(diagnostics: [Diagnostic(file: "a", message: "one"), Diagnostic(file: "b", message: "two")])
        #expect(errors.description == "a: error: one\nb: error: two")
    }
}
