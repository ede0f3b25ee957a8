/// The delinquency bucket chain of one account as a Markov transition matrix.
///
/// States 0...6 are the buckets (current, 1-29, ..., 150-179 days past due) and state 7 is
/// charged off (absorbing). For roll log-odds shifted by `shift` (see `CreditDynamics`):
/// P[k][k+1] = roll_k, P[k][0] = cure_k (k >= 1), P[k][k] = 1 - roll_k - cure_k, P[7][7] = 1.
/// With behaviour feedback off and an account that has a statement every month, the
/// simulated buckets follow this chain exactly in distribution, which the tests check.
public enum DelinquencyChain {
    public static let states = CreditDynamics.buckets + 1

    public static func transitionMatrix(_ credit: CreditDynamics, shift: Double) -> Matrix {
        let n = states
        var m = Matrix(rows: n, columns: n, elements: [Double](repeating: 0, count: n * n))
        for k in 0..<CreditDynamics.buckets {
            let roll = logistic(logit(credit.baseRoll[k]) + shift)
            let cure = k == 0 ? 0 : credit.baseCure[k] * (1 - roll) / (1 - credit.baseRoll[k])
            m[k, k + 1] = roll
            m[k, 0] += cure
            m[k, k] += 1 - roll - cure
        }
        m[n - 1, n - 1] = 1
        return m
    }

    /// Distribution over the 8 states after `months` steps from `initial` (length 8):
    /// initial^T P^months, with P^months by repeated squaring on OpenBLAS.
    public static func distribution(from initial: [Double], _ credit: CreditDynamics, shift: Double, months: Int) -> [Double] {
        transitionMatrix(credit, shift: shift).power(months).leftMultiplied(by: initial)
    }
}
