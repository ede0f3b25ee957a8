import CardsimEngine
import Testing

/// The competitive market: choice shares against the closed form, competitors' moves, and the
/// comparative statics of a price war and a recession.
@Suite("Competition")
struct CompetitionTests {
    /// The baseline's three kinds of competitor, with reach, strictness and holders.
    static func competitors() -> [Competitor] {
        var national = Competitor(name: "national", kind: .nationalBank,
                                  offer: Offer(apr: 0.1825, annualFee: 0, rewardsRate: 0.005, interestFreeDays: 56))
        national.reach = 1.2; national.strictness = 0.5; national.initialHolders = 0.3
        var regional = Competitor(name: "regional", kind: .regionalBank,
                                  offer: Offer(apr: 0.1825, annualFee: 100, rewardsRate: 0.004, interestFreeDays: 50))
        regional.reach = 0.6; regional.strictness = 0.4; regional.initialHolders = 0.12
        var platform = Competitor(name: "platform", kind: .internetPlatform,
                                  offer: Offer(apr: 0.18, annualFee: 0, rewardsRate: 0.001, interestFreeDays: 40))
        platform.reach = 1.0; platform.strictness = 0.15; platform.initialHolders = 0.2
        return [national, regional, platform]
    }

    static func scenario(agents: Int = 8_000, paths: Int = 8, months: Int = 24) -> Scenario {
        var s = EngineFixtures.scenario(agents: agents, paths: paths, months: months)
        s.strategies = [s.strategies[0]]
        s.competitors = competitors()
        return s
    }

    /// Per-path values of a KPI for strategy `strategy`.
    static func kpi(_ id: String, _ scenario: Scenario, _ results: [PathResult], strategy: Int = 0) -> [Double] {
        let kpi = KPI.named(id)!
        let discount = KPI.discountFactors(rate: 0.08, months: scenario.run.months)
        return results.map { kpi.path($0.months[strategy], weight: scenario.agentWeight, discountFactors: discount) }
    }

    /// Mean and standard error of paired differences b - a.
    static func paired(_ a: [Double], _ b: [Double]) -> (mean: Double, se: Double) {
        let d = zip(a, b).map { $1 - $0 }
        let n = Double(d.count)
        let mean = d.reduce(0, +) / n
        let variance = d.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (n - 1)
        return (mean, (variance / n).squareRoot())
    }

    @Test("applicants split among the issuers as the reach-weighted logit of money values says")
    func choiceSharesMatchClosedForm() throws {
        // One segment of one valuation class (no revolvers, no occasional users, no spread of
        // sensitivities), nobody holds a card at month 0 and nobody is rejected, so that every
        // shopper of month 1 applies where it chose.
        var segment = Segment(name: "all", share: 1, incomeMedian: 8000, riskMean: 0, revolverShare: 0,
                              applyPropensity: 0.05, initialPenetration: 0)
        segment.priceSensitivity = 1.3; segment.rewardSensitivity = 0.8
        var competitors = Self.competitors()
        for k in competitors.indices { competitors[k].initialHolders = 0; competitors[k].strictness = 0 }
        // Brands that spread the shares: worth -300, 0 and +500 yuan a year.
        competitors[0].brandValue = -300; competitors[2].brandValue = 500
        var run = RunSettings()
        run.agents = 200_000; run.paths = 6; run.months = 1; run.seed = 11; run.spinUpMonths = 0
        let bank = Strategy(name: "bank")
        var market = Market(adults: run.agents, segments: [segment])
        market.choice.sensitivitySpread = 0
        let scenario = Scenario(name: "choice", market: market, competitors: competitors, run: run, strategies: [bank])
        let results = MonteCarlo.run(scenario, paths: 0..<run.paths, threads: 2)

        let bankReach = bank.channels.reduce(0) { $0 + $1.intensity }
        let profile = ClassProfile(segment: segment, class: 0, market: market, limitIncomeMultiple: bank.risk.limitIncomeMultiple)
        let terms = MonthContext.bankTerms(bank, segment: "all", month: 1)
        let expected = OfferValuation.applicantShares(bank: terms, bankReach: bankReach,
                                                      competitors: competitors.map(CompetitorTerms.init),
                                                      profile: profile, market: market)
        let plainLogit = OfferValuation.applicantShares(bank: terms, bankReach: 1,
                                                        competitors: competitors.map { c in
                                                            var t = CompetitorTerms(c); t.reach = 1; return t
                                                        }, profile: profile, market: market)
        var power = 0.0
        for issuer in 0...competitors.count {
            let shares = results.map { r -> Double in
                let l = r.months[0][0].ledger
                let counts = [l.applications] + l.competitorApplications
                return Double(counts[issuer]) / Double(counts.reduce(0, +))
            }
            let mean = shares.reduce(0, +) / Double(shares.count)
            let sd = (shares.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(shares.count - 1)).squareRoot()
            let se = sd / Double(shares.count).squareRoot()
            #expect(abs(mean - expected[issuer]) < 4.5 * se, "issuer \(issuer): simulated \(mean) ± \(se), closed form \(expected[issuer])")
            power = max(power, abs(mean - plainLogit[issuer]) / se)
        }
        // The test has the power to tell the reach weighting from a plain logit.
        #expect(power > 8, "a plain logit is only \(power) standard errors away")
    }

