/// How existing cardholders answer the bank's prices and rewards (docs/model/usage-and-lifecycle.md).
///
/// Every response is measured from a reference: the market's customary terms at which the
/// segments' balances, pay rates, spend and installment take-up are calibrated. At the
/// reference terms the responses change nothing.
///
/// - **Debt and the APR.** A revolver with base pay fraction f pays
///   f' = f / (f + m (1 - f)), m = exp(-beta (APR - referenceAPR)), so its steady-state carried
///   balance, proportional to (1 - f') / f', is m times the base one:
///   beta = (1 - balanceShiftShare) x |debtElasticity| / referenceAPR gives the net-borrowing part of
///   the elasticity of card debt to the APR at the reference (Gross & Souleles 2002: -1.3, less
///   than half of it balance shifting across cards).
/// - **Balance transfers.** A current revolver with a balance moves it to a competitor and
///   closes the card with monthly probability
///   `transferRate x exp(transferAPRSlope x (APR - a) - transferRiskSlope x z)`, a the lowest
///   competitor APR in force (the reference APR without competitors)
///   (z its latent risk): the balance-shifting part of the elasticity, larger for low-risk
///   revolvers, who have better offers elsewhere (adverse selection, Ausubel 1999).
/// - **Spend and rewards.** Spend in category c is multiplied by
///   1 + rewardSpendResponse x b x (r_c - referenceRewardsRate) / 0.01 (at least 0.1), r_c the
///   points value per yuan in c (rewards rate x category multiplier) and b the agent's reward
///   sensitivity: +32% spend for 1% of cash back (Agarwal, Ang, Wang & Zhang 2023), so raising
///   one category's multiplier shifts spend toward it.
/// - **Installments and their fee.** Bill- and cash-installment take-up is multiplied by
///   (feeRate / referenceInstallmentFeeRate)^installmentFeeElasticity.
/// - **Swipes and the fee waiver.** A card used in a month is swiped
///   1 + round(swipesAtFullUse x e x a) times (e the agent's usage probability, a the month's
///   amount relative to its mean), so a regular user swipes several times a month and a light
///   user once or twice. In the last `waiverChaseMonths` of a card year a holder short of the
///   waiver, who can still reach it at `chaseSwipesPerMonth` a month, uses the card with
///   the extra probability `waiverChaseProbability` (times its price sensitivity, at most 1):
///   small purchases of `chaseTicket` yuan a swipe, as many swipes as it needs this month.
public struct Responses: Sendable, Equatable {
    /// APR at which balances and pay rates are calibrated, fraction per year.
    public var referenceAPR: Double = 0.1825
    /// Elasticity of card debt to the APR at the reference (negative).
    public var debtElasticity: Double = -1.3
    /// Share of that elasticity that is balance shifting to other issuers.
    public var balanceShiftShare: Double = 0.4
    /// Monthly balance-transfer probability of a revolver of latent risk 0 at the reference APR.
    public var transferRate: Double = 0.002
    /// Log change of the transfer probability per unit of APR (per 1.0 = 100 points).
    public var transferAPRSlope: Double = 16
    /// Log change of the transfer probability per unit of latent risk (riskier: less likely).
    public var transferRiskSlope: Double = 0.5
    /// Points value per yuan at which spend is calibrated.
    public var referenceRewardsRate: Double = 0.004
    /// Relative change of spend per 1% (0.01) of points value above the reference.
    public var rewardSpendResponse: Double = 0.32
    /// Installment fee rate at which take-up is calibrated, fraction of principal per month.
    public var referenceInstallmentFeeRate: Double = 0.006
    /// Elasticity of installment take-up to the installment fee rate (negative).
    public var installmentFeeElasticity: Double = -1.0
    /// Swipes in a month of use by an agent whose usage probability is 1 (scaled by it).
    public var swipesAtFullUse: Double = 12
    /// Months at the end of a card year in which a holder short of the waiver may chase it.
    public var waiverChaseMonths: Int = 3
    /// Monthly probability that such a holder uses the card to reach the waiver.
    public var waiverChaseProbability: Double = 0.35
    /// Swipes a month a chasing holder is willing to make: the waiver is attainable if the
    /// swipes it lacks are at most this times the months left in the card year.
    public var chaseSwipesPerMonth: Int = 1
    /// Yuan per swipe of the small purchases made to reach the waiver.
    public var chaseTicket: Double = 50

