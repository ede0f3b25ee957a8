import CardsimEngine

/// The strategy levers of `bank:` beyond the product, risk policy, channels and economics:
/// risk-based pricing tiers, merchant alliances, campaigns, theme cards, line management and
/// collections, and the windows of a challenger's product, risk policy and channels.
///
/// Defaults are read from the engine's structs. Alliances, theme cards and pricing tiers have
/// no engine defaults: like channels and competitors, each item states all of its values
/// (only its window may be left out).
extension Tables {
    // MARK: - Product, risk and channels with a window

    /// `bank.product:` the product table plus the window in which a challenger's product (and
    /// pricing tiers) is in force.
    static var productInForce: Section<Strategy> {
        let table = product
        return Section(defaultValue: Strategy(name: ""),
                       fields: table.fields.map { $0.lifted(\Strategy.product) }
                           + windowFields(\.productWindow, lever: "the product",
                                          startDoc: "Challengers only: first month this challenger's product and pricing_tiers are in force; before it (and after end_month) the champion's apply. The champion's is always 1.",
                                          endDoc: "Challengers only: last month this challenger's product and pricing_tiers are in force, inclusive; null = to the end of the run. The champion's is always null."),
                       checks: table.checks.map { $0.lifted(\Strategy.product) } + [windowCheck(\.productWindow)])
    }

    /// `bank.risk:` the risk-policy table plus the window in which a challenger's policy is in force.
    static var riskInForce: Section<Strategy> {
        let table = risk
        return Section(defaultValue: Strategy(name: ""),
                       fields: table.fields.map { $0.lifted(\Strategy.risk) }
                           + windowFields(\.riskWindow, lever: "the risk policy",
                                          startDoc: "Challengers only: first month this challenger's risk policy is in force; before it (and after end_month) the champion's applies. The champion's is always 1.",
                                          endDoc: "Challengers only: last month this challenger's risk policy is in force, inclusive; null = to the end of the run. The champion's is always null."),
                       checks: table.checks.map { $0.lifted(\Strategy.risk) } + [windowCheck(\.riskWindow)])
    }

    /// `bank.channels_window:` when a challenger's channels are in force.
    static var channelsWindow: Section<LeverWindow> {
        windowSection(lever: "the channels",
                      startDoc: "Challengers only: first month this challenger's channels are in force; outside the window each channel takes the champion's intensity and cost, and a channel the champion lacks is off. The champion's is always 1.",
                      endDoc: "Challengers only: last month this challenger's channels are in force, inclusive; null = to the end of the run. The champion's is always null.")
    }

    // MARK: - Risk-based pricing

    /// One item of `bank.pricing_tiers:`; every value is required.
    static var pricingTier: Section<PricingTier> {
        Section(defaultValue: PricingTier(minimumScore: 0, apr: 0, installmentFeeRate: 0), fields: [
            .number("minimum_score", \.minimumScore, .closed(-5, 5), unit: "standard-normal score",
                    doc: "Accounts whose approval score is at least this pay the tier's rates (the highest tier that applies wins).",
                    source: "required", required: true),
            .number("apr", \.apr, .fraction, unit: "fraction per year",
                    doc: "Revolving APR of the tier.", source: "required", required: true),
            .number("installment_fee_rate", \.installmentFeeRate, .closed(0, 0.05), unit: "fraction of principal per month",
                    doc: "Monthly installment fee rate of the tier.", source: "required", required: true),
        ])
    }

    /// Minimum scores of the tiers differ.
    static func checkPricingTiers(_ tiers: [PricingTier], _ nodes: [DocumentNode], _ context: inout DecodeContext, _ path: String) {
        checkDistinctMinimumScores(tiers.map(\.minimumScore), noun: "pricing tier", &context, path)
    }

