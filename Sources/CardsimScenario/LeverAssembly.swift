import CardsimEngine

/// What the strategy levers need once the strategies are assembled: each challenger's fallback
/// to the champion, and the checks that span sections (lever windows against `run.months`, the
/// champion's windows, theme cards' segment names).
enum LeverAssembly {
    /// What a challenger falls back on outside its product, risk and channel windows.
    static func fallback(of champion: Strategy) -> Strategy.Fallback {
        Strategy.Fallback(product: champion.product, risk: champion.risk, channels: champion.channels,
                          pricingTiers: champion.pricingTiers)
    }

    /// `strategy` with the windows of sections it does not change taken from the champion: a
    /// window on a product (or risk policy, or channel list) equal to the champion's changes
    /// nothing.
    static func withoutIdleWindows(_ strategy: Strategy, champion: Strategy) -> Strategy {
        var s = strategy
        if s.product == champion.product, s.pricingTiers == champion.pricingTiers { s.productWindow = champion.productWindow }
        if s.risk == champion.risk { s.riskWindow = champion.riskWindow }
        if s.channels == champion.channels { s.channelsWindow = champion.channelsWindow }
        return s
    }

    /// Checks of the assembled strategies (`strategies[0]` is the champion, then the
    /// challengers in the order of `draft.strategies.challengers`). Only values written at a
    /// strategy's own path are checked there, so a problem in the champion is reported once.
    static func check(_ draft: ScenarioDraft, strategies: [Strategy], context: inout DecodeContext) {
        var bases = ["bank"]
        var paths = ListPath("strategies.challengers")
        for (index, challenger) in draft.strategies.challengers.enumerated() {
            bases.append(paths.next(index: index, name: challenger.name) + ".bank")
        }
        if let champion = strategies.first { checkChampionWindows(champion, context: &context) }
        let segmentNames = draft.market.segments.map(\.name)
        for (strategy, base) in zip(strategies, bases) {
            if !context.hasFailed(["run.months"]) {
                for (path, window) in windows(of: strategy, base: base) {
                    checkAgainstRun(window, path: path, months: draft.run.months, context: &context)
                }
            }
            if !context.hasFailed(["market.segments"]) {
                checkThemeSegments(strategy, base: base, known: segmentNames, context: &context)
                checkAudienceSegments(strategy, base: base, known: segmentNames, context: &context)
            }
            checkCleanup(strategy, base: base, longDormancy: draft.market.behaviour.longDormancyMonths, context: &context)
            checkRegulation(strategy, base: base, regulation: draft.market.regulation, context: &context)
        }
    }

    /// Prices within the regulation: every APR (product and pricing tiers) at most the APR
    /// ceiling, every interchange rate at most the cap. Reported where the value was written, or
    /// at the regulation's key when the value is a default.
    private static func checkRegulation(_ s: Strategy, base: String, regulation: Regulation, context: inout DecodeContext) {
        var aprs = [("\(base).product.apr", s.product.apr)]
        var tierPaths = ListPath("\(base).pricing_tiers")
        for (index, tier) in s.pricingTiers.enumerated() {
            aprs.append((tierPaths.next(index: index, name: nil) + ".apr", tier.apr))
        }
        for (path, apr) in aprs where apr > regulation.aprCeiling + 1e-12 {
            guard let location = context.locations[path] ?? (base == "bank" ? context.locations["market.regulation.apr_ceiling"] : nil) else { continue }
            context.report(location, "\(path) is \(NumberText.rounded(apr)), above market.regulation.apr_ceiling (\(NumberText.rounded(regulation.aprCeiling))); expected an APR of at most \(NumberText.rounded(regulation.aprCeiling))",
                           hint: "Chinese rules: regulators expect a lender's comprehensive annual cost within 24%, and interest above 36% is void; to study higher prices raise market.regulation.apr_ceiling (at most 0.36)")
        }
        for (c, rate) in s.economics.interchangeRates.enumerated() where rate > regulation.interchangeCap + 1e-12 {
            let name = CardsimEngine.Category(rawValue: c)?.name ?? "\(c)"
            let path = "\(base).economics.interchange_rates.\(name)"
            guard let location = context.locations[path] ?? context.locations["\(base).economics.interchange_rates"]
                ?? (base == "bank" ? context.locations["market.regulation.interchange_cap"] : nil) else { continue }
            context.report(location, "\(path) is \(NumberText.rounded(rate)), above market.regulation.interchange_cap (\(NumberText.rounded(regulation.interchangeCap))); expected at most \(NumberText.rounded(regulation.interchangeCap))",
                           hint: "the 2016 bank-card fee reform caps the issuer's service fee on credit cards at 0.45% of the amount")
        }
    }

    /// A clean-up closes long-dormant cards, so it cannot act before a card is long-dormant.
    private static func checkCleanup(_ s: Strategy, base: String, longDormancy: Int, context: inout DecodeContext) {
        let after = s.dormantCleanup.afterMonths
        let path = "\(base).dormant_cleanup.after_months"
        guard after > 0, after < longDormancy, let location = context.locations[path] else { return }
        context.report(location, "\(path) is \(after), shorter than market.behaviour.long_dormancy_months (\(longDormancy)); expected 0 (no clean-up) or at least \(longDormancy)",
                       hint: "a card is closed only after it is long-dormant and has had notice; write after_months: \(longDormancy + 3) for three months of notice")
    }