    @Test("a scripted move fires in its month and changes the terms from then on")
    func scriptedMoveFiresOnTime() {
        var s = Self.scenario(agents: 2_000, paths: 2, months: 12)
        var cut = CompetitorMove()
        cut.name = "price_cut"; cut.month = 7
        cut.set[OfferField.allCases.firstIndex(of: .apr)!] = 0.12
        s.competitors[0].moves = [cut]
        let results = MonteCarlo.run(s, paths: 0..<2, threads: 1)
        for r in results {
            for (t, record) in r.months[0].enumerated() {
                let month = t + 1
                #expect(record.ledger.movesFired == (month == 7 ? 1 : 0), "month \(month)")
                #expect(record.ledger.competitorTerms[0] == (month >= 7 ? 0.12 : 0.1825), "month \(month)")
            }
        }
    }

    @Test("a reactive move fires lag months after its condition first holds, and only then")
    func reactiveMoveFiresOnlyWhenConditionHolds() {
        var s = Self.scenario(agents: 4_000, paths: 4, months: 24)
        // Thresholds around the bank's typical monthly share, so that the condition holds on
        // some paths and months and not on others; and one that can never hold.
        var moves: [CompetitorMove] = []
        for (k, threshold) in [0.40, 0.47, 0.5, 0.53, 1.0].enumerated() {
            var m = CompetitorMove()
            m.name = "answer_\(k)"; m.kind = .reactive
            m.shareAbove = threshold; m.forMonths = 3; m.lag = 2
            m.match = .rewardsRate; m.cap = 0.02
            moves.append(m)
        }
        s.competitors[1].moves = moves
        s.strategies[0].product.rewardsRate = 0.012
        let results = MonteCarlo.run(s, paths: 0..<4, threads: 2)
        var fired = 0, silent = 0
        for r in results {
            let ledgers = r.months[0].map(\.ledger)
            let shares = ledgers.map { l -> Double? in
                let total = l.newAccounts + l.competitorNewAccounts.reduce(0, +)
                return total > 0 ? Double(l.newAccounts) / Double(total) : nil
            }
            for (m, move) in moves.enumerated() {
                // Independent recomputation: the first month that ends a run of 3 months above
                // the threshold, plus the lag.
                var run = 0
                var expected: Int? = nil
                for (t, share) in shares.enumerated() where expected == nil {
                    run = (share ?? 0) > move.shareAbove && share != nil ? run + 1 : 0
                    if run >= move.forMonths { expected = t + 1 + move.lag }
                }
                let bit = Int64(1) << Int64(MoveIndex.bit(s.competitors, competitor: 1, move: m))
                let months = ledgers.enumerated().filter { $0.element.movesFired & bit != 0 }.map { $0.offset + 1 }
                if let e = expected, e <= s.run.months {
                    #expect(months == [e], "path \(r.path) move \(m): fired in \(months), expected [\(e)]")
                    fired += 1
                } else {
                    #expect(months.isEmpty, "path \(r.path) move \(m): fired in \(months) though its condition never held")
                    silent += 1
                }
            }
            // The regional competitor's rewards become the bank's 1.2% once any move fired.
            let first = ledgers.firstIndex { $0.movesFired != 0 }
            let rewards = OfferField.allCases.count + OfferField.allCases.firstIndex(of: .rewardsRate)!
            for (t, l) in ledgers.enumerated() {
                #expect(l.competitorTerms[rewards] == (first.map { t >= $0 } == true ? 0.012 : 0.004))
            }
        }
        // Both branches were exercised.
        #expect(fired > 0 && silent > 0, "fired \(fired), silent \(silent)")
    }

    @Test("a competitor's price cut lowers the bank's share of new accounts and raises attrition to it")
    func priceWarComparativeStatics() {
        // 32,000 agents: the screened month-0 book leaves fewer holders who shop around.
        let base = Self.scenario(agents: 32_000)
        var war = base
        war.competitors[0].offer.apr = 0.12
        war.competitors[0].offer.rewardsRate = 0.01
        let a = MonteCarlo.run(base, paths: 0..<base.run.paths, threads: 2)
        let b = MonteCarlo.run(war, paths: 0..<war.run.paths, threads: 2)
        let share = Self.paired(Self.kpi("bank_share_new_accounts", base, a), Self.kpi("bank_share_new_accounts", war, b))
        #expect(share.mean < -4 * share.se, "share of new accounts changed by \(share.mean) ± \(share.se)")
        let leave = Self.paired(Self.kpi("attrition_to_competitors", base, a), Self.kpi("attrition_to_competitors", war, b))
        #expect(leave.mean > 4 * leave.se, "attrition to competitors changed by \(leave.mean) ± \(leave.se)")
        let spend = Self.paired(Self.kpi("bank_share_card_spend", base, a), Self.kpi("bank_share_card_spend", war, b))
        #expect(spend.mean < -4 * spend.se, "share of card spend changed by \(spend.mean) ± \(spend.se)")
    }

    @Test("a recession raises the overdue and charge-off rates")
    func recessionComparativeStatics() {
        // 24 paths: the month-30 overdue rate's paired difference varies with each path's macro
        // shocks as much as with the recession, so its standard error shrinks only with paths.
        var base = Self.scenario(agents: 24_000, paths: 24, months: 30)
        base.market.credit.baseRoll[0] = 0.004   // enough charge-offs within the horizon
        var slump = base
        // From month 10 to the end of the run, so that the last month's overdue rate is in it.
        slump.macro.recession = Recession(startMonth: 10, lengthMonths: 21, unemploymentRise: 3, consumptionDrop: 0.05)
        let a = MonteCarlo.run(base, paths: 0..<base.run.paths, threads: 2)
        let b = MonteCarlo.run(slump, paths: 0..<slump.run.paths, threads: 2)
        for id in ["overdue_rate", "charge_off_rate"] {
            let d = Self.paired(Self.kpi(id, base, a), Self.kpi(id, slump, b))
            #expect(d.mean > 4 * d.se, "\(id) changed by \(d.mean) ± \(d.se)")
        }
    }
}
