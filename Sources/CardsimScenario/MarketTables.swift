import CardsimEngine

extension Tables {
    /// `market:` the region, its segments, card behaviour and credit dynamics.
    static var market: Section<Market> {
        Section(defaultValue: Market(adults: 0, segments: DefaultMarket.segments), fields: [
            .integer("adults", \.adults, .atLeast(1), unit: "adults",
                     doc: "Adults living in the region.",
                     source: "required; 3,000,000 in scenarios/baseline.yaml", required: true),
            .list("segments", \.segments, item: segment, noun: "segment", name: \.name, minimumCount: 1,
                  doc: "Customer segments; their shares sum to 1. Omit the key to use the six default segments.",
                  source: "segments named in the product brief (see Default segments)",
                  check: checkShares),
            .section("behaviour", \.behaviour, behaviour,
                     doc: "Card-usage behaviour shared by all segments."),
            .section("credit", \.credit, credit,
                     doc: "Delinquency roll and cure rates, charge-off and recoveries."),
            .section("regulation", \.regulation, regulation,
                     doc: "Rules the regulator sets for every issuer: the long-dormant card ceiling, the APR ceiling, the interchange cap."),
            .section("responses", \.responses, responses,
                     doc: "How existing cardholders answer the APR, points, installment fee and fee waiver."),
            .section("choice", \.choice, choice,
                     doc: "How prospects and holders value offers in money (applications, share of wallet, switching)."),
            .names("target_segments", \.targetSegments, noun: "segment", minimumCount: 0,
                   doc: "The bank plan's target segments, for the KPI target_segment_share (share of new accounts in them).",
                   source: "none; the product brief's plan wants 70%+ of new accounts in its target segments"),
            .section("complaints", \.complaints, complaints,
                     doc: "How complaints arise, for the KPI complaint_rate (expected complaints per card-year)."),
        ], checks: [
            SectionCheck(fields: ["target_segments", "segments"]) { market, context, path in
                let known = market.segments.map(\.name)
                for (k, name) in market.targetSegments.enumerated() where !known.contains(name) {
                    context.report(context.location("\(path).target_segments[\(k)]"),
                                   "unknown segment in \(path).target_segments; expected one of \(known.joined(separator: ", ")), found '\(name)'",
                                   hint: Suggestion.nearest(to: name, among: known).map { "did you mean '\($0)'?" })
                }
            },
        ])
    }

    /// `market.complaints:` (every rate an assumption; docs/model/accounting-and-kpis.md).
    static var complaints: Section<Complaints> {
        Section(defaultValue: Complaints(), fields: [
            .number("per_fee_on_barely_used_card", \.perFeeOnBarelyUsedCard, .fraction, unit: "complaints per fee",
                    doc: "Expected complaints per annual fee charged to a card swiped at most barely_used_swipes times in its card year.",
                    source: "assumption (0.01-0.05 tried); fee disputes on unused cards lead card complaints to Chinese regulators"),
            .integer("barely_used_swipes", \.barelyUsedSwipes, .closed(0, 1000), unit: "swipes per card year",
                     doc: "Swipes in a card year at or below which a charged annual fee counts as on a barely used card.",
                     source: "assumption"),
            .number("per_collections_contact", \.perCollectionsContact, .fraction, unit: "complaints per account-month",
                    doc: "Expected complaints per account-month in collections (1+ days past due).",
                    source: "assumption (0.001-0.005 tried); collection practices are the other large source of card complaints"),
            .number("per_repeat_marketing_contact", \.perRepeatMarketingContact, .fraction, unit: "complaints per contact",
                    doc: "Expected complaints per customer contacted by more than one campaign in a month.",
                    source: "assumption (0.005-0.05 tried)"),
        ])
    }