    public init() {}

    /// Factor m on a revolver's steady-state carried balance at `apr` (net-borrowing response).
    public func debtFactor(apr: Double) -> Double {
        let beta = (1 - balanceShiftShare) * abs(debtElasticity) / max(referenceAPR, 1e-9)
        return _exp(-beta * (apr - referenceAPR))
    }

    /// A revolver's pay fraction at debt factor `m`: f / (f + m (1 - f)).
    @inline(__always)
    public static func payFraction(_ f: Double, debtFactor m: Double) -> Double {
        f / (f + m * (1 - f))
    }

    /// Transfer probability multiplier at `apr` before the risk term, against the lowest APR
    /// on offer from a competitor (`bestAPR`; the reference APR without competitors).
    public func transferFactor(apr: Double, bestAPR: Double) -> Double {
        _exp(transferAPRSlope * (apr - bestAPR))
    }

    /// Installment take-up multiplier at `feeRate`.
    public func installmentTakeUp(feeRate: Double) -> Double {
        guard referenceInstallmentFeeRate > 0 else { return 1 }
        return _pow(max(feeRate, 1e-6) / referenceInstallmentFeeRate, installmentFeeElasticity)
    }

    /// Spend factor of a category with points value `rate` per yuan, for reward sensitivity `b`.
    public func rewardSpendFactor(rate: Double, sensitivity b: Double) -> Double {
        max(0.1, 1 + rewardSpendResponse * b * (rate - referenceRewardsRate) / 0.01)
    }
}

/// How prospects and holders value card offers in money (`OfferValuation`).
///
/// An agent's yearly value of an offer, yuan, is
///
///     V = -a (E[fee] + salience x APR x B + 12 x installmentFee x I) + a x float
///         + b x rewards + brand,
///
/// with a and b its price and reward sensitivities, B its expected revolving balance, I its
/// expected installment principal, E[fee] the fee it expects to pay given its swipes and the
/// waiver, rewards the points on its expected spend by category, and float the time value of the
/// interest-free days to a transactor; the logit utility is V / (valueScale x m / 10,000), m the
/// segment's median monthly income (a yuan weighs less for a richer customer).
public struct ChoiceSettings: Sendable, Equatable {
    /// Yuan a year of offer value per unit of logit utility, for a segment whose median income
    /// is `referenceIncome`.
    public var valueScale: Double = 1000
    /// Monthly income, yuan, at which `valueScale` applies.
    public static let referenceIncome = 10_000.0
    /// Weight applicants give the interest they will pay (consumers underestimate their
    /// future borrowing: Ausubel 1991).
    public var interestSalience: Double = 0.1
    /// Customers' time value of money, fraction per year, for the value of interest-free days.
    public var timeValue: Double = 0.03
    /// Spread of price and reward sensitivities within a segment: each agent is a low or a high
    /// responder (halves), with multipliers 2 Phi(-s) and 2 Phi(s) of the segment's value.
    public var sensitivitySpread: Double = 0.5
    /// Correlation of the price-responder draw with latent risk (riskier agents are less price
    /// sensitive: they have higher reservation rates, Ausubel 1999).
    public var priceRiskCorrelation: Double = 0.3

    public init() {}

    /// Multipliers of the low and high responder halves.
    public var responderMultipliers: (low: Double, high: Double) {
        let s = sensitivitySpread
        return (0.5 * _erfc(s / 2.0.squareRoot()) * 2, 0.5 * _erfc(-s / 2.0.squareRoot()) * 2)
    }
}
