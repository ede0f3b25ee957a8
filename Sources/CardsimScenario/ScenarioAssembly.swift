import CardsimEngine

/// Turns a read draft into the engine's `Scenario`: applies each challenger's overlay to the
/// champion and checks what spans sections.
enum ScenarioAssembly {
    static func assemble(_ draft: ScenarioDraft, context: inout DecodeContext) -> Scenario {
        let strategies = buildStrategies(draft, context: &context)
        checkChannelAffinities(draft.market.segments, strategies: strategies, context: &context)
        LeverAssembly.check(draft, strategies: strategies, context: &context)
        ScorecardAssembly.check(draft, strategies: strategies, context: &context)
        checkAgents(draft, context: &context)
        return Scenario(name: draft.name, market: draft.market, macro: draft.macro, competitors: draft.competitors,
                        run: draft.run, strategies: strategies)
    }

    /// [champion] + challengers, each challenger the champion's bank with its overlay applied.
    private static func buildStrategies(_ draft: ScenarioDraft, context: inout DecodeContext) -> [Strategy] {
        var champion = draft.bank
        champion.name = draft.strategies.champion.name
        var strategies = [champion]
        var firstUse: [String: SourceLocation?] = [champion.name: context.locations["strategies.champion.name"]]

        var paths = ListPath("strategies.challengers")
        for (index, challenger) in draft.strategies.challengers.enumerated() {
            let path = paths.next(index: index, name: challenger.name)
            var strategy = champion
            strategy.name = challenger.name
            let problemsBefore = context.diagnostics.count
            if let overlay = challenger.bank {
                Tables.bank.decode(overlay, into: &strategy, path: "\(path).bank", context: &context)
            }
            if !challenger.name.isEmpty {
                if let first = firstUse[challenger.name] {
                    let location = context.location("\(path).name")
                    let hint = first.map { "first used at \($0.humanReadable(seenFrom: location))" }
                        ?? "the champion is called '\(ChampionDraft.defaultName)' unless strategies.champion.name says otherwise"
                    context.report(location,
                                   "duplicate strategy name '\(challenger.name)'; expected each strategy to have its own name, found '\(challenger.name)' again",
                                   hint: hint)
                } else {
                    firstUse[challenger.name] = context.location("\(path).name")
                }
            }
            var unnamed = LeverAssembly.withoutIdleWindows(strategy, champion: champion)
            unnamed.name = champion.name
            if unnamed == champion, context.diagnostics.count == problemsBefore {
                let label = challenger.name.isEmpty ? "#\(index + 1)" : "'\(challenger.name)'"
                context.report(context.location(path),
                               "challenger \(label) changes nothing relative to the champion; expected at least one value in its bank overlay that differs from the champion's, found none")
            }
            strategy.fallback = LeverAssembly.fallback(of: champion)
            strategies.append(strategy)
        }
        return strategies
    }

    /// Channel names in segments written in the file must name a channel of some strategy.
    private static func checkChannelAffinities(_ segments: [Segment], strategies: [Strategy], context: inout DecodeContext) {
        // Only segments written in the file: the default segments name the default channels.
        guard context.locations["market.segments"]?.file == context.fallback.file else { return }
        var known: [String] = []
        for strategy in strategies { for channel in strategy.channels where !known.contains(channel.name) { known.append(channel.name) } }
        for segment in segments where !segment.name.isEmpty {
            for name in segment.channelAffinity.keys.sorted() where !known.contains(name) {
                let path = "market.segments.\(segment.name).channel_affinity"
                context.report(context.keyLocations["\(path).\(name)"] ?? context.location(path),
                               "unknown channel in \(path); expected one of \(known.joined(separator: ", ")), found '\(name)'",
                               hint: Suggestion.nearest(to: name, among: known).map { "did you mean '\($0)'?" })
            }
        }
    }

    /// Each agent stands for at least one adult.
    private static func checkAgents(_ draft: ScenarioDraft, context: inout DecodeContext) {
        guard !context.hasFailed(["run.agents", "market.adults"]), draft.market.adults > 0,
              draft.run.agents > draft.market.adults else { return }
        context.report(context.location("run.agents", "market.adults"),
                       "more agents than adults; expected run.agents at most market.adults (\(draft.market.adults)), found \(draft.run.agents)")
    }
}