    /// `market.regulation:`
    static var regulation: Section<Regulation> {
        Section(defaultValue: Regulation(), fields: [
            .number("long_dormant_ceiling", \.longDormantCeiling, .fraction, unit: "fraction of cards in force",
                    doc: "Ceiling on long-dormant cards (no customer-initiated transaction for long_dormancy_months and no balance).",
                    source: "0.20: CBIRC and PBOC credit-card notice of July 2022"),
            .boolean("issuance_stop", \.issuanceStop,
                     doc: "Whether the bank may issue no new cards in a month that opens with the long-dormant share above the ceiling.",
                     source: "off by default; the 2022 notice bars new issuance above the ceiling"),
            .number("apr_ceiling", \.aprCeiling, .closed(0, Regulation.aprCeilingLimit), unit: "fraction per year",
                    doc: "Highest APR any strategy may charge (product and pricing tiers); at most 0.36.",
                    source: "0.24: regulators' guidance that a lender's comprehensive annual cost stay within 24%; interest above 36% a year is void under the Supreme People's Court's private-lending rules (2015), the limit of this value"),
            .number("interchange_cap", \.interchangeCap, .fraction, unit: "fraction of spend",
                    doc: "Cap on the issuer's service fee (interchange) on credit-card spend; every bank.economics.interchange_rates entry must be at most this.",
                    source: "0.0045: the 2016 bank-card fee reform (NDRC and PBOC) caps the issuer's service fee on credit cards at 0.45%"),
        ])
    }

    /// `market.behaviour:`
    static var behaviour: Section<Behaviour> {
        Section(defaultValue: Behaviour(), fields: [
            .number("initial_activated_share", \.initialActivatedShare, .fraction, unit: "fraction of the month-0 book",
                    doc: "Share of the cards held at month 0 that have been activated; the rest were issued and never used.",
                    source: "calibrated: active-card rate and long-dormant share (see Calibration)"),
            .number("activation_probability", \.activationProbability, .fraction, unit: "probability per month",
                    doc: "Chance that a new account makes its first swipe in its first month on book.",
                    source: "calibrated to scenarios/targets/china-2024.yaml by make calibrate (docs/calibration.md): 0.146 ± 0.009, from the active-card rate (product brief: below 60%) and the long-dormant share"),
            .number("activation_decay", \.activationDecay, .fraction, unit: "factor per month",
                    doc: "Factor applied to the activation probability for each further month without a first swipe.",
                    source: "assumption"),
            .integer("dormancy_months", \.dormancyMonths, .closed(1, 120), unit: "months",
                     doc: "Months without spend after which an activated card counts as dormant.",
                     source: "assumption: the six-month horizon of the dormant-reactivation figure (product brief)"),
            .integer("long_dormancy_months", \.longDormancyMonths, .closed(1, 240), unit: "months",
                     doc: "Months without spend after which a card counts as long-dormant; at least dormancy_months.",
                     source: "regulatory definition of a long-dormant card, 18 months without a transaction, at most 20% of cards (2022 credit card notice; not in the product brief)"),
            .number("dormant_usage_factor", \.dormantUsageFactor, .fraction, unit: "factor",
                    doc: "Factor on the monthly usage probability once a card is dormant (habit loss).",
                    source: "calibrated: long-dormant share at most 20% (see Calibration); a reactivation funnel woke 21% of dormant customers in 6 months (product brief)"),
            .number("base_attrition", \.baseAttrition, .fraction, unit: "probability per month",
                    doc: "Chance that an open account with no balance is closed by its holder in a month.",
                    source: "assumption: about 3.5% of such accounts a year"),
            .number("balance_attrition", \.balanceAttrition, .fraction, unit: "probability per month",
                    doc: "Chance that a current holder with a balance pays it off and closes the card in a month (refinancing, consolidating, moving).",
                    source: "assumption, range tried 0-0.008: 0.002, about 2.4% a year, besides the balance transfers of market.responses (0.2% a month at the reference APR); without them revolvers leave only by default, and the book's risk drifts down for decades"),
            .integer("return_after_closing_months", \.returnAfterClosingMonths, .closed(0, 255), unit: "months",
                     doc: "Months after closing a card before the former holder may apply again (a prospect).",
                     source: "assumption"),
            .integer("credit_record_months", \.creditRecordMonths, .closed(0, 255), unit: "months",
                     doc: "Months a charge-off stays on the credit record before the former holder is a prospect again.",
                     source: "60: China's credit-reporting regulation keeps negative records for five years (征信业管理条例, article 16)"),
            .number("switching_rate", \.switchingRate, .fraction, unit: "probability per month",
                    doc: "Chance that a holder who owes nothing compares its card with the competitors' in a month; it leaves for competitor k with this times k's reach-weighted logit share.",
                    source: "assumption: with the baseline competitors about 2% of such holders a year leave for a competitor"),
            .number("dormant_attrition", \.dormantAttrition, .fraction, unit: "probability per month",
                    doc: "Extra monthly closing chance of a dormant or never-activated card.",
                    source: "calibrated to scenarios/targets/china-2024.yaml by make calibrate (docs/calibration.md): 0.029 ± 0.003, from the long-dormant share (regulation: at most 20%) and the active-card rate"),
            .number("fee_attrition", \.feeAttrition, .fraction, unit: "probability",
                    doc: "Chance of closing the card in a month when an annual fee is charged (not waived).",
                    source: "assumption"),
            .integer("reapply_cooldown_months", \.reapplyCooldownMonths, .closed(0, 120), unit: "months",
                     doc: "Months a rejected applicant waits before it can apply again.",
                     source: "assumption"),
            .number("bill_installment_threshold", \.billInstallmentThreshold, .nonNegative, unit: "yuan",
                    doc: "Statement balance at or above which a revolver may convert it into a bill installment.",
                    source: "assumption"),
            .number("bill_installment_share", \.billInstallmentShare, .fraction, unit: "fraction of the statement",
                    doc: "Share of the statement converted into a bill installment.",
                    source: "assumption"),
        ], checks: [
            SectionCheck(fields: ["dormancy_months", "long_dormancy_months"]) { behaviour, context, path in
                guard behaviour.longDormancyMonths < behaviour.dormancyMonths else { return }
                context.report(context.location("\(path).long_dormancy_months", "\(path).dormancy_months"),
                               "long_dormancy_months below dormancy_months in \(path); expected at least \(behaviour.dormancyMonths), found \(behaviour.longDormancyMonths)")
            },
        ])
    }

