import Testing
@testable import CardsimEngine

@Suite struct AccountingTests {
    /// opening + spend + cash + interest + fees - payments - charge-offs = closing, exactly, for
    /// every path, month and strategy; and each month opens where the last one closed.
    @Test func balancesIdentityHoldsEveryMonth() {
        let s = EngineFixtures.scenario(agents: 4_000, paths: 3, months: 30)
        let results = MonteCarlo.run(s, paths: 0..<3, threads: 2)
        var checked = 0, withLosses = 0
        for r in results {
            for months in r.months {
                for (t, m) in months.enumerated() {
                    #expect(m.ledger.balanceResidual == 0, "path \(r.path) month \(t + 1)")
                    if t > 0 { #expect(m.ledger.receivablesOpening == months[t - 1].ledger.receivablesClosing) }
                    #expect(m.ledger.receivablesByBucket.reduce(0, +) == m.ledger.receivablesClosing)
                    #expect(m.ledger.accountsByBucket.reduce(0, +) == m.ledger.cardsInForce)
                    #expect(m.ledger.applicationsByChannel.reduce(0, +) == m.ledger.applications)
                    #expect(m.ledger.activeCards + m.ledger.dormantCards <= m.ledger.cardsInForce)
                    checked += 1
                    if m.ledger.chargeOffs > 0 { withLosses += 1 }
                }
            }
        }
        #expect(checked == 3 * 2 * 30)
        // The identity is exercised with every flow present, charge-offs included.
        #expect(withLosses > 0)
    }

    /// Net income is revenue less every cost line.
    @Test func profitAndLossAddsUp() {
        let s = EngineFixtures.scenario(paths: 1, months: 6)
        for m in MonteCarlo.run(s, paths: 0..<1, threads: 1)[0].months[0] {
            let p = m.pnl
            let lines = p.interest + p.installmentFees + p.annualFees + p.lateFees + p.cashAdvanceFees
                + p.interchange + p.acquiringShare - p.rewards - p.allianceCost - p.campaignCost
                - p.collectionsCost - p.funding - p.operating - p.acquisition - p.creditLosses
            #expect(abs(lines - p.netIncome) <= 1e-9 * max(1, abs(lines)))
        }
    }

    /// Cash installments respect the regulatory caps whatever the scenario asks for.
    @Test func cashInstallmentCaps() {
        var s = EngineFixtures.scenario(agents: 3_000, paths: 1, months: 12)
        s.strategies[0].product.cashInstallmentCap = 1_000_000
        s.strategies[0].product.cashInstallmentMonths = 60
        s.strategies[0].product.cashInstallmentIncomeMultiple = 100
        s.strategies[0].risk.maximumLimit = 1_000_000
        let ctx = MonthContext(month: 1, scenario: s, strategy: s.strategies[0], macro: s.macro.longRun, competitors: [])
        #expect(ctx.cashCap == 50_000)
        #expect(ctx.cashMonths == 24)
    }
}