    /// The items of the list at `path` (each with a `minimum_score`) have distinct minimum scores.
    static func checkDistinctMinimumScores(_ scores: [Double], noun: String, _ context: inout DecodeContext, _ path: String) {
        var first: [Double: SourceLocation] = [:]
        for (index, score) in scores.enumerated() {
            let scorePath = "\(path)[\(index)].minimum_score"
            guard !context.hasFailed([scorePath]), let location = context.locations[scorePath] else { continue }
            if let earlier = first[score] {
                context.report(location,
                               "duplicate minimum_score in \(path); expected each \(noun) to have its own minimum_score, found \(NumberText.format(score)) again",
                               hint: "first used at \(earlier.humanReadable(seenFrom: location))")
            } else {
                first[score] = location
            }
        }
    }

    /// One item of `bank.risk.limit_bands:`; every value is required.
    static var limitBand: Section<LimitBand> {
        Section(defaultValue: LimitBand(minimumScore: 0, incomeMultiple: 0), fields: [
            .number("minimum_score", \.minimumScore, .closed(-5, 5), unit: "standard-normal score",
                    doc: "Applicants whose approval score is at least this get the band's limit (the highest band that applies wins).",
                    source: "required", required: true),
            .number("income_multiple", \.incomeMultiple, NumberRange(minimum: 0, maximum: 100, minimumExclusive: true),
                    unit: "multiple of monthly income",
                    doc: "Initial limit as a multiple of monthly income, then rounded down to 1,000 yuan and kept within minimum_limit and maximum_limit.",
                    source: "required", required: true),
        ])
    }

    // MARK: - Merchant alliances

    /// One item of `bank.alliances:`; every value but the window is required.
    static var alliance: Section<Alliance> {
        let given = "required; set per alliance"
        return Section(defaultValue: Alliance(name: "", category: .groceries, coverage: 0, discountRate: 0, bankFundedShare: 0,
                                              spendUplift: 0, acquiringRevenueRate: 0, fixedMonthlyCost: 0),
                       fields: [
            .text("name", \.name, rule: .itemName, doc: "Alliance name, used in reports and in --set paths.",
                  source: "required", required: true),
            .names("segments", \.segments, noun: "segment", minimumCount: 0,
                   doc: "Segments whose customers get the alliance's discounts (see them in the offer, spend more at the partners); empty = every segment.",
                   source: "every segment"),
            .category("category", \.category, doc: "Spending category of the partner merchants.",
                      source: "required; the product brief's local consumption coalition joins supermarkets, fuel and dining",
                      required: true),
            .number("coverage", \.coverage, .fraction, unit: "fraction of the category's spend",
                    doc: "Share of the category's card spend made at partner merchants.", source: given, required: true),
            .number("discount_rate", \.discountRate, .fraction, unit: "fraction of covered spend",
                    doc: "Discount to the customer at partner merchants.", source: given, required: true),
            .number("bank_funded_share", \.bankFundedShare, .fraction, unit: "fraction of the discount",
                    doc: "Share of the discount the bank pays; the merchants pay the rest.", source: given, required: true),
            .number("spend_uplift", \.spendUplift, .closed(0, 5), unit: "fraction (0.15 = +15%)",
                    doc: "Growth of covered spend thanks to the discount.", source: given, required: true),
            .number("acquiring_revenue_rate", \.acquiringRevenueRate, .closed(0, 0.05), unit: "yuan per yuan of covered spend",
                    doc: "Acquiring revenue to the bank on covered spend (merchant discount rate times the bank's share of it).",
                    source: "required; acquiring revenue reached 18% of one bank's card revenue (product brief)", required: true),
            .number("fixed_monthly_cost", \.fixedMonthlyCost, .nonNegative, unit: "yuan per month",
                    doc: "Fixed cost of running the alliance while it is in force.", source: given, required: true),
            .number("acquired_turnover", \.acquiredTurnover, .nonNegative, unit: "yuan per month",
                    doc: "Partner merchants' whole turnover acquired by the bank (every card and QR payment, not only the bank's cards): the alliance's merchant-acquiring business.",
                    source: "0 (no acquiring business); a local coalition's merchants' turnover with the bank (product brief: acquiring reached 18% of one bank's card revenue)"),
            .number("acquiring_margin", \.acquiringMargin, .closed(0, 0.05), unit: "yuan per yuan of turnover",
                    doc: "The bank's net acquiring revenue per yuan of acquired turnover (merchant discount less issuers' service fees and network fees).",
                    source: "0; about 0.001-0.002 after the 2016 fee reform's 0.45% issuer fee and 0.065% network fee out of merchant discounts of 0.6% and less (assumption)"),
        ] + windowFields(\.window, lever: "the alliance"),
                       checks: [windowCheck(\.window)])
    }

