import CardsimEngine
import CardsimScenario
import Testing

/// Broken strategy-lever inputs give exactly the expected diagnostics, with file, line and column.
@Suite struct LeverDiagnosticTests {
    static let corpus: [GoldenCase] = [
        GoldenCase(name: "alliance in an unknown category", yaml: minimalScenario + """
            bank:
              alliances:
                - {name: fuel_stations, category: fule, coverage: 0.4, discount_rate: 0.03, bank_funded_share: 0.6,
                   spend_uplift: 0.1, acquiring_revenue_rate: 0.002, fixed_monthly_cost: 20000}
            """, expected: [
            "s.yaml:6:39: error: unknown value for bank.alliances.fuel_stations.category; expected one of groceries, dining, fuel, travel, online, education, other, found \"fule\" (hint: did you mean 'fuel'?)",
        ]),
        GoldenCase(name: "alliance missing values", yaml: minimalScenario + """
            bank:
              alliances:
                - {name: supermarkets, category: groceries, coverage: 0.3}
            """, expected: [
            "s.yaml:6:7: error: missing required key 'discount_rate' in bank.alliances.supermarkets; expected a number, found no 'discount_rate'",
            "s.yaml:6:7: error: missing required key 'bank_funded_share' in bank.alliances.supermarkets; expected a number, found no 'bank_funded_share'",
            "s.yaml:6:7: error: missing required key 'spend_uplift' in bank.alliances.supermarkets; expected a number, found no 'spend_uplift'",
            "s.yaml:6:7: error: missing required key 'acquiring_revenue_rate' in bank.alliances.supermarkets; expected a number, found no 'acquiring_revenue_rate'",
            "s.yaml:6:7: error: missing required key 'fixed_monthly_cost' in bank.alliances.supermarkets; expected a number, found no 'fixed_monthly_cost'",
        ]),
        GoldenCase(name: "end month before start month", yaml: minimalScenario + """
            strategies:
              challengers:
                - name: calls
                  bank:
                    campaigns:
                      reactivation: {reach: 0.5, start_month: 7, end_month: 3}
            """, expected: [
            "s.yaml:9:65: error: end_month before start_month in strategies.challengers.calls.bank.campaigns.reactivation; expected at least 7, found 3",
        ]),
        GoldenCase(name: "window beyond the run", yaml: minimalScenario + """
            run: {months: 24}
            bank:
              collections: {intensity: 1.5, start_month: 30}
              lines: {review_months: 6, end_month: 36}
            """, expected: [
            "s.yaml:6:46: error: start_month after the end of the run in bank.collections; expected at most 24 (run.months), found 30",
            "s.yaml:7:40: error: end_month after the end of the run in bank.lines; expected at most 24 (run.months), found 36",
        ]),
        GoldenCase(name: "window beyond the run after --set run.months", yaml: minimalScenario + """
            strategies:
              challengers:
                - name: calls
                  bank: {campaigns: {reactivation: {reach: 0.5, end_month: 12}}}
            """, overrides: ["run.months=6"], expected: [
            "s.yaml:7:64: error: end_month after the end of the run in strategies.challengers.calls.bank.campaigns.reactivation; expected at most 6 (run.months), found 12",
        ]),
        GoldenCase(name: "start month 0 and an end month that is not a month", yaml: minimalScenario + """
            bank:
              campaigns:
                precision: {target_share: 0.2, start_month: 0, end_month: june}
            """, expected: [
            "s.yaml:6:49: error: value out of range for bank.campaigns.precision.start_month; expected an integer from 1 to 600 (month of the run), found 0",
            "s.yaml:6:63: error: wrong type for bank.campaigns.precision.end_month; expected an integer or null, found the string \"june\"",
        ]),
        GoldenCase(name: "theme card naming an unknown segment", yaml: minimalScenario + """
            strategies:
              challengers:
                - name: car_owner_card
                  bank:
                    theme_cards:
                      - {name: car_owner, segments: [familes, young_professionals, students], category: fuel,
                         cashback_rate: 0.03, spend_uplift: 0.4}
            """, expected: [
            "s.yaml:9:42: error: unknown segment in strategies.challengers.car_owner_card.bank.theme_cards.car_owner.segments; expected one of young_professionals, families, high_net_worth, new_urban_residents, county_rural, seniors, found 'familes' (hint: did you mean 'families'?)",
            "s.yaml:9:72: error: unknown segment in strategies.challengers.car_owner_card.bank.theme_cards.car_owner.segments; expected one of young_professionals, families, high_net_worth, new_urban_residents, county_rural, seniors, found 'students'",
        ]),
        GoldenCase(name: "theme card without segments", yaml: minimalScenario + """
            bank:
              theme_cards:
                - {name: youth, segments: [], category: online, cashback_rate: 0.01, spend_uplift: 0.1}
            """, expected: [
            "s.yaml:6:31: error: too few segment names in bank.theme_cards.youth.segments; expected at least 1, found 0",
        ]),
        GoldenCase(name: "window on the champion", yaml: minimalScenario + """
            bank:
              product: {annual_fee: 0, start_month: 4}
              risk: {cutoff: 0.1, end_month: 24}
              channels_window: {start_month: 2}
            """, expected: [
            "s.yaml:5:41: error: lever window on the champion in bank.product; expected start_month 1 (the champion is in force in every month), found 4 (hint: give start_month and end_month in a challenger's bank overlay)",
            "s.yaml:6:34: error: lever window on the champion in bank.risk; expected end_month null (the champion is in force in every month), found 24 (hint: give start_month and end_month in a challenger's bank overlay)",
            "s.yaml:7:34: error: lever window on the champion in bank.channels_window; expected start_month 1 (the champion is in force in every month), found 2 (hint: give start_month and end_month in a challenger's bank overlay)",
        ]),
        GoldenCase(name: "line increase beyond the 30% bound", yaml: minimalScenario + """
            bank:
              lines: {review_months: 6, increase: 0.5, decrease: 30}
            """, expected: [
            "s.yaml:5:39: error: value out of range for bank.lines.increase; expected a number from 0 to 0.3 (fraction of the limit), found 0.5",
            "s.yaml:5:54: error: value out of range for bank.lines.decrease; expected a number from 0 to 0.3 (fraction of the limit), found 30 (hint: a percentage? write 0.3)",
        ]),
        GoldenCase(name: "duplicate alliance names and too many alliances", yaml: minimalScenario + """
            bank:
              alliances:
            \((1...9).map { "    - {name: \($0 == 2 ? "a1" : "a\($0)"), category: dining, coverage: 0.1, discount_rate: 0.05, bank_funded_share: 0.5, spend_uplift: 0.1, acquiring_revenue_rate: 0.003, fixed_monthly_cost: 0}" }.joined(separator: "\n"))
            """, expected: [
            "s.yaml:6:5: error: too many alliances in bank.alliances; expected at most 8, found 9",
            "s.yaml:7:14: error: duplicate alliance name 'a1' in bank.alliances; expected each alliance to have its own name, found 'a1' again (hint: first used at line 6, column 14)",
        ]),
        GoldenCase(name: "pricing tiers with the same minimum score", yaml: minimalScenario + """
            bank:
              pricing_tiers:
                - {minimum_score: 1.0, apr: 0.16, installment_fee_rate: 0.0056}
                - {minimum_score: 1.0, apr: 0.15, installment_fee_rate: 5.5}
            """, expected: [
            "s.yaml:7:23: error: duplicate minimum_score in bank.pricing_tiers; expected each pricing tier to have its own minimum_score, found 1 again (hint: first used at line 6, column 23)",
            "s.yaml:7:61: error: value out of range for bank.pricing_tiers[1].installment_fee_rate; expected a number from 0 to 0.05 (fraction of principal per month), found 5.5",
        ]),
        GoldenCase(name: "limit bands with the same minimum score or no multiple", yaml: minimalScenario + """
            bank:
              risk:
                limit_bands:
                  - {minimum_score: 0.5, income_multiple: 3}
                  - {minimum_score: 0.5, income_multiple: 2}
                  - {minimum_score: -1}
            """, expected: [
            "s.yaml:8:25: error: duplicate minimum_score in bank.risk.limit_bands; expected each limit band to have its own minimum_score, found 0.5 again (hint: first used at line 7, column 25)",
            "s.yaml:9:9: error: missing required key 'income_multiple' in bank.risk.limit_bands[2]; expected a number, found no 'income_multiple'",
        ]),
        GoldenCase(name: "a challenger that only moves a window", yaml: minimalScenario + """
            strategies:
              challengers:
                - name: later
                  bank: {product: {start_month: 13}}
            """, expected: [
            "s.yaml:6:7: error: challenger 'later' changes nothing relative to the champion; expected at least one value in its bank overlay that differs from the champion's, found none",
        ]),
        GoldenCase(name: "unknown key in a campaign", yaml: minimalScenario + """
            bank:
              campaigns:
                first_swipe: {activation_uplift: 0.3, gift_costs: 30}
            """, expected: [
            "s.yaml:6:43: error: unknown key in bank.campaigns.first_swipe; expected a known key, found 'gift_costs' (hint: did you mean 'gift_cost'?)",
        ]),
        GoldenCase(name: "an override with a bad lever window", yaml: minimalScenario, overrides: [
            "bank.campaigns.reactivation.end_month=0",
        ], expected: [
            "--set bank.campaigns.reactivation.end_month=0: error: value out of range for bank.campaigns.reactivation.end_month; expected an integer from 1 to 600 (month of the run), found 0",
        ]),
        GoldenCase(name: "campaign audiences: unknown segment, empty bands, holdout above 0.5", yaml: minimalScenario + """
            bank:
              campaigns:
                reactivation:
                  reach: 0.5
                  audience: {segments: [famlies, seniors], min_months_idle: 6}
                precision:
                  target_share: 0.2
                  audience: {min_score: 1, max_score: 0.5, min_spend: 2000, max_spend: 1000}
                first_swipe: {activation_uplift: 0.3, holdout: 0.6}
            """, expected: [
            "s.yaml:8:29: error: unknown segment in bank.campaigns.reactivation.audience.segments; expected one of young_professionals, families, high_net_worth, new_urban_residents, county_rural, seniors, found 'famlies' (hint: did you mean 'families'?)",
            "s.yaml:11:43: error: empty band in bank.campaigns.precision.audience: max_score is below min_score; expected at least 1, found 0.5 (hint: the audience would reach nobody; raise max_score, lower min_score, or remove one of them)",
            "s.yaml:11:76: error: empty band in bank.campaigns.precision.audience: max_spend is below min_spend; expected at least 2000, found 1000 (hint: the audience would reach nobody; raise max_spend, lower min_spend, or remove one of them)",
            "s.yaml:12:52: error: value out of range for bank.campaigns.first_swipe.holdout; expected a number from 0 to 0.5 (fraction of the eligible new cards), found 0.6",
        ]),
        GoldenCase(name: "a challenger's campaign: negative holdout and capacity, unknown holder rule, empty months-on-book band", yaml: minimalScenario + """
            strategies:
              challengers:
                - name: calls
                  bank:
                    campaigns:
                      reactivation: {reach: 0.5, holdout: -0.1, monthly_capacity: -5, audience: {competitor_holders: some, max_months_on_book: 3, min_months_on_book: 12}}
            """, expected: [
            "s.yaml:9:47: error: value out of range for strategies.challengers.calls.bank.campaigns.reactivation.holdout; expected a number from 0 to 0.5 (fraction of the selected dormant cards), found -0.1",
            "s.yaml:9:71: error: value out of range for strategies.challengers.calls.bank.campaigns.reactivation.monthly_capacity; expected a number at least 0 (customers per month), found -5",
            "s.yaml:9:106: error: unknown value for strategies.challengers.calls.bank.campaigns.reactivation.audience.competitor_holders; expected one of any, holders, non_holders, found \"some\"",
            "s.yaml:9:132: error: empty band in strategies.challengers.calls.bank.campaigns.reactivation.audience: max_months_on_book is below min_months_on_book; expected at least 12, found 3 (hint: the audience would reach nobody; raise max_months_on_book, lower min_months_on_book, or remove one of them)",
        ]),
        GoldenCase(name: "campaign audience naming an unknown channel", yaml: minimalScenario + """
            bank:
              campaigns:
                precision:
                  target_share: 0.2
                  audience: {channels: [branh, online]}
            """, expected: [
            "s.yaml:8:29: error: unknown channel in bank.campaigns.precision.audience.channels; expected one of branch, online, field, payroll, found 'branh' (hint: did you mean 'branch'?)",
        ]),
    ]

    @Test(arguments: corpus) func diagnosticsAreExact(_ golden: GoldenCase) {
        #expect(golden.actual() == golden.expected)
    }
}
