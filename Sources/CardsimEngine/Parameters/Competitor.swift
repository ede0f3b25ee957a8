/// What a card issuer offers a customer. The bank's own product is compared with competitors'
/// offers through this common description.
public struct Offer: Sendable, Equatable {
    /// Revolving APR, fraction per year.
    public var apr: Double
    /// Annual fee, yuan.
    public var annualFee: Double
    /// Rewards, yuan of value per yuan spent.
    public var rewardsRate: Double
    /// Interest-free days on purchases.
    public var interestFreeDays: Double

    public init(apr: Double, annualFee: Double, rewardsRate: Double, interestFreeDays: Double) {
        self.apr = apr; self.annualFee = annualFee
        self.rewardsRate = rewardsRate; self.interestFreeDays = interestFreeDays
    }
}

/// Another issuer in the region. Competitor moves arrive with the market-dynamics work; the
/// kernels already receive the offers in force each month.
public struct Competitor: Sendable, Equatable {
    public enum Kind: String, Sendable { case nationalBank = "national_bank", regionalBank = "regional_bank", internetPlatform = "internet_platform" }
    public var name: String
    public var kind: Kind
    public var offer: Offer

    public init(name: String, kind: Kind, offer: Offer) {
        self.name = name; self.kind = kind; self.offer = offer
    }
}