    // MARK: - Campaigns

    /// `bank.campaigns:`
    static var campaigns: Section<Campaigns> {
        Section(defaultValue: Campaigns(), fields: [
            .section("reactivation", \.reactivation, reactivation,
                     doc: "Dormant reactivation: outbound contacts to dormant cards."),
            .section("first_swipe", \.firstSwipe, firstSwipe, doc: "First-swipe incentive for new cards."),
            .section("precision", \.precision, precision,
                     doc: "Precision marketing to a fixed share of open cards."),
        ])
    }

    /// `bank.campaigns.reactivation:`
    static var reactivation: Section<Campaigns.Reactivation> {
        Section(defaultValue: Campaigns.Reactivation(), fields: [
            .number("reach", \.reach, .fraction, unit: "fraction of dormant cards per month",
                    doc: "Share of dormant cards contacted each month (0 = no campaign).",
                    source: "off by default"),
            .number("cost_per_contact", \.costPerContact, .nonNegative, unit: "yuan per contact",
                    doc: "Cost of one contact (outbound call, message, upgraded benefit).", source: "assumption"),
            .number("response", \.response, .fraction, unit: "probability",
                    doc: "Extra chance that a contacted dormant card is used in the month of contact, in the campaign's first month.",
                    source: "assumption; a dormant-customer funnel woke 21% of dormant customers within 6 months (product brief)"),
            .number("decay", \.decay, .fraction, unit: "factor per month",
                    doc: "The response is multiplied by this factor for each month since the campaign started.",
                    source: "assumption"),
            .boolean("long_dormant_only", \.longDormantOnly,
                     doc: "Whether only long-dormant cards (unused for market.behaviour.long_dormancy_months) are contacted.",
                     source: "assumption"),
            .section("audience", \.audience, audience, doc: "Who the campaign contacts, besides the dormancy rule."),
            capacityField(\.monthlyCapacity, noun: "contacts"),
            holdoutField(\.holdout, noun: "selected dormant cards"),
        ] + windowFields(\.window, lever: "the campaign"),
                checks: [windowCheck(\.window)])
    }

    /// `bank.campaigns.first_swipe:`
    static var firstSwipe: Section<Campaigns.FirstSwipe> {
        Section(defaultValue: Campaigns.FirstSwipe(), fields: [
            .number("activation_uplift", \.activationUplift, .closed(0, 10), unit: "fraction (0.3 = +30%)",
                    doc: "Growth of a new card's monthly activation probability (capped at 1); 0 = no incentive.",
                    source: "off by default; first-swipe gifts are a lever in the product brief"),
            .number("gift_cost", \.giftCost, .nonNegative, unit: "yuan per card activated",
                    doc: "Cost of the gift for each card activated while the incentive runs.", source: "assumption"),
            .section("audience", \.audience, audience, doc: "Which new cards get the incentive."),
            holdoutField(\.holdout, noun: "eligible new cards"),
        ] + windowFields(\.window, lever: "the incentive"),
                checks: [windowCheck(\.window)])
    }

