import CardsimEngine

extension Tables {
    static let competitorKinds: [(name: String, value: Competitor.Kind)] = [
        ("national_bank", .nationalBank), ("regional_bank", .regionalBank), ("internet_platform", .internetPlatform),
    ]

    /// One item of `competitors:`; the offer is required, reach, strictness, holders and moves
    /// have defaults.
    static var competitor: Section<Competitor> {
        let offerSource = "required; set per scenario"
        return Section(defaultValue: Competitor(name: "", kind: .regionalBank,
                                                offer: Offer(apr: 0, annualFee: 0, rewardsRate: 0, interestFreeDays: 0)),
                       fields: [
            .text("name", \.name, rule: .itemName, doc: "Competitor name, used in reports and in --set paths.",
                  source: "required", required: true),
            .choice("kind", \.kind, options: competitorKinds,
                    doc: "Kind of issuer: a national bank, another regional bank or an internet consumer-finance platform.",
                    source: "the three kinds of competitor in the product brief", required: true),
            .number("apr", \.offer.apr, .fraction, unit: "fraction per year",
                    doc: "Revolving APR of the competitor's card.", source: offerSource, required: true),
            .number("annual_fee", \.offer.annualFee, .nonNegative, unit: "yuan",
                    doc: "Annual fee of the competitor's card.", source: offerSource, required: true),
            .number("rewards_rate", \.offer.rewardsRate, .closed(0, 0.2), unit: "yuan per yuan spent",
                    doc: "Value of rewards given back per yuan of spend.", source: offerSource, required: true),
            .number("interest_free_days", \.offer.interestFreeDays, .closed(0, 365), unit: "days",
                    doc: "Interest-free days on purchases.", source: offerSource, required: true),
            .number("reach", \.reach, .closed(0, 20), unit: "channel-equivalents",
                    doc: "Marketing reach: weight of the competitor in a prospect's choice, on the scale of the bank's channel reach (sum of intensity x affinity).",
                    source: "assumption; calibrate to the bank's share of new accounts"),
            .number("strictness", \.strictness, .fractionBelowOne, unit: "fraction of applicants",
                    doc: "Share of its applicants the competitor rejects, the riskiest first by its own score (correlation 0.6 with creditworthiness); internet platforms approve almost instantly (low strictness).",
                    source: "assumption"),
            .number("initial_holders", \.initialHolders, .fraction, unit: "fraction of adults",
                    doc: "Share of the region's adults holding the competitor's card at month 0 (drawn independently of other cards).",
                    source: "assumption"),
            .number("brand_value", \.brandValue, .closed(-100_000, 100_000), unit: "yuan per year",
                    doc: "Value of the issuer's brand and ecosystem to a customer, added to the money value of its offer.",
                    source: "0; national banks' brands and ecosystems are named in the product brief (assumption where set)"),
            .list("moves", \.moves, item: competitorMove, noun: "move", name: \.name,
                  doc: "Scripted and reactive changes of the competitor's terms; each fires at most once and is recorded in moves.csv.",
                  source: "none", check: checkMoves),
        ])
    }

    static let matchFields: [(name: String, value: OfferField?)] =
        [("none", nil)] + [OfferField.apr, .annualFee, .rewardsRate, .interestFreeDays].map { ($0.rawValue, $0) }

