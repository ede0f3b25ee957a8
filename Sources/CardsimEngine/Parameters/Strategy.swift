/// One way of running the card business: everything the bank controls.
public struct Strategy: Sendable, Equatable {
    public var name: String
    public var product: Product
    public var risk: RiskPolicy
    public var channels: [Channel]
    public var economics: Economics

    public init(name: String, product: Product = Product(), risk: RiskPolicy = RiskPolicy(),
                channels: [Channel] = Channel.defaults, economics: Economics = Economics()) {
        self.name = name; self.product = product; self.risk = risk
        self.channels = channels; self.economics = economics
    }
}

/// How a run is sized: paths, months, agents and the seed.
public struct RunSettings: Sendable, Equatable {
    /// Number of Monte Carlo paths.
    public var paths: Int = 40
    /// Months simulated on each path.
    public var months: Int = 60
    /// Simulated agents; each stands for `market.adults / agents` adults.
    public var agents: Int = 200_000
    /// Seed of the counter-based generator.
    public var seed: UInt64 = 20_241_231

    public init() {}
}

/// A complete, validated description of a run: the market, the economy, the competitors, the
/// run size and the strategies, of which the first is the champion.
public struct Scenario: Sendable, Equatable {
    public var name: String
    public var market: Market
    public var macro: MacroParameters
    public var competitors: [Competitor]
    public var run: RunSettings
    public var strategies: [Strategy]

    public init(name: String, market: Market, macro: MacroParameters = MacroParameters(),
                competitors: [Competitor] = [], run: RunSettings = RunSettings(),
                strategies: [Strategy]) {
        self.name = name; self.market = market; self.macro = macro
        self.competitors = competitors; self.run = run; self.strategies = strategies
    }

    /// Adults represented by one agent.
    public var agentWeight: Double { Double(market.adults) / Double(run.agents) }
}