    /// `bank.campaigns.precision:`
    static var precision: Section<Campaigns.Precision> {
        Section(defaultValue: Campaigns.Precision(), fields: [
            .number("target_share", \.targetShare, .fraction, unit: "fraction of open cards",
                    doc: "Share of open cards targeted (the same cards every month); 0 = no campaign.",
                    source: "off by default"),
            .number("frequency_uplift", \.frequencyUplift, .closed(0, 5), unit: "fraction (0.2 = +20%)",
                    doc: "Growth of a targeted card's spend frequency: swipes in a month of use (its usage probability is unchanged).",
                    source: "precision marketing raises spend frequency about 20% (product brief)"),
            .number("spend_uplift", \.spendUplift, .closed(0, 5), unit: "fraction (0.15 = +15%)",
                    doc: "Growth of a targeted card's spend in a month it is used.",
                    source: "precision marketing raises spend amount about 15% (product brief)"),
            .number("cost_per_target", \.costPerTarget, .nonNegative, unit: "yuan per targeted card per month",
                    doc: "Cost of targeting one card for a month.", source: "assumption"),
            .section("audience", \.audience, audience, doc: "Which open cards may be targeted; target_share is a share of them."),
            capacityField(\.monthlyCapacity, noun: "targeted cards"),
            holdoutField(\.holdout, noun: "selected cards"),
        ] + windowFields(\.window, lever: "the campaign"),
                checks: [windowCheck(\.window)])
    }

    /// `bank.campaigns.*.holdout`.
    static func holdoutField<Root>(_ path: WritableKeyPath<Root, Double>, noun: String) -> Field<Root> {
        .number("holdout", path, .closed(0, 0.5), unit: "fraction of the \(noun)",
                doc: "Share of the \(noun) kept as a control group: never treated, not paid for, the same customers in every strategy (keyed by agent). The treated-minus-holdout estimate is written beside the true effect.",
                source: "0 (no control group); the source documents' campaigns keep control groups (assumption: 10%)")
    }

    /// `bank.campaigns.*.monthly_capacity`.
    static func capacityField<Root>(_ path: WritableKeyPath<Root, Double>, noun: String) -> Field<Root> {
        .number("monthly_capacity", path, .nonNegative, unit: "customers per month",
                doc: "Largest number of \(noun) a month, in customers of the region (0 = no limit): when more are eligible, each is selected with a correspondingly lower probability.",
                source: "0 (no limit)")
    }

    /// `bank.campaigns.*.audience:`: every bound inclusive, null = no bound.
    static var audience: Section<CampaignAudience> {
        Section(defaultValue: CampaignAudience(), fields: [
            .names("segments", \.segments, noun: "segment", minimumCount: 0,
                   doc: "Names of the market segments reached; empty = every segment.", source: "every segment"),
            .optionalNumber("min_score", \.minimumScore, .closed(-10, 10), unit: "approval score (standard-normal, higher is safer)",
                            doc: "Lowest approval score reached.", source: "no bound (a selector, not a model parameter)"),
            .optionalNumber("max_score", \.maximumScore, .closed(-10, 10), unit: "approval score (standard-normal, higher is safer)",
                            doc: "Highest approval score reached.", source: "no bound (a selector, not a model parameter)"),
            .optionalInteger("min_months_idle", \.minimumMonthsIdle, .closed(0, RunLimits.maximumMonths), unit: "months since last use",
                             doc: "Fewest months since the card was last used.", source: "no bound (a selector, not a model parameter)"),
            .optionalInteger("max_months_idle", \.maximumMonthsIdle, .closed(0, RunLimits.maximumMonths), unit: "months since last use",
                             doc: "Most months since the card was last used.", source: "no bound (a selector, not a model parameter)"),
            .optionalInteger("min_months_on_book", \.minimumMonthsOnBook, .closed(0, RunLimits.maximumMonths), unit: "months",
                             doc: "Fewest months on book.", source: "no bound (a selector, not a model parameter)"),
            .optionalInteger("max_months_on_book", \.maximumMonthsOnBook, .closed(0, RunLimits.maximumMonths), unit: "months",
                             doc: "Most months on book.", source: "no bound (a selector, not a model parameter)"),
            .optionalNumber("min_spend", \.minimumSpend, .nonNegative, unit: "yuan per month of use",
                            doc: "Spend tier: lowest mean monthly spend in a month of use.", source: "no bound (a selector, not a model parameter)"),
            .optionalNumber("max_spend", \.maximumSpend, .nonNegative, unit: "yuan per month of use",
                            doc: "Spend tier: highest mean monthly spend in a month of use.", source: "no bound (a selector, not a model parameter)"),
.names("channels", \.channels, noun: "channel", minimumCount: 0,
                   doc: "Acquisition channels the account was booked through (names of the strategy's channels); empty = every channel.",
                   source: "every channel"),
            .choice("competitor_holders", \.holders, options: [("any", .any), ("holders", .holders), ("non_holders", .nonHolders)],
                    doc: "Holders of a competitor's card only (holders), customers holding none (non_holders), or either (any).",
                    source: "any"),
        ], checks: [
            bandCheck("min_score", "max_score") { a in a.minimumScore.flatMap { lo in a.maximumScore.map { (lo, $0) } } },
            bandCheck("min_months_idle", "max_months_idle") { a in
                a.minimumMonthsIdle.flatMap { lo in a.maximumMonthsIdle.map { (Double(lo), Double($0)) } } },
            bandCheck("min_months_on_book", "max_months_on_book") { a in
                a.minimumMonthsOnBook.flatMap { lo in a.maximumMonthsOnBook.map { (Double(lo), Double($0)) } } },
            bandCheck("min_spend", "max_spend") { a in a.minimumSpend.flatMap { lo in a.maximumSpend.map { (lo, $0) } } },
        ])
    }