    /// One item of `competitors[].moves:`.
    static var competitorMove: Section<CompetitorMove> {
        let setFields: [Field<CompetitorMove>] = OfferField.allCases.enumerated().map { k, field in
            let range: NumberRange, unit: String
            switch field {
            case .apr: (range, unit) = (.fraction, "fraction per year")
            case .annualFee: (range, unit) = (.nonNegative, "yuan")
            case .rewardsRate: (range, unit) = (.closed(0, 0.2), "yuan per yuan spent")
            case .interestFreeDays: (range, unit) = (.closed(0, 365), "days")
            case .reach: (range, unit) = (.closed(0, 20), "channel-equivalents")
            case .strictness: (range, unit) = (.fractionBelowOne, "fraction of applicants")
            }
            return .optionalNumber(field.rawValue, \CompetitorMove.set[k], range, unit: unit,
                                   doc: "New \(field.rawValue.replacingOccurrences(of: "_", with: " ")) from the month the move fires; null = unchanged.",
                                   source: "none")
        }
        return Section(defaultValue: CompetitorMove(), fields: [
            .text("name", \.name, rule: .itemName, doc: "Name of the move, used in moves.csv and in --set paths.",
                  source: "required", required: true),
            .choice("kind", \.kind, options: [("scripted", .scripted), ("reactive", .reactive)],
                    doc: "scripted: fires at `month`; reactive: fires `lag` months after the bank's share of new accounts has exceeded `share_above` for `for_months` consecutive months.",
                    source: "required", required: true),
            .optionalInteger("month", \.month, .closed(1, RunLimits.maximumMonths), unit: "month of the run",
                             doc: "Scripted moves: the first month of the new terms. Null for reactive moves.", source: "none"),
            .number("share_above", \.shareAbove, .fraction, unit: "fraction of new accounts",
                    doc: "Reactive moves: the bank's share of the region's new accounts that counts as a threat.", source: "assumption"),
            .integer("for_months", \.forMonths, .closed(1, RunLimits.maximumMonths), unit: "months",
                     doc: "Reactive moves: consecutive months above share_above that trigger the move.", source: "assumption"),
            .integer("lag", \.lag, .closed(1, RunLimits.maximumMonths), unit: "months",
                     doc: "Reactive moves: months from the trigger to the new terms.", source: "assumption"),
            .choice("match", \.match, options: matchFields,
                    doc: "Field set to the bank's value in force when the move fires (never worse for the customer than the competitor's own), or none.",
                    source: "none"),
            .optionalNumber("cap", \.cap, .nonNegative, unit: "unit of the matched field",
                            doc: "Bound on the matched value: a ceiling for rewards_rate and interest_free_days, a floor for apr and annual_fee; null = no bound.",
                            source: "none"),
        ] + setFields, checks: [
            SectionCheck(fields: ["kind", "month"]) { move, context, path in
                switch move.kind {
                case .scripted where move.month == nil:
                    context.report(context.location("\(path).month", path),
                                   "scripted move \(path) has no month; expected the month its terms take effect, found null",
                                   hint: "add e.g. month: 13, or make it kind: reactive")
                case .reactive where move.month != nil:
                    context.report(context.location("\(path).month"),
                                   "reactive move \(path) has a month; expected null (a reactive move fires when its condition holds), found \(move.month!)",
                                   hint: "remove month, or make it kind: scripted")
                default: break
                }
            },
            SectionCheck(fields: ["match"]) { move, context, path in
                if move.match == nil && move.set.allSatisfy({ $0 == nil }) {
                    context.report(context.location(path),
                                   "move \(path) changes nothing; expected match or at least one of \(OfferField.allCases.map(\.rawValue).joined(separator: ", "))")
                }
            },
        ])
    }

    /// At most `MoveIndex.maximum` moves in a competitor's list (the ledger's bit mask).
    private static func checkMoves(_ moves: [CompetitorMove], _ nodes: [DocumentNode], _ context: inout DecodeContext, _ path: String) {
        if moves.count > MoveIndex.maximum {
            context.report(context.location(path), "too many moves in \(path); expected at most \(MoveIndex.maximum), found \(moves.count)")
        }
    }

    /// At most `Competitor.maximumCount` competitors and `MoveIndex.maximum` moves in all.
    static func checkCompetitors(_ competitors: [Competitor], _ nodes: [DocumentNode], _ context: inout DecodeContext, _ path: String) {
        if competitors.count > Competitor.maximumCount {
            context.report(context.location(path),
                           "too many competitors in \(path); expected at most \(Competitor.maximumCount), found \(competitors.count)")
        }
        let moves = competitors.reduce(0) { $0 + $1.moves.count }
        if moves > MoveIndex.maximum {
            context.report(context.location(path), "too many competitor moves in \(path); expected at most \(MoveIndex.maximum) in all, found \(moves)")
        }
    }
}
