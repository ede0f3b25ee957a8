import Testing
@testable import CardsimEngine

/// Engine-level checks of the strategy levers: each runs the fixture's champion against one
/// challenger on the same draws and compares path by path.
@Suite struct LeverTests {
    static func run(_ change: (inout Strategy) -> Void, agents: Int = 6_000, paths: Int = 3, months: Int = 18)
        -> (scenario: Scenario, results: [PathResult])
    {
        var s = EngineFixtures.scenario(agents: agents, paths: paths, months: months)
        var challenger = s.strategies[0]
        challenger.name = "challenger"
        change(&challenger)
        s.strategies[1] = challenger
        return (s, MonteCarlo.run(s, paths: 0..<paths, threads: 2))
    }

    static func total(_ r: [PathResult], _ strategy: Int, _ f: (MonthRecord) -> Double) -> Double {
        r.reduce(0) { acc, p in acc + p.months[strategy].reduce(0) { $0 + f($1) } }
    }

    /// An alliance on groceries raises grocery spend on every path, books acquiring revenue and
    /// alliance cost consistent with its rates, and leaves the balance identity exact.
    @Test func allianceRaisesCategorySpend() {
        let alliance = Alliance(name: "supermarkets", category: .groceries, coverage: 0.5, discountRate: 0.05,
                                bankFundedShare: 0.5, spendUplift: 0.3, acquiringRevenueRate: 0.003,
                                fixedMonthlyCost: 1000)
        let (s, r) = Self.run { $0.alliances = [alliance] }
        let fixed = 1000 / s.agentWeight
        for p in r {
            let base = p.months[0].reduce(0) { $0 + $1.ledger.spendByCategory[Category.groceries.rawValue] }
            let with = p.months[1].reduce(0) { $0 + $1.ledger.spendByCategory[Category.groceries.rawValue] }
            #expect(with > base * 1.05, "path \(p.path): groceries \(base) -> \(with)")
            for m in p.months[1] {
                #expect(m.ledger.balanceResidual == 0)
                let covered = m.ledger.allianceSpend[0]
                #expect(abs(m.pnl.acquiringShare - covered * 0.003) < 1e-9 * max(1, covered))
                #expect(abs(m.pnl.allianceCost - (covered * 0.025 + fixed)) < 1e-9 * max(1, covered))
                // Covered spend is a share of grocery spend: coverage (1 + uplift) / (1 + coverage x uplift).
                let share = 0.5 * 1.3 / 1.15
                #expect(abs(covered - m.ledger.spendByCategory[0] * share) <= 1e-9 * max(1, covered))
            }
        }
    }

    /// A reactivation campaign contacts dormant cards, pays for the contacts and wakes some:
    /// more active cards at the end of every path.
    @Test func reactivationWakesDormantCards() {
        let (_, r) = Self.run {
            $0.campaigns.reactivation.reach = 0.5
            $0.campaigns.reactivation.response = 0.3
            $0.campaigns.reactivation.window = LeverWindow(startMonth: 1, endMonth: 6)
        }
        for p in r {
            #expect(p.months[1][11].ledger.activeCards > p.months[0][11].ledger.activeCards)
            #expect(p.months[1][0].ledger.reactivationContacts > 0)
            #expect(p.months[1][8].ledger.reactivationContacts == 0, "the campaign ends in month 6")
            #expect(p.months[1][0].pnl.campaignCost == Double(p.months[1][0].ledger.reactivationContacts) * 15)
        }
    }