    /// A band whose upper bound is below its lower bound reaches nobody.
    static func bandCheck(_ low: String, _ high: String,
                          _ bounds: @escaping (CampaignAudience) -> (Double, Double)?) -> SectionCheck<CampaignAudience> {
        SectionCheck(fields: [low, high]) { value, context, sectionPath in
            guard let (lo, hi) = bounds(value), hi < lo else { return }
            context.report(context.location("\(sectionPath).\(high)"),
                           "empty band in \(sectionPath): \(high) is below \(low); expected at least \(NumberText.rounded(lo)), found \(NumberText.rounded(hi))",
                           hint: "the audience would reach nobody; raise \(high), lower \(low), or remove one of them")
        }
    }

    // MARK: - Theme cards

    /// One item of `bank.theme_cards:`; every value but the window is required.
    static var themeCard: Section<ThemeCard> {
        Section(defaultValue: ThemeCard(name: "", segments: [], category: .fuel, cashbackRate: 0, spendUplift: 0), fields: [
            .text("name", \.name, rule: .itemName, doc: "Theme card name, used in reports and in --set paths.",
                  source: "required", required: true),
            .names("segments", \.segments, noun: "segment", minimumCount: 1, required: true,
                   doc: "Names of the market segments the card is offered to.",
                   source: "required; the product brief names a car-owner card and a youth card"),
            .category("category", \.category, doc: "Spending category of the card's cashback.",
                      source: "required", required: true),
            .number("cashback_rate", \.cashbackRate, .closed(0, 0.2), unit: "yuan per yuan spent in the category",
                    doc: "Extra rewards in the category for the targeted segments, paid by the bank; the choice between offers sees it.",
                    source: "required; a car-owner card with 3% fuel cashback (product brief)", required: true),
            .number("spend_uplift", \.spendUplift, .closed(0, 5), unit: "fraction (0.3 = +30%)",
                    doc: "Growth of the targeted segments' card spend in the category (more of the wallet comes to the card).",
                    source: "required; set per card", required: true),
        ] + windowFields(\.window, lever: "the theme card"),
                checks: [windowCheck(\.window)])
    }

    // MARK: - Line management and collections

