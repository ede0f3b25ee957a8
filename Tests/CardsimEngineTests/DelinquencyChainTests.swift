import Testing
@testable import CardsimEngine

@Suite struct DelinquencyChainTests {
    /// The quasi-stationary start balances the flows into and out of each bucket.
    @Test func quasiStationaryBalancesFlows() {
        let c = CreditDynamics()
        let pi = c.quasiStationary(shift: 0.3)
        let p = DelinquencyChain.transitionMatrix(c, shift: 0.3)
        #expect(abs(pi.reduce(0, +) - 1) < 1e-12)
        for k in 1..<CreditDynamics.buckets {
            let inflow = pi[k - 1] * p[k - 1, k]
            let outflow = pi[k] * (1 - p[k, k])
            #expect(abs(inflow - outflow) < 1e-15)
        }
    }

    /// Rows of the transition matrix are probability distributions.
    @Test func transitionRowsSumToOne() {
        let p = DelinquencyChain.transitionMatrix(CreditDynamics(), shift: -0.5)
        for i in 0..<p.rows {
            var s = 0.0
            for j in 0..<p.columns { #expect(p[i, j] >= 0); s += p[i, j] }
            #expect(abs(s - 1) < 1e-14)
        }
    }

    /// The OpenBLAS matrix power agrees with stepping the vector one month at a time in plain
    /// Swift.
    @Test func blasPowerMatchesPlainLoop() {
        let c = CreditDynamics()
        let p = DelinquencyChain.transitionMatrix(c, shift: 0)
        var x = c.quasiStationary(shift: 0) + [0]
        for _ in 0..<13 {
            var y = [Double](repeating: 0, count: x.count)
            for i in 0..<x.count { for j in 0..<x.count { y[j] += x[i] * p[i, j] } }
            x = y
        }
        let blas = DelinquencyChain.distribution(from: c.quasiStationary(shift: 0) + [0], c, shift: 0, months: 13)
        for j in 0..<x.count { #expect(abs(x[j] - blas[j]) < 1e-14) }
    }

    /// With behaviour feedback off and identical agents, the share of accounts in each bucket
    /// (and charged off) after t months matches initial x P^t, in every month 1...24. The
    /// tolerance is 4 Monte Carlo standard errors of a share, sqrt(p (1 - p) / n), n = agents x
    /// paths (agents are independent given the scenario): a false alarm in 192 comparisons has
    /// probability at most 192 x 6.3e-5 = 1.2%. Power: an account cured from 30+ days that
    /// skipped the next month's roll draw (current -> 1-29 at 0.0787 instead of 0.08) fails it
    /// (measured at up to 8 standard errors).
    @Test func simulatedBucketsMatchMarkovChain() {
        let agents = 50_000, paths = 4, months = 24
        let s = EngineFixtures.markovScenario(agents: agents, paths: paths, months: months)
        let results = MonteCarlo.run(s, paths: 0..<paths, threads: 2)
        let n = Double(agents * paths)
        let start = s.market.credit.quasiStationary(shift: 0) + [0]
        var comparisons = 0
        for t in 1...months {
            let expected = DelinquencyChain.distribution(from: start, s.market.credit, shift: 0, months: t)
            var observed = [Double](repeating: 0, count: DelinquencyChain.states)
            for r in results {
                let months = r.months[0]
                for k in 0..<CreditDynamics.buckets { observed[k] += Double(months[t - 1].ledger.accountsByBucket[k]) }
                for m in months[0..<t] { observed[CreditDynamics.buckets] += Double(m.ledger.chargeOffAccounts) }
                #expect(months[t - 1].ledger.closures == 0)
            }
            for k in 0..<DelinquencyChain.states {
                let share = observed[k] / n, p = expected[k]
                let se = max((p * (1 - p) / n).squareRoot(), 1 / n)
                #expect(abs(share - p) <= 4 * se, "month \(t) state \(k): simulated \(share), chain \(p), \((share - p) / se) SE")
                comparisons += 1
            }
        }
        #expect(comparisons == 192)
    }
}
