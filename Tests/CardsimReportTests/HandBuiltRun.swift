import CardsimEngine
import CardsimOutput
import CardsimReport
import Foundation

/// A run built by hand, month by month from fixed formulas, so that its charts' scripts do not
/// depend on the simulator's behaviour: three strategies (one with a name that needs quoting
/// in gnuplot and CSV), 3 paths, 6 months, 10 agents for 1,000 adults.
enum HandBuiltRun {
    static let scenarioName = "golden: 手工 \"run\" \\ <b>"

    static let scenario: Scenario = {
        var run = RunSettings()
        run.paths = 3; run.months = 6; run.agents = 10; run.seed = 1
        let market = Market(adults: 1_000, segments: [Segment(name: "everyone", share: 1, incomeMedian: 8_000)])
        let challenger = Strategy(name: "免年费 \"cut\"", channels: Array(Channel.defaults.prefix(2)))
        return Scenario(name: scenarioName, market: market, run: run,
                        strategies: [Strategy(name: "champion"), challenger, Strategy(name: "second")])
    }()

    /// Month t (0-based) of path p under strategy s.
    static func record(p: Int, s: Int, t: Int, channels: Int) -> MonthRecord {
        var l = MonthLedger(channels: channels)
        l.applications = Int64(40 + p + 2 * s + t)
        l.applicationsByChannel[0] = l.applications / 2
        l.applicationsByChannel[1] = l.applications - l.applications / 2
        l.newAccounts = Int64(20 + p + s)
        l.activations = Int64(15 + s + t % 2)
        l.cardsInForce = Int64(1_000 + 10 * p + 50 * s + 5 * t)
        l.activeCards = Int64(600 + 5 * p + 20 * s + 3 * t)
        l.receivablesOpening = Int64(990_000 + 1_000 * p + 5_000 * s + 2_000 * t)
        l.receivablesClosing = Int64(1_000_000 + 1_000 * p + 5_000 * s + 2_000 * t)
        let pastDue: [Int64] = [Int64(3_000 + 100 * t), Int64(1_500 + 50 * s), 800, 500, Int64(300 + 10 * p), 200]
        l.receivablesByBucket = [l.receivablesClosing - pastDue.reduce(0, +)] + pastDue
        l.accountsByBucket = [Int64(990 + 10 * p), 6, 3, 2, 1, 1, 1]
        l.chargeOffs = Int64(500 + 10 * p)
        var m = ProfitAndLoss()
        m.interest = Double(100 + 3 * p + 10 * s + t)
        m.installmentFees = Double(20 + s)
        m.annualFees = s == 1 ? 0 : Double(30 + p)
        m.interchange = Double(40 + 2 * t)
        m.rewards = Double(15 + 3 * s)
        m.funding = Double(25 + p)
        m.operating = 60
        m.acquisition = Double(30 + 5 * s)
        m.creditLosses = Double(10 + 2 * p + t)
        return MonthRecord(ledger: l, pnl: m)
    }

    /// The vintage table of path p under strategy s: quarter q books `30 + 5p + 2s + q`
    /// accounts, `p + (1 + s) m` of them ever 90+ days past due at m months on book.
    static func vintages(p: Int, s: Int) -> VintageTable {
        var table = VintageTable(months: 6)
        for q in 0..<table.quarters {
            table.booked[q] = Int64(30 + 5 * p + 2 * s + q)
            table.initialLines[q] = table.booked[q] * 2_000_000
            for m in 0..<table.monthsObserved(quarter: q) {
                let bad = Int64(p + (1 + s) * m)
                table.cells[table.index(quarter: q, monthsOnBook: m)!] =
                    VintageTable.Cell(open: table.booked[q] - Int64(m), openNever90: table.booked[q] - bad, ever30: 2 * bad,
                                      ever90: bad, chargedOff: Int64(m / 2), netLoss: Int64(m) * 150_000)
            }
        }
        return table
    }

    static let results: [PathResult] = (0..<3).map { p in
        PathResult(path: p, months: scenario.strategies.enumerated().map { s, strategy in
            (0..<6).map { t in record(p: p, s: s, t: t, channels: strategy.channels.count) }
        }, vintages: scenario.strategies.indices.map { vintages(p: p, s: $0) })
    }

    /// The run written to a directory and read back.
    static let stored: Fixtures.Stored = {
        let dir = Fixtures.scratch.appendingPathComponent("hand-built")
        do {
            try RunDirectory.write(to: dir, info: RunInfo(scenario: scenario, scenarioHash: "0123456789abcdef"),
                                   scenario: scenario, source: ScenarioSource(yaml: "# hand-built\nname: golden\n", overrides: []),
                                   results: results)
            return Fixtures.Stored(directory: dir, run: try RunData.load(dir) { _, _ in scenario })
        } catch {
            fatalError("cannot write the hand-built run: \(error)")
        }
    }()
}
