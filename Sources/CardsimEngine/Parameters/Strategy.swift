/// One way of running the card business: everything the bank controls.
///
/// A challenger's product, risk policy and channels take effect in their windows
/// (`productWindow`, `riskWindow`, `channelsWindow`); outside them the champion's apply
/// (`fallback`). Alliances, campaigns, theme cards, line management, collections and the dormant-card clean-up carry their
/// own windows.
public struct Strategy: Sendable, Equatable {
    public var name: String
    public var product: Product
    public var risk: RiskPolicy
    public var channels: [Channel]
    public var economics: Economics
    public var pricingTiers: [PricingTier] = []
    public var alliances: [Alliance] = []
    public var campaigns = Campaigns()
    public var themeCards: [ThemeCard] = []
    public var lines = LineManagement()
    public var collections = Collections()
    public var dormantCleanup = DormantCleanup()
    /// Value beyond the card: a membership subscription and cross-sold consumer loans.
    public var membership = Membership()
    public var consumerLoans = ConsumerLoans()
    public var productWindow = LeverWindow.always
    public var riskWindow = LeverWindow.always
    public var channelsWindow = LeverWindow.always
    /// The champion's product, risk policy and channels, used outside this strategy's windows
    /// (nil for the champion itself).
    public var fallback: Fallback? = nil

    public struct Fallback: Sendable, Equatable {
        public var product: Product
        public var risk: RiskPolicy
        public var channels: [Channel]
        public var pricingTiers: [PricingTier]
        public init(product: Product, risk: RiskPolicy, channels: [Channel], pricingTiers: [PricingTier]) {
            self.product = product; self.risk = risk; self.channels = channels; self.pricingTiers = pricingTiers
        }
    }

    public init(name: String, product: Product = Product(), risk: RiskPolicy = RiskPolicy(),
                channels: [Channel] = Channel.defaults, economics: Economics = Economics()) {
        self.name = name; self.product = product; self.risk = risk
        self.channels = channels; self.economics = economics
    }

    /// The strategy with the champion's sections wherever this one's windows do not cover
    /// `month`. Channels keep this strategy's list (so ledgers line up); outside the window each
    /// takes the champion's intensity and cost for the channel of the same name, and a channel
    /// the champion does not have is switched off (intensity 0).
    public func inForce(at month: Int) -> Strategy {
        guard let f = fallback else { return self }
        var s = self
        if !productWindow.contains(month) { s.product = f.product; s.pricingTiers = f.pricingTiers }
        if !riskWindow.contains(month) { s.risk = f.risk }
        if !channelsWindow.contains(month) {
            s.channels = channels.map { own in
                f.channels.first { $0.name == own.name } ?? Channel(name: own.name, intensity: 0, costPerApplication: own.costPerApplication)
            }
        }
        return s
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
    /// Months of the bank's history simulated before month 1 on every path and discarded, so
    /// that the month-0 book is the model's own (see `PathSimulator.spinUp`).
    public var spinUpMonths: Int = 60

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
