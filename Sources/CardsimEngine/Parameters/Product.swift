/// The bank's card: pricing, fees, rewards and the statement rules.
public struct Product: Sendable, Equatable {
    /// Revolving APR, fraction per year (0.1825 is the customary 0.05% a day).
    public var apr: Double = 0.1825
    /// Annual fee, yuan, charged to an activated card on each account anniversary (the first
    /// card year is free) unless the card was swiped `annualFeeWaiverSwipes` times in the card year just ended.
    public var annualFee: Double = 200
    /// Swipes in the card year that waive the annual fee; nil: no waiver (the fee is always
    /// charged). A fee that is never charged is `annualFee = 0`.
    public var annualFeeWaiverSwipes: Int? = 6
    /// Monthly installment fee, fraction of the original principal per month.
    public var installmentFeeRate: Double = 0.0060
    /// Number of monthly payments of a bill installment.
    public var billInstallmentMonths: Int = 12
    /// Number of monthly payments of a cash installment (regulatory cap: 24).
    public var cashInstallmentMonths: Int = 12
    /// Largest cash installment, yuan (regulatory cap: 50,000).
    public var cashInstallmentCap: Double = 50_000
    /// A cash installment is at most this multiple of monthly income.
    public var cashInstallmentIncomeMultiple: Double = 3
    /// One-off fee on a cash installment, fraction of the amount.
    public var cashAdvanceFeeRate: Double = 0.01
    /// Late fee, fraction of the unpaid minimum payment.
    public var lateFeeRate: Double = 0.05
    /// Minimum payment, fraction of the statement balance.
    public var minimumPaymentRate: Double = 0.10
    /// Smallest minimum payment, yuan (or the whole balance if smaller).
    public var minimumPaymentFloor: Double = 50
    /// Rewards: points value given back, yuan per yuan of spend, before category multipliers.
    public var rewardsRate: Double = 0.004
    /// Multiplier of the rewards rate in each category, indexed by `Category.rawValue`.
    public var categoryRewardMultipliers: [Double] = [1, 1, 1, 1, 1, 1, 1]
    /// Interest-free days on purchases for customers who pay in full.
    public var interestFreeDays: Double = 50

    public init() {}

    /// The offer as seen by a customer comparing issuers.
    public var offer: Offer {
        Offer(apr: apr, annualFee: annualFee, rewardsRate: rewardsRate, interestFreeDays: interestFreeDays)
    }

    /// Regulatory caps on cash installments (amount in yuan, term in months).
    public static let cashInstallmentRegulatoryCap: Double = 50_000
    public static let cashInstallmentRegulatoryMonths: Int = 24
}

/// Revenue and cost rates of the card business that are not prices to the customer.
public struct Economics: Sendable, Equatable {
    /// Interchange earned by the issuer, fraction of spend, by category (`Category.rawValue`).
    public var interchangeRates: [Double] = [0.0035, 0.0045, 0.0035, 0.0045, 0.0045, 0.0030, 0.0045]
    /// Cost to the bank of rewards given, yuan per yuan of rewards value (points never redeemed
    /// and redemption goods bought below their face value make it less than 1).
    public var rewardsCostPerYuan: Double = 0.35
    /// Spread the bank pays over the macro funding rate, fraction per year.
    public var fundingSpread: Double = 0.003
    /// Operating cost per card in force per month, yuan.
    public var operatingCostPerAccount: Double = 20.0
    /// Annual discount rate for NPV, fraction.
    public var discountRate: Double = 0.08

    public init() {}
}