    /// A challenger's product change applies only inside its window: identical months before
    /// the start month, different after.
    @Test func productWindowStartsTheChange() {
        let (_, r) = Self.run { c in
            c.fallback = Strategy.Fallback(product: c.product, risk: c.risk, channels: c.channels, pricingTiers: c.pricingTiers)
            c.product.annualFee = 0
            c.productWindow = LeverWindow(startMonth: 7)
        }
        var before = 0, after = 0
        for p in r {
            for t in 0..<6 {
                let same = p.months[0][t] == p.months[1][t]
                #expect(same, "path \(p.path) month \(t + 1)")
                before += 1
            }
            if (6..<18).contains(where: { p.months[0][$0].ledger.annualFees != p.months[1][$0].ledger.annualFees }) { after += 1 }
            for t in 6..<18 { #expect(p.months[1][t].ledger.annualFees == 0) }
        }
        #expect(before == 18 && after == 3)
    }

    /// Higher collections intensity cures more past-due accounts: fewer charge-offs in total.
    @Test func collectionsCureMore() {
        let (_, r) = Self.run({ $0.collections.intensity = 1.8 }, agents: 8_000, paths: 3, months: 24)
        let base = Self.total(r, 0) { Double($0.ledger.chargeOffs) }
        let more = Self.total(r, 1) { Double($0.ledger.chargeOffs) }
        #expect(more < base * 0.9, "charge-offs \(base) -> \(more)")
    }

    /// Line reviews raise and cut limits within the 30% bound: on every account the limit after
    /// a review month is within 30% of the limit before it.
    @Test func lineReviewsStayWithinBound() {
        let (_, r) = Self.run { c in
            c.lines.reviewMonths = 6
            c.lines.increase = 0.9
            c.lines.decrease = 0.9
        }
        let ups = Self.total(r, 1) { Double($0.ledger.lineIncreases) }
        let downs = Self.total(r, 1) { Double($0.ledger.lineDecreases) }
        #expect(ups > 0 && downs > 0)
        let ctx = MonthContext(month: 6, scenario: EngineFixtures.scenario(), strategy: {
            var s = Strategy(name: "x"); s.lines.reviewMonths = 6; s.lines.increase = 0.9; s.lines.decrease = 0.9; return s
        }(), macro: MacroParameters().longRun, competitors: [])
        #expect(ctx.levers.increaseFactor == 1.3 && ctx.levers.decreaseFactor == 0.7)

        // Account by account, around one review month.
        var s = EngineFixtures.scenario(agents: 3_000, paths: 1, months: 12)
        s.strategies = [s.strategies[0]]
        s.strategies[0].lines.reviewMonths = 6
        s.strategies[0].lines.increase = 0.9
        s.strategies[0].lines.decrease = 0.9
        s.strategies[0].lines.decreaseScore = 0.5
        let pop = Population(count: s.run.agents)
        var before: [Int64] = []
        var changed = 0
        for months in [11, 12] {
            s.run.months = months
            _ = PathSimulator(scenario: s).simulate(path: 0, population: pop)
            if months == 11 { before = (0..<pop.count).map { pop.limit[$0] }; continue }
            for i in 0..<pop.count where before[i] > 0 && pop.limit[i] != before[i] && pop.state[i] == Lifecycle.open.rawValue {
                changed += 1
                let ratio = Double(pop.limit[i]) / Double(before[i])
                #expect(ratio >= 0.7 - 1e-12 && ratio <= 1.3 + 1e-12, "agent \(i): \(before[i]) -> \(pop.limit[i])")
            }
        }
        #expect(changed > 10)
    }

    /// The regulatory cap: on every past-due account, interest and fees charged since it became
    /// past due never exceed its overdue principal, even with punitive pricing.
    @Test func overdueChargesNeverExceedPrincipal() {
        var s = EngineFixtures.scenario(agents: 4_000, paths: 1, months: 24)
        s.strategies = [s.strategies[0]]
        s.strategies[0].product.apr = 0.99
        s.strategies[0].product.lateFeeRate = 5
        s.market.credit.baseCure = [0, 0, 0, 0, 0, 0, 0]
        s.market.credit.baseRoll = [0.05, 0.2, 0.2, 0.2, 0.2, 0.2, 0.2]
        let pop = Population(count: s.run.agents)
        _ = PathSimulator(scenario: s).simulate(path: 0, population: pop)
        var pastDue = 0
        for i in 0..<pop.count where pop.bucket[i] > 0 && pop.state[i] == Lifecycle.open.rawValue {
            pastDue += 1
            #expect(pop.overdueCharges[i] <= pop.overduePrincipal[i])
        }
        #expect(pastDue > 20)
    }
}
