import CardsimEngine

extension Tables {
    /// `bank:` everything the bank controls; a challenger's `bank:` overlays this shape.
    static var bank: Section<Strategy> {
        Section(defaultValue: Strategy(name: ""), fields: [
            .section("product", \.self, productInForce,
                     doc: "The card: pricing, fees, rewards and statement rules; in a challenger, optionally the window in which they apply."),
            .section("risk", \.self, riskInForce,
                     doc: "Approval model, cut-off and initial credit limits; in a challenger, optionally the window in which they apply."),
            .list("channels", \.channels, item: channel, noun: "channel", name: \.name,
                  doc: "Acquisition channels; a list given replaces the default list as a whole.",
                  source: "the four channels of the product brief (branch, online, merchant/field marketing, payroll partners); calibration target: online acquisition costs over 100 yuan per new customer today, 80 or less is the goal (product brief)"),
            .section("channels_window", \.channelsWindow, channelsWindow,
                     doc: "Challengers only: the months in which this challenger's channels apply (a list cannot hold the keys itself)."),
            .section("economics", \.economics, economics, doc: "Revenue and cost rates that are not prices to the customer."),
            .list("pricing_tiers", \.pricingTiers, item: pricingTier, noun: "pricing tier", name: \.listName, uniqueNames: false,
                  doc: "Risk-based pricing: APR and installment fee rate by approval score; accounts below every tier pay the product's rates. In force with the product (its window).",
                  source: "none; the product brief offers high-rated customers an installment rate 0.5 points lower",
                  check: checkPricingTiers),
            .list("alliances", \.alliances, item: alliance, noun: "alliance", name: \.name,
                  doc: "Merchant alliances, several at once (at most 8), each with its own window.",
                  source: "none; merchant alliances and local consumption coalitions are levers in the product brief",
                  check: checkTrackedCount(noun: "alliance")),
            .section("campaigns", \.campaigns, campaigns,
                     doc: "Marketing campaigns: dormant reactivation, first-swipe incentive, precision marketing; each off by default."),
            .list("theme_cards", \.themeCards, item: themeCard, noun: "theme card", name: \.name,
                  doc: "Theme cards aimed at segments (at most 8), each with its own window.",
                  source: "none; theme cards (travel, car owner with 3% fuel cashback, youth) are levers in the product brief",
                  check: checkTrackedCount(noun: "theme card")),
            .section("lines", \.lines, lines, doc: "Periodic credit-line reviews; off by default."),
            .section("collections", \.collections, collections, doc: "Collections intensity on past-due accounts."),
            .section("membership", \.membership, membership,
                     doc: "A membership subscription sold to cardholders: monthly fee, take-up, churn, benefits; off by default."),
            .section("consumer_loans", \.consumerLoans, consumerLoans,
                     doc: "Consumer loans cross-sold to cardholders, with their own interest, funding and credit losses; off by default."),
            .section("dormant_cleanup", \.dormantCleanup, dormantCleanup,
                     doc: "Closing long-dormant cards after notice; off by default."),
        ])
    }

