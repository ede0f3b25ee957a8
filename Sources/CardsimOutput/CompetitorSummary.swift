import CardsimEngine

/// Each competitor's side of the market over the whole run, per strategy, for `summary.json`:
/// the applications it received, the cards it issued and the bank's card holders who left for
/// it, each summed over the months of a path and scaled to adults (agent weight), then
/// summarised over paths (mean, Monte Carlo standard error, 5th/50th/95th percentiles).
///
///     "competitors": {"national_bank": {"applications": {...}, "new_accounts": {...},
///                                       "attrition_from_bank": {...}}, ...}
public enum CompetitorSummary {
    /// The `competitors` member of strategy `s`; nil when the scenario has no competitors.
    static func json(_ results: [PathResult], scenario: Scenario, strategy s: Int) -> JSONText? {
        guard !scenario.competitors.isEmpty, !results.isEmpty else { return nil }
        let w = scenario.agentWeight
        func stats(_ count: (MonthLedger) -> Int64) -> JSONText {
            let values = results.map { r in Double(r.months[s].reduce(Int64(0)) { $0 + count($1.ledger) }) * w }
            let x = Summary(values)
            return .object(["mean": .double(x.mean), "standard_error": .double(x.standardError),
                            "p5": .double(x.p5), "p50": .double(x.p50), "p95": .double(x.p95), "unit": .string("adults")])
        }
        var members: [String: JSONText] = [:]
        for (k, competitor) in scenario.competitors.enumerated() {
            members[competitor.name] = .object([
                "applications": stats { k < $0.competitorApplications.count ? $0.competitorApplications[k] : 0 },
                "new_accounts": stats { k < $0.competitorNewAccounts.count ? $0.competitorNewAccounts[k] : 0 },
                "attrition_from_bank": stats { k < $0.attritionToCompetitor.count ? $0.attritionToCompetitor[k] : 0 },
            ])
        }
        return .object(members)
    }
}
