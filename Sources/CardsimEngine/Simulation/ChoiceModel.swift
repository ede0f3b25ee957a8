/// How customers value card offers: a multinomial logit over offer utilities.
///
/// The utility of an offer to a customer with price sensitivity a and reward sensitivity b is
///
///     V = -a * (10 * apr + annualFee / 500) + b * (100 * rewardsRate) + interestFreeDays / 50,
///
/// so for a = b = 1 one point of APR weighs like 50 yuan of annual fee, 0.1% of rewards like one
/// point of APR, and 5 interest-free days like one point of APR. The probability of choosing offer i is exp(V_i) / sum_j exp(V_j).
public enum ChoiceModel {
    public static func utility(_ o: Offer, priceSensitivity a: Double, rewardSensitivity b: Double) -> Double {
        -a * (10 * o.apr + o.annualFee / 500) + b * (100 * o.rewardsRate) + o.interestFreeDays / 50
    }

    /// Share of a segment's applications that come to the bank when it competes with
    /// `competitors` (1 when there are none).
    public static func shareOfApplications(own: Offer, competitors: [Offer],
                                           priceSensitivity a: Double, rewardSensitivity b: Double) -> Double {
        guard !competitors.isEmpty else { return 1 }
        let v0 = utility(own, priceSensitivity: a, rewardSensitivity: b)
        var denominator = 1.0
        for c in competitors {
            denominator += _exp(utility(c, priceSensitivity: a, rewardSensitivity: b) - v0)
        }
        return 1 / denominator
    }
}