    /// Every lever window of a strategy, with the path of the mapping that holds its keys.
    static func windows(of s: Strategy, base: String) -> [(path: String, window: LeverWindow)] {
        var out: [(String, LeverWindow)] = [
            ("\(base).product", s.productWindow), ("\(base).risk", s.riskWindow), ("\(base).channels_window", s.channelsWindow),
        ]
        var alliancePaths = ListPath("\(base).alliances")
        for (index, alliance) in s.alliances.enumerated() {
            out.append((alliancePaths.next(index: index, name: alliance.name), alliance.window))
        }
        var themePaths = ListPath("\(base).theme_cards")
        for (index, card) in s.themeCards.enumerated() {
            out.append((themePaths.next(index: index, name: card.name), card.window))
        }
        out += [
            ("\(base).campaigns.reactivation", s.campaigns.reactivation.window),
            ("\(base).campaigns.first_swipe", s.campaigns.firstSwipe.window),
            ("\(base).campaigns.precision", s.campaigns.precision.window),
            ("\(base).lines", s.lines.window), ("\(base).collections", s.collections.window),
            ("\(base).dormant_cleanup", s.dormantCleanup.window),
            ("\(base).membership", s.membership.window), ("\(base).consumer_loans", s.consumerLoans.window),
        ]
        return out
    }

    /// The champion is in force in every month: its product, risk and channel windows are 1 to the end.
    private static func checkChampionWindows(_ champion: Strategy, context: inout DecodeContext) {
        let hint = "give start_month and end_month in a challenger's bank overlay"
        let sections = [("bank.product", champion.productWindow), ("bank.risk", champion.riskWindow),
                        ("bank.channels_window", champion.channelsWindow)]
        for (path, window) in sections {
            if window.startMonth != 1, let location = context.locations["\(path).start_month"] {
                context.report(location,
                               "lever window on the champion in \(path); expected start_month 1 (the champion is in force in every month), found \(window.startMonth)",
                               hint: hint)
            }
            if let end = window.endMonth, let location = context.locations["\(path).end_month"] {
                context.report(location,
                               "lever window on the champion in \(path); expected end_month null (the champion is in force in every month), found \(end)",
                               hint: hint)
            }
        }
    }

    /// A window's months lie within the run.
    private static func checkAgainstRun(_ window: LeverWindow, path: String, months: Int, context: inout DecodeContext) {
        for (key, month) in [("start_month", Optional(window.startMonth)), ("end_month", window.endMonth)] {
            let keyPath = "\(path).\(key)"
            guard let month, month > months, !context.hasFailed([keyPath]), let location = context.locations[keyPath] else { continue }
            context.report(location,
                           "\(key) after the end of the run in \(path); expected at most \(months) (run.months), found \(month)")
        }
    }

    /// Reports each of `names` (a list written at `path`) that is not a segment of the market.
    private static func reportUnknown(_ names: [String], at path: String, known: [String], noun: String = "segment",
                                      context: inout DecodeContext) {
        for (k, name) in names.enumerated() where !known.contains(name) {
            guard let location = context.locations["\(path)[\(k)]"] else { continue }
            context.report(location, "unknown \(noun) in \(path); expected one of \(known.joined(separator: ", ")), found '\(name)'",
                           hint: Suggestion.nearest(to: name, among: known).map { "did you mean '\($0)'?" })
        }
    }

    /// Alliances and campaign audiences name segments of the market.
    private static func checkAudienceSegments(_ s: Strategy, base: String, known: [String], context: inout DecodeContext) {
        let audiences: [(CampaignKind, CampaignAudience)] = [
            (.reactivation, s.campaigns.reactivation.audience), (.firstSwipe, s.campaigns.firstSwipe.audience),
            (.precision, s.campaigns.precision.audience),
        ]
        var alliancePaths = ListPath("\(base).alliances")
        for (index, alliance) in s.alliances.enumerated() {
            reportUnknown(alliance.segments, at: alliancePaths.next(index: index, name: alliance.name) + ".segments",
                          known: known, context: &context)
        }
        for (kind, audience) in audiences {
            reportUnknown(audience.segments, at: "\(base).campaigns.\(kind.name).audience.segments", known: known, context: &context)
            reportUnknown(audience.channels, at: "\(base).campaigns.\(kind.name).audience.channels", known: s.channels.map(\.name),
                          noun: "channel", context: &context)
        }
    }

    /// Theme cards name segments of the market.
    private static func checkThemeSegments(_ s: Strategy, base: String, known: [String], context: inout DecodeContext) {
        var themePaths = ListPath("\(base).theme_cards")
        for (index, card) in s.themeCards.enumerated() {
            reportUnknown(card.segments, at: themePaths.next(index: index, name: card.name) + ".segments", known: known, context: &context)
        }
    }
}
