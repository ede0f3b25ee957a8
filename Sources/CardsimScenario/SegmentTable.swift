import CardsimEngine

extension Tables {
    /// One item of `market.segments:`. Defaults apply to a segment written in a scenario; the six
    /// default segments set most values themselves (see `DefaultMarket`).
    static var segment: Section<Segment> {
        Section(defaultValue: Segment(name: "", share: 0, incomeMedian: 0), fields: [
            .text("name", \.name, rule: .itemName,
                  doc: "Segment name, used in reports and in --set paths.", source: "required", required: true),
            .number("share", \.share, NumberRange(minimum: 0, maximum: 1, minimumExclusive: true), unit: "fraction of adults",
                    doc: "Share of the region's adults in the segment; all shares sum to 1.",
                    source: "required", required: true),
            .number("income_median", \.incomeMedian, .positive, unit: "yuan per month",
                    doc: "Median monthly income; income is lognormal around it.",
                    source: "required", required: true),
            .number("income_sigma", \.incomeSigma, .closed(0, 3), unit: "log yuan",
                    doc: "Standard deviation of log income.", source: "assumption"),
            .number("risk_mean", \.riskMean, .closed(-5, 5), unit: "z-score",
                    doc: "Mean latent credit risk (0 = average, +1 = one standard deviation riskier).", source: "assumption"),
            .number("risk_sigma", \.riskSigma, .closed(0, 5), unit: "z-score",
                    doc: "Standard deviation of latent risk within the segment.", source: "assumption"),
            .number("spend_share_of_income", \.spendShareOfIncome, .closed(0, 3), unit: "fraction of monthly income",
                    doc: "Median monthly card spend in a month the card is used.", source: "assumption"),
            .number("spend_sigma", \.spendSigma, .closed(0, 3), unit: "log yuan",
                    doc: "Standard deviation of log monthly spend around its median.", source: "assumption"),
            .number("engagement_logit", \.engagementLogit, .closed(-10, 10), unit: "log-odds",
                    doc: "Log-odds of using the card in a month while active, at the segment mean.", source: "assumption"),
            .number("engagement_sigma", \.engagementSigma, .closed(0, 5), unit: "log-odds",
                    doc: "Standard deviation of engagement log-odds between agents.", source: "assumption"),
            .number("occasional_share", \.occasionalShare, .fraction, unit: "fraction of agents",
                    doc: "Share of agents who are occasional users (usage probability around occasional_usage, instead of the engagement distribution).",
                    source: "assumption, calibrated so that active and long-dormant shares sit in their bands together"),
            .number("occasional_usage", \.occasionalUsage, NumberRange(minimum: 0, maximum: 1, minimumExclusive: true, maximumExclusive: true), unit: "probability per month",
                    doc: "Median monthly usage probability of an occasional user (log-odds spread 0.5).", source: "assumption"),
            .number("revolver_share", \.revolverShare, .fraction, unit: "fraction of agents",
                    doc: "Share of agents who revolve (pay part of the statement) rather than pay in full.", source: "assumption"),
            .number("pay_fraction_low", \.payFractionLow, .fraction, unit: "fraction of the statement",
                    doc: "Lowest payment fraction of a revolver (uniform between low and high).", source: "assumption"),
            .number("pay_fraction_high", \.payFractionHigh, .fraction, unit: "fraction of the statement",
                    doc: "Highest payment fraction of a revolver; at least pay_fraction_low.", source: "assumption"),
            .number("price_sensitivity", \.priceSensitivity, .closed(0, 10), unit: "",
                    doc: "Weight of price (APR, fees) in the choice between card offers.", source: "assumption"),
            .number("reward_sensitivity", \.rewardSensitivity, .closed(0, 10), unit: "",
                    doc: "Weight of rewards in the choice between card offers.", source: "assumption"),
            .number("apply_propensity", \.applyPropensity, .fraction, unit: "probability per month",
                    doc: "Chance that a prospect applies for some card when reached by a channel of intensity 1.",
                    source: "assumption"),
            .numberMap("channel_affinity", \.channelAffinity, .closed(0, 100), unit: "factor",
                       doc: "Reach of each acquisition channel in the segment, by channel name; a channel not listed has 1.",
                       source: "assumption"),
            .categoryShares("category_mix", \.categoryMix,
                            doc: "Shares of spend by category (groceries, dining, fuel, travel, online, education, other); they sum to 1.",
                            source: "assumption"),
            .number("initial_penetration", \.initialPenetration, .fraction, unit: "fraction of the segment",
                    doc: "Share of the segment that already holds the bank's card at month 0.", source: "assumption"),
            .number("cash_installment_propensity", \.cashInstallmentPropensity, .fraction, unit: "probability per month",
                    doc: "Chance of taking a cash installment in a month when eligible.", source: "assumption"),
            .number("bill_installment_propensity", \.billInstallmentPropensity, .fraction, unit: "probability per month",
                    doc: "Chance that a revolver converts a large statement into a bill installment.", source: "assumption"),
        ], checks: [
            SectionCheck(fields: ["pay_fraction_low", "pay_fraction_high"]) { segment, context, path in
                guard segment.payFractionLow > segment.payFractionHigh else { return }
                context.report(context.location("\(path).pay_fraction_low", "\(path).pay_fraction_high"),
                               "pay_fraction_low above pay_fraction_high in \(path); expected at most \(NumberText.format(segment.payFractionHigh)), found \(NumberText.format(segment.payFractionLow))")
            },
        ])
    }
}
