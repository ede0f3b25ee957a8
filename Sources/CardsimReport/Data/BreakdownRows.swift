import CardsimAnalysis
import CardsimEngine

/// The segment and channel breakdowns as the report and the notebook show them: per group, each
/// strategy's mean over paths (customers and yuan of the region; run totals unless stated).
struct BreakdownRows {
    /// (group, KPI label, one cell per strategy).
    var segments: [(String, String, [String])] = []
    var channels: [(String, String, [String])] = []

    init(_ run: RunData) {
        let w = run.scenario.agentWeight
        let results = run.results
        guard !results.isEmpty else { return }
        func cells(_ value: (PathResult, Int) -> Double, unit: String) -> [String] {
            run.strategyNames.indices.map { s in
                let values = results.map { value($0, s) }.filter(\.isFinite)
                return values.isEmpty ? "n/a" : ValueText.value(Estimate(values).mean, unit: unit)
            }
        }
        if results.allSatisfy({ !$0.segments.isEmpty }) {
            for (g, segment) in run.scenario.market.segments.enumerated() {
                let kpis: [(String, String, ([SegmentFlows]) -> Double)] = [
                    ("new accounts", "customers", { m in Double(m.reduce(0) { $0 + $1.newAccounts }) * w }),
                    ("active cards at the end", "cards", { m in Double(m.last?.activeCards ?? 0) * w }),
                    ("spend", "yuan", { m in Double(m.reduce(0) { $0 + $1.spend }) * 0.01 * w }),
                    ("interest and fees", "yuan", { m in Double(m.reduce(0) { $0 + $1.charges }) * 0.01 * w }),
                    ("charge-offs", "yuan", { m in Double(m.reduce(0) { $0 + $1.chargeOffs }) * 0.01 * w }),
                ]
                for kpi in kpis {
                    segments.append((segment.name, kpi.0, cells({ r, s in kpi.2(r.segments[s].map { $0[g] }) }, unit: kpi.1)))
                }
            }
        }
        if results.allSatisfy({ !$0.channels.isEmpty }) {
            var names: [String] = []
            for s in run.scenario.strategies { for c in s.channels where !names.contains(c.name) { names.append(c.name) } }
            for name in names {
                let index = run.scenario.strategies.map { $0.channels.firstIndex { $0.name == name } }
                func tally(_ r: PathResult, _ s: Int) -> ChannelTally? { index[s].flatMap { $0 < r.channels[s].count ? r.channels[s][$0] : nil } }
                let kpis: [(String, String, (ChannelTally) -> Double)] = [
                    ("new accounts", "customers", { Double($0.newAccounts) * w }),
                    ("cost per account", "yuan", { $0.costPerAccount }),
                    ("activation within 3 months", "fraction", { $0.activationWithin3Share }),
                    ("90+ days past due within 12 months", "fraction", { $0.badWithin12Share }),
                ]
                for kpi in kpis {
                    channels.append((name, kpi.0, cells({ r, s in tally(r, s).map(kpi.2) ?? .nan }, unit: kpi.1)))
                }
            }
        }
    }

    var isEmpty: Bool { segments.isEmpty && channels.isEmpty }
}