    /// Names of the delinquency buckets, in the order of `base_roll` and `base_cure`.
    static let bucketLabels = ["current", "1-29", "30-59", "60-89", "90-119", "120-149", "150-179 days past due"]

    /// `market.credit:`
    static var credit: Section<CreditDynamics> {
        Section(defaultValue: CreditDynamics(), fields: [
            .numbers("base_roll", \.baseRoll, labels: bucketLabels, .fractionBelowOne, unit: "probability per month",
                     doc: "Base chance of rolling from each bucket to the next (entry 0: current to 1-29 days).",
                     source: "calibrated: first roll to the 6-month overdue ratio 1.1-1.8% and NPL ratio 1.5-3.5% (see Calibration); later rolls assumption"),
            .numbers("base_cure", \.baseCure, labels: bucketLabels, .fraction, unit: "probability per month",
                     doc: "Base chance of curing from each bucket back to current (entry 0 unused); base_roll + base_cure at most 1.",
                     source: "assumption; same calibration targets as base_roll"),
            .number("risk_slope", \.riskSlope, .closed(0, 10), unit: "log-odds per unit of risk",
                    doc: "Change in the log-odds of rolling per unit of the agent's latent risk z-score.",
                    source: "calibrated: application scorecard AUC 0.66-0.76 on the accounts booked (see Calibration)"),
            .number("utilization_slope", \.utilizationSlope, .closed(0, 10), unit: "log-odds per unit of utilization",
                    doc: "Change in the log-odds of rolling per unit of utilization above 30% (with behaviour_feedback).",
                    source: "calibrated to scenarios/targets/china-2024.yaml by make calibrate (docs/calibration.md): 0.55 ± 0.44, weakly identified by the 6-month overdue ratio 1.42% (PBOC) and card NPL ratios; assumption within 0.3-1.5"),
            .number("unemployment_slope", \.unemploymentSlope, .closed(0, 10), unit: "log-odds per percentage point",
                    doc: "Change in the log-odds of rolling per point of unemployment above its long-run mean (with behaviour_feedback).",
                    source: "assumption"),
            .boolean("behaviour_feedback", \.behaviourFeedback,
                     doc: "Whether utilization and unemployment move roll rates; false gives a fixed chain per agent.",
                     source: "model choice"),
            .number("recovery_rate", \.recoveryRate, .fraction, unit: "fraction of the charged-off balance",
                    doc: "Share of a charged-off balance recovered, booked in the month of charge-off.",
                    source: "assumption"),
            .integer("write_off_days", \.writeOffDays, .closed(180, 720), unit: "days past due",
                     doc: "Days past due at which a balance is written off, in steps of 30; past 180 days the account pays nothing, accrues nothing and cannot cure until then. Balances past 180 days and not yet written off are PBOC's 6-month overdue balances.",
                     source: "assumption: 360; PBOC's 6-month overdue ratio (1.09% in 2022 Q1, 1.43% at end 2024) counts balances not yet written off, so Chinese issuers write off later than 180 days"),
            .number("seasoning_lift", \.seasoningLift, .atLeast(0), unit: "log-odds",
                    doc: "Roll log-odds added at the peak of the seasoning curve lift x (m/peak) exp(1 - m/peak), m months on book (vintage risk); 0 turns it off.",
                    source: "assumption, range tried 0-1.5: 1.0 gives new accounts' roll hazards peaking around 12 months on book (see Calibration)"),
            .number("seasoning_peak_months", \.seasoningPeakMonths, .closed(1, 120), unit: "months on book",
                    doc: "Months on book at which the seasoning lift peaks.",
                    source: "assumption: 12 (card vintages' delinquency peaks in their first two years)"),
        ], checks: [
            SectionCheck(fields: ["base_roll", "base_cure"]) { credit, context, path in
                for bucket in 1..<CreditDynamics.buckets where credit.baseRoll[bucket] + credit.baseCure[bucket] > 1 + 1e-12 {
                    context.report(context.location("\(path).base_cure[\(bucket)]", "\(path).base_roll[\(bucket)]"),
                                   "base_roll[\(bucket)] + base_cure[\(bucket)] above 1 in \(path); expected a total of at most 1, found \(NumberText.rounded(credit.baseRoll[bucket] + credit.baseCure[bucket]))")
                }
            },
            SectionCheck(fields: ["write_off_days"]) { credit, context, path in
                if credit.writeOffDays % 30 != 0 {
                    context.report(context.location("\(path).write_off_days"),
                                   "\(path).write_off_days is \(credit.writeOffDays); expected a multiple of 30 days (180, 210, ... 720)")
                }
            },
        ])
    }

    /// Segment shares sum to 1 when every share was read.
    private static func checkShares(_ segments: [Segment], _ nodes: [DocumentNode], _ context: inout DecodeContext, _ path: String) {
        let sharePaths = ListPath.items(path, nodes).map { $0 + ".share" }
        guard !segments.isEmpty, !context.hasFailed(sharePaths) else { return }
        let total = segments.reduce(0) { $0 + $1.share }
        if abs(total - 1) > 1e-9 {
            context.report(context.location(path),
                           "shares in \(path) do not sum to 1; expected a total of 1, found \(NumberText.rounded(total))")
        }
    }
}