    /// `bank.lines:` periodic credit-line reviews.
    static var lines: Section<LineManagement> {
        let bound = NumberRange.closed(0, LineManagement.bound)
        let boundSource = "assumption; dynamic limits move about +-30% (product brief), the most one review may change"
        return Section(defaultValue: LineManagement(), fields: [
            .integer("review_months", \.reviewMonths, .closed(0, 120), unit: "months",
                     doc: "Months between limit reviews of an account (from month on book 6); 0 = no reviews.",
                     source: "off by default"),
            .number("increase", \.increase, bound, unit: "fraction of the limit",
                    doc: "Limit increase at a review for a current account with a high score and utilization; at most 0.3.",
                    source: boundSource),
            .number("increase_score", \.increaseScore, .closed(-5, 5), unit: "standard-normal score",
                    doc: "Smallest approval score that earns an increase.", source: "assumption"),
            .number("increase_utilization", \.increaseUtilization, .fraction, unit: "fraction of the limit",
                    doc: "Smallest utilization that earns an increase.", source: "assumption"),
            .number("decrease", \.decrease, bound, unit: "fraction of the limit",
                    doc: "Limit cut at a review for a past-due account or one scored below decrease_score (never below what it owes); at most 0.3.",
                    source: boundSource),
            .number("decrease_score", \.decreaseScore, .closed(-5, 5), unit: "standard-normal score",
                    doc: "Approval score below which a review cuts the limit.", source: "assumption"),
        ] + windowFields(\.window, lever: "line management"),
                checks: [windowCheck(\.window)])
    }

    /// `bank.collections:`
    static var collections: Section<Collections> {
        Section(defaultValue: Collections(), fields: [
            .number("intensity", \.intensity, .closed(0, 10), unit: "multiple of the market's cure probability",
                    doc: "Multiplier of past-due accounts' chance of curing (1 = the market's base; roll + cure stays at most 1).",
                    source: "the market's base"),
            .number("cost_per_account", \.costPerAccount, .nonNegative, unit: "yuan per past-due account per month",
                    doc: "Collections cost at intensity 1; the cost scales with intensity.", source: "assumption"),
        ] + windowFields(\.window, lever: "the collections policy"),
                checks: [windowCheck(\.window)])
    }

    /// `bank.dormant_cleanup:` closing long-dormant cards after notice.
    // MARK: - Value beyond the card

    /// `bank.membership:`
    static var membership: Section<Membership> {
        Section(defaultValue: Membership(), fields: [
            .number("monthly_fee", \.monthlyFee, .closed(0, 1000), unit: "yuan per member per month",
                    doc: "Fee a member pays each month; 0 = no membership offered.",
                    source: "off by default; membership subscriptions are named by the source documents (card-issuer memberships sell at about 10-30 yuan a month: assumption)"),
            .number("take_up", \.takeUp, .fraction, unit: "probability per active card per month",
                    doc: "Monthly probability that an active card (used within the dormancy window) not yet a member subscribes.",
                    source: "assumption (0.005-0.03 tried)"),
            .number("churn", \.churn, .fraction, unit: "probability per member per month",
                    doc: "Monthly probability that a member cancels.",
                    source: "assumption (0.03-0.10 tried; low-commitment subscriptions)"),
            .number("spend_uplift", \.spendUplift, .closed(0, 5), unit: "fraction (0.05 = +5%)",
                    doc: "Growth of a member's spend in a month of use.", source: "assumption (0-0.15 tried)"),
            .number("benefit_cost", \.benefitCost, .nonNegative, unit: "yuan per member per month",
                    doc: "What the bank pays for a member's benefits each month.", source: "assumption (a third of a 15-yuan fee)"),
        ] + windowFields(\.window, lever: "the offer", startDoc: "First month new members are taken (1 = from the start of the run); at most run.months.",
                         endDoc: "Last month new members are taken, inclusive (members keep paying until they cancel); null = to the end of the run."),
                checks: [windowCheck(\.window)])
    }

