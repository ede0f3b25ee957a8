import CardsimEngine

extension Tables {
    /// `market.responses:` how existing cardholders answer prices and rewards (`Responses`).
    static var responses: Section<Responses> {
        Section(defaultValue: Responses(), fields: [
            .number("reference_apr", \.referenceAPR, .closed(0.01, 1), unit: "fraction per year",
                    doc: "APR at which balances and pay rates are calibrated; the APR responses are measured from it.",
                    source: "0.1825: the customary 0.05% a day at which the shipped book is calibrated"),
            .number("debt_elasticity", \.debtElasticity, .closed(-10, 0), unit: "elasticity",
                    doc: "Elasticity of card debt to the APR at the reference APR (net borrowing plus balance shifting).",
                    source: "-1.3: long-run elasticity of card debt to the interest rate (Gross & Souleles 2002, QJE)"),
            .number("balance_shift_share", \.balanceShiftShare, .fraction, unit: "fraction of the elasticity",
                    doc: "Share of the debt elasticity that is balance shifting to other issuers (transfer_* below); the rest moves revolvers' pay fractions.",
                    source: "0.4: less than half of the elasticity is balance shifting across cards (Gross & Souleles 2002)"),
            .number("transfer_rate", \.transferRate, .fraction, unit: "probability per month",
                    doc: "Monthly chance that a current revolver of latent risk 0 with a balance transfers it to another issuer and closes the card, when its APR equals the lowest competitor APR in force (the reference APR without competitors).",
                    source: "calibrated with transfer_apr_slope so that transfers give the balance-shifting part of the elasticity (see Calibration); assumption, range tried 0.001-0.004"),
            .number("transfer_apr_slope", \.transferAPRSlope, .closed(0, 100), unit: "log change per unit of APR",
                    doc: "Log change of the transfer probability per unit of APR above the lowest competitor APR (16: +17% per APR point).",
                    source: "calibrated: balance-shifting part of the Gross & Souleles elasticity (see Calibration); assumption, range tried 8-24"),
            .number("transfer_risk_slope", \.transferRiskSlope, .closed(0, 5), unit: "log change per unit of risk",
                    doc: "Log change of the transfer probability per unit of latent risk, subtracted: low-risk revolvers have better offers elsewhere and leave first.",
                    source: "assumption, range tried 0-1: the direction is Ausubel's adverse selection (1999; riskier borrowers accept inferior terms)"),
            .number("reference_rewards_rate", \.referenceRewardsRate, .closed(0, 0.2), unit: "yuan per yuan spent",
                    doc: "Points value per yuan at which the segments' spend is calibrated; the spend response is measured from it.",
                    source: "0.004: the shipped product's points value"),
            .number("reward_spend_response", \.rewardSpendResponse, .closed(0, 10), unit: "relative change per 0.01 of points value",
                    doc: "Relative change of a category's spend per 1% of points value above the reference, times the agent's reward sensitivity.",
                    source: "0.32: a 1% cash-back programme raised card spending by 32% (Agarwal, Ang, Wang & Zhang 2023); 1% cash back raised spending by $68 a month in the first quarter (Agarwal, Chakravorti & Lunn 2010)"),
            .number("reference_installment_fee_rate", \.referenceInstallmentFeeRate, .closed(0.0001, 0.05), unit: "fraction of principal per month",
                    doc: "Installment fee rate at which installment take-up is calibrated.",
                    source: "0.006: the shipped product's fee"),
            .number("installment_fee_elasticity", \.installmentFeeElasticity, .closed(-10, 0), unit: "elasticity",
                    doc: "Elasticity of bill- and cash-installment take-up to the installment fee rate.",
                    source: "assumption, range tried -0.5 to -2: -1.0"),
            .number("swipes_at_full_use", \.swipesAtFullUse, .closed(0, 200), unit: "swipes per month of use",
                    doc: "Swipes in a month of use by an agent who uses its card every month; scaled by the agent's usage probability and the month's amount (a light user swipes once or twice).",
                    source: "assumption, range tried 6-20: 12 gives about 10 swipes a month on an active card"),
            .integer("waiver_chase_months", \.waiverChaseMonths, .closed(0, 12), unit: "months",
                     doc: "Months at the end of a card year in which a holder short of the fee waiver may swipe to reach it (0: nobody does).",
                     source: "assumption: 3"),
            .number("waiver_chase_probability", \.waiverChaseProbability, .fraction, unit: "probability per month",
                    doc: "Monthly chance (times the holder's price sensitivity) that a holder who can still reach the waiver uses its card to do so.",
                    source: "assumption, range tried 0.1-0.6: 0.35"),
            .integer("chase_swipes_per_month", \.chaseSwipesPerMonth, .closed(0, 100), unit: "swipes per month",
                     doc: "Swipes a month a holder will make to reach the waiver: it is attainable if the swipes lacking are at most this times the months left.",
                     source: "assumption, range tried 1-3: 1 (a holder adds a small purchase a month, not a shopping spree)"),
            .number("chase_ticket", \.chaseTicket, .nonNegative, unit: "yuan per swipe",
                    doc: "Amount of each small purchase made only to reach the waiver.",
                    source: "assumption: 50"),
        ])
    }

    /// `market.choice:` how prospects and holders value offers (`ChoiceSettings`, `OfferValuation`).
    static var choice: Section<ChoiceSettings> {
        Section(defaultValue: ChoiceSettings(), fields: [
            .number("value_scale", \.valueScale, .closed(1, 1_000_000), unit: "yuan per year per unit of utility",
                    doc: "Yuan a year of offer value that change the logit utility by 1 for a segment of median income 10,000 yuan a month (proportional to the median income in others): smaller makes customers more price and reward responsive.",
                    source: "assumption, range tried 300-1500: 1000, with the competitors' brand values calibrated to the bank's share of new accounts (about half); 300 made a 0.2-point rewards change move new accounts by 60%"),
            .number("interest_salience", \.interestSalience, .fraction, unit: "weight",
                    doc: "Weight applicants give the interest they expect to pay.",
                    source: "assumption, range tried 0.1-0.5: 0.1; card rates are sticky because customers hardly shop on the interest rate (Ausubel 1991, AER) and underestimate their future borrowing (Ausubel 1999)"),
            .number("time_value", \.timeValue, .fraction, unit: "fraction per year",
                    doc: "Customers' time value of money, for the value of interest-free days to a transactor.",
                    source: "assumption: about a deposit rate plus a margin, 0.03"),
            .number("sensitivity_spread", \.sensitivitySpread, .closed(0, 3), unit: "log scale",
                    doc: "Spread of price and reward sensitivities within a segment: low and high responder halves with multipliers 2 Phi(-s) and 2 Phi(s) of the segment's value.",
                    source: "assumption, range tried 0-1: 0.5 (multipliers 0.62 and 1.38)"),
            .number("price_risk_correlation", \.priceRiskCorrelation, .closed(-1, 1), unit: "correlation",
                    doc: "Correlation of being a high price responder with low latent risk: riskier agents are less price sensitive.",
                    source: "assumption, range tried 0-0.5: riskier borrowers have higher reservation rates (Ausubel 1999)"),
        ])
    }
}