    /// `bank.risk:`
    static var risk: Section<RiskPolicy> {
        Section(defaultValue: RiskPolicy(), fields: [
            .number("model_quality", \.modelQuality, .fractionBelowOne, unit: "correlation",
                    doc: "Correlation of the approval score with (minus) latent risk.",
                    source: "assumption; a regional model on local data cut one bank's bad-debt rate by 1.8 points (product brief)"),
            .number("cutoff", \.cutoff, .closed(-5, 5), unit: "standard-normal score",
                    doc: "Approval cut-off on the score; -0.2 approves about 58% of applicants.",
                    source: "assumption"),
            .number("limit_income_multiple", \.limitIncomeMultiple, NumberRange(minimum: 0, maximum: 100, minimumExclusive: true),
                    unit: "multiple of monthly income",
                    doc: "Initial limit as a multiple of monthly income at score 0.", source: "calibrated to scenarios/targets/china-2024.yaml by make calibrate (docs/calibration.md): 2.66 ± 0.47, weakly identified by utilisation 37.8% and receivables per card 11,680 (PBOC 2024 Q3)"),
            .number("limit_score_slope", \.limitScoreSlope, .closed(0, 5), unit: "log-limit per unit of score",
                    doc: "Log-change of the initial limit per unit of score.", source: "assumption"),
            .number("minimum_limit", \.minimumLimit, .nonNegative, unit: "yuan",
                    doc: "Smallest initial limit.", source: "assumption"),
            .number("maximum_limit", \.maximumLimit, .nonNegative, unit: "yuan",
                    doc: "Largest initial limit; at least minimum_limit.", source: "assumption"),
            .list("limit_bands", \.limitBands, item: limitBand, noun: "limit band", name: \.listName, uniqueNames: false,
                  doc: "Initial limit by score band: an approved applicant gets income_multiple months of income from the highest band whose minimum_score its approval score reaches, minimum_limit below every band; replaces limit_income_multiple and limit_score_slope. Empty = the multiple-and-slope rule.",
                  source: "none; banks set initial limits from a table of score bands",
                  check: { bands, nodes, context, path in
                      checkDistinctMinimumScores(bands.map(\.minimumScore), noun: "limit band", &context, path)
                  }),
            .scorecardFile("application_scorecard", \.scorecards.application, kind: .application,
                           doc: "Scorecard mode: a logistic model file (as 'cardsim fit scorecard' writes it) over application features; its score, standardised over the path's applicants, replaces the synthetic score, so cutoff, limit_score_slope and pricing tiers apply to it. See docs/model/risk-models.md.",
                           source: "none (synthetic score); fit from exported features, see docs/model/risk-models.md"),
            .scorecardFile("behaviour_scorecard", \.scorecards.behaviour, kind: .behaviour,
                           doc: "A logistic model file over application and account features whose standardised score replaces the approval score in credit-line reviews (bank.lines).",
                           source: "none (line reviews use the approval score)"),
            .optionalNumber("approval_rate", \.scorecards.approvalRate, NumberRange(minimum: 0, maximum: 1, minimumExclusive: true),
                            unit: "fraction of applicants",
                            doc: "With application_scorecard: approve this share of the month-1 applicant pool (the cut-off is the weighted quantile of the standardised score over the path's prospects, each weighted by its month-1 application probability); replaces cutoff. null = use cutoff.",
                            source: "none"),
        ], checks: [
            SectionCheck(fields: ["approval_rate", "application_scorecard"]) { risk, context, path in
                guard risk.scorecards.approvalRate != nil, risk.scorecards.application == nil,
                      !context.hasFailed(["\(path).application_scorecard"]) else { return }
                context.report(context.location("\(path).approval_rate"),
                               "approval_rate without application_scorecard in \(path); expected an application_scorecard to rank applicants by, found none",
                               hint: "set application_scorecard, or use cutoff with the synthetic score")
            },
            SectionCheck(fields: ["minimum_limit", "maximum_limit"]) { risk, context, path in
                guard risk.minimumLimit > risk.maximumLimit else { return }
                context.report(context.location("\(path).minimum_limit", "\(path).maximum_limit"),
                               "minimum_limit above maximum_limit in \(path); expected at most \(NumberText.format(risk.maximumLimit)), found \(NumberText.format(risk.minimumLimit))")
            },
        ])
    }

    /// One item of `bank.channels:`; every value is required.
    static var channel: Section<Channel> {
        Section(defaultValue: Channel(name: "", intensity: 0, costPerApplication: 0), fields: [
            .text("name", \.name, rule: .itemName, doc: "Channel name; segments' channel_affinity refers to it.",
                  source: "required", required: true),
            .number("intensity", \.intensity, .closed(0, 100), unit: "reach factor",
                    doc: "Monthly reach intensity (1 = the segment's base apply propensity).",
                    source: "required", required: true),
            .number("cost_per_application", \.costPerApplication, .nonNegative, unit: "yuan per application",
                    doc: "Cost of each application received through the channel.",
                    source: "required", required: true),
        ])
    }

    /// `bank.economics:`
    static var economics: Section<Economics> {
        Section(defaultValue: Economics(), fields: [
            .categoryValues("interchange_rates", \.interchangeRates, .closed(0, 0.05), unit: "fraction of spend",
                            doc: "Interchange earned by the issuer by category, each at most market.regulation.interchange_cap; categories not listed keep their value.",
                            source: "assumption within the 0.45% cap of the 2016 card fee reform: lower for groceries, fuel and education (discounted merchant categories), the cap for travel and dining"),
            .number("rewards_cost_per_yuan", \.rewardsCostPerYuan, .closed(0, 10), unit: "yuan per yuan of rewards",
                    doc: "Cost to the bank of each yuan of points value its customers see (points never redeemed and redemption goods bought below face value make it less than 1).",
                    source: "assumption, range tried 0.3-1.0: 0.35 (about 40% of points never redeemed, redemption goods bought at about 60% of their face value), so points cost 0.14% of spend against interchange of about 0.42% and a transactor's float of about 0.24%"),
            .number("funding_spread", \.fundingSpread, .closed(0, 0.2), unit: "fraction per year",
                    doc: "Spread the bank pays over the macro funding rate.", source: "assumption, range tried 0.002-0.006: 0.003, a regional bank's cost of funds about 2.5% a year with the macro rate's 2.2%"),
            .number("operating_cost_per_account", \.operatingCostPerAccount, .nonNegative, unit: "yuan per card per month",
                    doc: "Operating cost per card in force (staff, IT, customer service, card production, fraud).",
                    source: "assumption, range tried 4-25: 20 puts the baseline's costs other than funding and credit losses (operating, acquisition, points, campaigns, collections) at about a quarter of revenue, below the cost-to-income ratios of about 30-35% Chinese commercial banks report"),
            .number("discount_rate", \.discountRate, .fraction, unit: "fraction per year",
                    doc: "Annual discount rate for NPV.", source: "assumption"),
        ])
    }
}