    /// `bank.consumer_loans:`
    static var consumerLoans: Section<ConsumerLoans> {
        Section(defaultValue: ConsumerLoans(), fields: [
            .number("take_up", \.takeUp, .fraction, unit: "probability per eligible card per month",
                    doc: "Monthly probability that an eligible cardholder takes a consumer loan; 0 = no cross-sell.",
                    source: "off by default; card-plus-consumer-loan cross-sell is a lever of the product brief"),
            .integer("minimum_months_on_book", \.minimumMonthsOnBook, .closed(0, 600), unit: "months",
                     doc: "Months on book a card needs before its holder is offered a loan (the card must be open and current).",
                     source: "assumption, not varied (the cross-sell is off by default)"),
            .number("minimum_score", \.minimumScore, .closed(-10, 10), unit: "approval score (standard-normal, higher is safer)",
                    doc: "Lowest approval score offered a loan.", source: "assumption, not varied (the cross-sell is off by default)"),
            .number("income_multiple", \.incomeMultiple, .closed(0, 100), unit: "months of income",
                    doc: "Principal as a multiple of monthly income (then capped, whole thousands of yuan).", source: "assumption, not varied (the cross-sell is off by default)"),
            .number("maximum_amount", \.maximumAmount, .positive, unit: "yuan",
                    doc: "Largest principal.", source: "200,000 yuan: the cap on one borrower's unsecured internet consumer loans (CBIRC interim measures, 2020)"),
            .integer("term_months", \.termMonths, .closed(1, 120), unit: "months",
                     doc: "Term: equal monthly payments of principal and interest.", source: "assumption, not varied (the cross-sell is off by default)"),
            .number("apr", \.apr, .closed(0, 0.36), unit: "fraction per year",
                    doc: "Annual rate of the loans.", source: "assumption (0.04-0.18 tried; banks' unsecured consumer loans to good customers were priced at 3-8% in 2024)"),
            .number("monthly_default", \.monthlyDefault, .fraction, unit: "probability per loan per month at latent risk 0",
                    doc: "Monthly default probability of a loan whose holder has latent risk 0; multiplied by exp(risk_slope x risk).",
                    source: "assumption (0.0005-0.004 tried; banks' consumer-loan NPL ratios were about 1.5-2% in 2023)"),
            .number("risk_slope", \.riskSlope, .closed(0, 5), unit: "per unit of latent risk",
                    doc: "Log change of the default probability per unit of the holder's latent risk.", source: "assumption, not varied (the cross-sell is off by default)"),
            .number("recovery_rate", \.recoveryRate, .fraction, unit: "fraction of the defaulted balance",
                    doc: "Share of a defaulted balance recovered.", source: "assumption, not varied (the cross-sell is off by default)"),
        ] + windowFields(\.window, lever: "the cross-sell", startDoc: "First month loans are offered (1 = from the start of the run); at most run.months.",
                         endDoc: "Last month loans are offered, inclusive (loans booked keep amortising); null = to the end of the run."),
                checks: [windowCheck(\.window)])
    }

    static var dormantCleanup: Section<DormantCleanup> {
        Section(defaultValue: DormantCleanup(), fields: [
            .integer("after_months", \.afterMonths, .closed(0, 240), unit: "months without spend",
                     doc: "Months without a customer-initiated transaction (and no balance) after which a card is closed; notice goes out when it becomes long-dormant (market.behaviour.long_dormancy_months); 0 = no clean-up.",
                     source: "off by default; the 2022 card notice asks issuers to keep long-dormant cards at most 20% of cards in force"),
            .number("notice_response", \.noticeResponse, .fraction, unit: "probability",
                    doc: "Chance that a notice makes the holder use the card in the notice month (one swipe keeps the card).",
                    source: "assumption; range tried 0-0.2"),
            .number("cost_per_notice", \.costPerNotice, .nonNegative, unit: "yuan per notice",
                    doc: "Cost of a notice (message and letter), counted in campaign cost.", source: "assumption"),
        ] + windowFields(\.window, lever: "the dormant-card clean-up"),
                checks: [windowCheck(\.window)])
    }

    /// Reports a list longer than the engine tracks (alliances, theme cards).
    static func checkTrackedCount<Item>(noun: String) -> ([Item], [DocumentNode], inout DecodeContext, String) -> Void {
        { items, _, context, path in
            guard items.count > LeverContext.maximumTracked else { return }
            context.report(context.location(path),
                           "too many \(noun)s in \(path); expected at most \(LeverContext.maximumTracked), found \(items.count)")
        }
    }
}

extension PricingTier {
    /// Pricing tiers have no names; their paths use the index (`bank.pricing_tiers[0]`).
    var listName: String { "" }
}

extension LimitBand {
    /// Limit bands have no names; their paths use the index (`bank.risk.limit_bands[0]`).
    var listName: String { "" }
}
