import CardsimAnalysis
import CardsimEngine

/// The segment and channel breakdowns as the report and the notebook show them
/// (`GroupBreakdown`): per group and KPI, each strategy's mean over paths.
struct BreakdownRows {
    /// (group, KPI label, one cell per strategy).
    var segments: [(String, String, [String])] = []
    var channels: [(String, String, [String])] = []

    /// The KPIs shown of each grouping.
    static let segmentKPIs = ["new_accounts", "active_cards_at_end", "spend", "interest_and_fees", "charge_offs"]
    static let channelKPIs = ["new_accounts", "cost_per_account", "activation_within_3m", "ever_90_within_12m"]

    init(_ run: RunData) {
        let results = run.results
        guard !results.isEmpty else { return }
        func rows(_ by: GroupBreakdown.Grouping, _ shown: [String]) -> [(String, String, [String])] {
            GroupBreakdown.groups(by, results: results, scenario: run.scenario).flatMap { group in
                group.kpis.enumerated().filter { shown.contains($0.element.id) }.map { k, kpi in
                    let cells = group.values[k].map { values -> String in
                        let finite = values.filter(\.isFinite)
                        return finite.isEmpty ? "n/a" : ValueText.value(Estimate(finite).mean, unit: kpi.unit)
                    }
                    return (group.name, kpi.id.replacingOccurrences(of: "_", with: " "), cells)
                }
            }
        }
        if results.allSatisfy({ !$0.segments.isEmpty }) { segments = rows(.segment, Self.segmentKPIs) }
        if results.allSatisfy({ !$0.channels.isEmpty }) { channels = rows(.channel, Self.channelKPIs) }
    }

    var isEmpty: Bool { segments.isEmpty && channels.isEmpty }
}
