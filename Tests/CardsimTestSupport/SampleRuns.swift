import CardsimEngine

/// Small runs built by hand, whose KPIs can be worked out on paper.
public enum SampleRuns {
    /// Two strategies, "champion" (4 channels) and `fee, "cut"` (2 channels; a name that needs
    /// CSV quoting), 1,000 adults simulated by 10 agents (agent weight 100), discount rate 0 so
    /// that NPV equals net income.
    public static func scenario(paths: Int = 3, months: Int = 2) -> Scenario {
        var run = RunSettings()
        run.paths = paths; run.months = months; run.agents = 10; run.seed = 42
        var champion = Strategy(name: "champion")
        champion.economics.discountRate = 0
        var challenger = Strategy(name: "fee, \"cut\"", channels: Array(Channel.defaults.prefix(2)))
        challenger.economics.discountRate = 0
        let market = Market(adults: 1_000, segments: [Segment(name: "everyone", share: 1, incomeMedian: 8_000)])
        return Scenario(name: "sample", market: market, run: run, strategies: [champion, challenger])
    }

    /// One month of path `p`, strategy `s`, month index `t`, per agent-sum (unweighted):
    ///
    /// - cards in force `2 (10 + p + s + t)`, half of them active;
    /// - 4 applications, all through the first channel; `2 + p` new accounts;
    /// - interest 1.5 (p + 1) yuan and acquisition cost 30 yuan, nothing else.
    public static func record(path p: Int, strategy s: Int, month t: Int, channels: Int) -> MonthRecord {
        var ledger = MonthLedger(channels: channels)
        ledger.cardsInForce = Int64(2 * (10 + p + s + t))
        ledger.activeCards = Int64(10 + p + s + t)
        ledger.applications = 4
        ledger.applicationsByChannel[0] = 4
        ledger.newAccounts = Int64(2 + p)
        var pnl = ProfitAndLoss()
        pnl.interest = 1.5 * Double(p + 1)
        pnl.acquisition = 30
        return MonthRecord(ledger: ledger, pnl: pnl)
    }

    /// The results of `paths` (sorted) for `scenario`, month by month as `record` says, with
    /// the vintage tables `vintages` gives.
    public static func results(_ scenario: Scenario, paths: Range<Int>? = nil) -> [PathResult] {
        (paths ?? 0..<scenario.run.paths).map { p in
            PathResult(path: p, months: scenario.strategies.enumerated().map { s, strategy in
                (0..<scenario.run.months).map { t in
                    record(path: p, strategy: s, month: t, channels: strategy.channels.count)
                }
            }, vintages: scenario.strategies.indices.map { s in vintages(path: p, strategy: s, months: scenario.run.months) })
        }
    }

    /// A vintage table of `months` months whose every entry differs: quarter q books
    /// `5 + p + s + q` accounts with lines of 1,000,000.07 yuan each; cell (q, m) has
    /// `open = booked - m`, `ever_30 = m + q`, `ever_90 = m`, `charged_off = m / 2` and a net loss
    /// of `1234567 * m + 3 q + s` fen. Quarters past the first book nothing when `p` is odd.
    public static func vintages(path p: Int, strategy s: Int, months: Int) -> VintageTable {
        var table = VintageTable(months: months)
        for q in 0..<table.quarters {
            let booked = p % 2 == 1 && q > 0 ? 0 : Int64(5 + p + s + q)
            table.booked[q] = booked
            table.initialLines[q] = booked * 100_000_007
            for m in 0..<table.monthsObserved(quarter: q) {
                let k = table.index(quarter: q, monthsOnBook: m)!
                let n = Int64(m)
                table.cells[k] = VintageTable.Cell(open: max(0, booked - n), openNever90: max(0, booked - 2 * n),
                                                   ever30: min(booked, n + Int64(q)), ever90: min(booked, n),
                                                   chargedOff: min(booked, n / 2), netLoss: 1_234_567 * n + Int64(3 * q + s))
            }
        }
        return table
    }

    /// Results whose every ledger and P&L field holds a distinct value, including doubles that
    /// do not survive a careless round trip through text.
    public static func awkwardResults(paths: Range<Int>, strategies: [Int], months: Int) -> [PathResult] {
        let awkward: [Double] = [0.1 + 0.2, 1e-300, -0.0, .leastNonzeroMagnitude, 1.7976931348623157e308, 1 / 3, -2.5e-17, 123456789.123456789,
                                 .pi, 1e16, 0.000001]
        var k = 0
        func next() -> Double { defer { k += 1 }; return awkward[k % awkward.count] }
        func int() -> Int64 { defer { k += 1 }; return Int64(k) * 1_000_003 - (k % 2 == 0 ? 0 : Int64.max / 3) }
        return paths.map { p in
            PathResult(path: p, months: strategies.map { channels in
                (0..<months).map { _ in
                    var l = MonthLedger(channels: channels)
                    l.applications = int(); l.newAccounts = int(); l.activations = int(); l.closures = int()
                    l.chargeOffAccounts = int()
                    for c in l.applicationsByChannel.indices { l.applicationsByChannel[c] = int() }
                    l.cardsInForce = int(); l.activeCards = int(); l.dormantCards = int(); l.longDormantCards = int()
                    for b in l.accountsByBucket.indices { l.accountsByBucket[b] = int(); l.receivablesByBucket[b] = int() }
                    l.receivablesOpening = int(); l.spend = int(); l.cashDisbursed = int(); l.interest = int()
                    l.installmentFees = int(); l.annualFees = int(); l.lateFees = int(); l.cashAdvanceFees = int()
                    l.payments = int(); l.chargeOffs = int(); l.recoveries = int(); l.receivablesClosing = int()
                    for c in l.spendByCategory.indices { l.spendByCategory[c] = next() }
                    var m = ProfitAndLoss()
                    m.interest = next(); m.installmentFees = next(); m.annualFees = next(); m.lateFees = next()
                    m.cashAdvanceFees = next(); m.interchange = next(); m.rewards = next(); m.funding = next()
                    m.operating = next(); m.acquisition = next(); m.creditLosses = next()
                    return MonthRecord(ledger: l, pnl: m)
                }
            })
        }
    }
}
