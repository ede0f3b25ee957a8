import CardsimEngine

/// The run by market segment or by acquisition channel (`segments.csv`, `channels.csv`): per
/// group and KPI, every strategy's value on every path, in customers and yuan of the region
/// (shares and cost per account as they are). Read by `cardsim compare --by`, the report and
/// the notebook.
///
/// By segment (run totals unless stated): new accounts, cards in force and active cards at the
/// run's end, spend, interest and fees, charge-offs, receivables at the run's end. By channel:
/// applications, new accounts, cost per account (yuan), activation within 3 months and 90+ days
/// past due within 12 months of booking (`ChannelTally`). A path without the figure is NaN.
public enum GroupBreakdown {
    public enum Grouping: String, CaseIterable, Sendable {
        case segment, channel
    }

    /// One group: per KPI (id, unit), the per-path values of every strategy.
    public struct Group {
        public var name: String
        public var kpis: [(id: String, unit: String)]
        /// values[k][s][p]
        public var values: [[[Double]]]
    }

    public static func groups(_ by: Grouping, results: [PathResult], scenario: Scenario) -> [Group] {
        let w = scenario.agentWeight
        switch by {
        case .segment:
            let kpis: [(String, String, (([SegmentFlows]) -> Double))] = [
                ("new_accounts", "customers", { m in Double(m.reduce(0) { $0 + $1.newAccounts }) }),
                ("cards_in_force_at_end", "cards", { m in Double(m.last?.cardsInForce ?? 0) }),
                ("active_cards_at_end", "cards", { m in Double(m.last?.activeCards ?? 0) }),
                ("spend", "yuan", { m in Double(m.reduce(0) { $0 + $1.spend }) * 0.01 }),
                ("interest_and_fees", "yuan", { m in Double(m.reduce(0) { $0 + $1.charges }) * 0.01 }),
                ("charge_offs", "yuan", { m in Double(m.reduce(0) { $0 + $1.chargeOffs }) * 0.01 }),
                ("receivables_at_end", "yuan", { m in Double(m.last?.receivables ?? 0) * 0.01 }),
            ]
            return scenario.market.segments.enumerated().map { g, segment in
                Group(name: segment.name, kpis: kpis.map { ($0.0, $0.1) }, values: kpis.map { kpi in
                    scenario.strategies.indices.map { s in
                        results.map { r in s < r.segments.count ? kpi.2(r.segments[s].map { $0[g] }) * w : .nan }
                    }
                })
            }
        case .channel:
            let kpis: [(String, String, Bool, (ChannelTally) -> Double)] = [
                ("applications", "customers", true, { Double($0.applications) }),
                ("new_accounts", "customers", true, { Double($0.newAccounts) }),
                ("cost_per_account", "yuan", false, { $0.costPerAccount }),
                ("activation_within_3m", "fraction", false, { $0.activationWithin3Share }),
                ("ever_90_within_12m", "fraction", false, { $0.badWithin12Share }),
            ]
            // Channels by name, in the order they first appear across strategies.
            var names: [String] = []
            for s in scenario.strategies { for c in s.channels where !names.contains(c.name) { names.append(c.name) } }
            return names.map { name in
                Group(name: name, kpis: kpis.map { ($0.0, $0.1) }, values: kpis.map { kpi in
                    scenario.strategies.enumerated().map { s, strategy in
                        results.map { r in
                            guard s < r.channels.count, let c = strategy.channels.firstIndex(where: { $0.name == name }),
                                  c < r.channels[s].count else { return .nan }
                            return kpi.3(r.channels[s][c]) * (kpi.2 ? w : 1)
                        }
                    }
                })
            }
        }
    }
}
