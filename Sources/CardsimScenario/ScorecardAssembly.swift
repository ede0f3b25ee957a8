import CardsimEngine

/// Checks of scorecards that need the whole scenario: segment features must name segments of
/// the market.
enum ScorecardAssembly {
    static func check(_ draft: ScenarioDraft, strategies: [Strategy], context: inout DecodeContext) {
        let names = draft.market.segments.map(\.name)
        var reported: Set<String> = []
        for (index, strategy) in strategies.enumerated() {
            let base = index == 0 ? "bank.risk" : "strategies.challengers.\(strategy.name).bank.risk"
            for (key, card) in [("application_scorecard", strategy.risk.scorecards.application),
                                ("behaviour_scorecard", strategy.risk.scorecards.behaviour)] {
                guard let card else { continue }
                for segment in card.segmentNames where !names.contains(segment) && reported.insert(card.source + segment).inserted {
                    context.report(context.location("\(base).\(key)", "bank.risk.\(key)"),
                                   "unknown segment in scorecard '\(card.source)' (feature segment_\(segment)); expected segment_ followed by one of \(names.joined(separator: ", ")), found '\(segment)'",
                                   hint: Suggestion.nearest(to: segment, among: names).map { "did you mean 'segment_\($0)'?" })
                }
            }
        }
    }
}
