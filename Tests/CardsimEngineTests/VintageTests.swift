import Foundation
import Testing
@testable import CardsimEngine

/// The vintage tally (`VintageTable`) against an independent count, and the seasoning curve
/// as the vintages show it.
@Suite struct VintageTests {
    /// The cells an independent pass over the whole population at every month end gives:
    /// stocks of the accounts booked during the run by their state and history at that month
    /// end, and the net loss of each write-off from the receivable the account held at the
    /// previous month end (an account past 180 days accrues and pays nothing, so with
    /// `write_off_days` 360 that is what is written off).
    final class MonthEndCount: @unchecked Sendable {
        let lock = NSLock()
        let months: Int, recoveryRate: Double
        var tables: [Int: VintageTable] = [:]
        /// Per strategy: each agent's state and receivable at the previous month end.
        var previous: [Int: ([UInt8], [Int64])] = [:]
        /// Per strategy and month >= 2: written-off receivables and recoveries of every account.
        var chargeOffs: [Int: [Int: (Int64, Int64)]] = [:]

        init(months: Int, recoveryRate: Double) { self.months = months; self.recoveryRate = recoveryRate }

        func observe(strategy s: Int, month t: Int, pop: Population) {
            lock.lock(); defer { lock.unlock() }
            var table = tables[s] ?? VintageTable(months: months)
            let issued = Lifecycle.issued.rawValue, open = Lifecycle.open.rawValue, chargedOff = Lifecycle.chargedOff.rawValue
            let (state, owed) = previous[s] ?? ([], [])
            var written: Int64 = 0, recovered: Int64 = 0
            for i in 0..<pop.count {
                let wasOn = !state.isEmpty && (state[i] == issued || state[i] == open)
                var loss: Int64 = 0
                if wasOn && pop.state[i] == chargedOff {
                    loss = owed[i] - Int64(Double(owed[i]) * recoveryRate)
                    written += owed[i]; recovered += Int64(Double(owed[i]) * recoveryRate)
                }
                let b = Int(pop.observed.bookedMonth[i])
                guard b > 0 else { continue }
                let q = (b - 1) / 3, m = t - b
                if m == 0 { table.booked[q] += 1; table.initialLines[q] += pop.limit[i] }
                guard let k = table.index(quarter: q, monthsOnBook: m) else { continue }
                let inForce = pop.state[i] == issued || pop.state[i] == open
                table.cells[k].open += inForce ? 1 : 0
                table.cells[k].openNever90 += inForce && pop.observed.badMonth[i] == 0 ? 1 : 0
                table.cells[k].ever30 += pop.observed.worstBucket[i] >= 2 ? 1 : 0
                table.cells[k].ever90 += pop.observed.badMonth[i] > 0 ? 1 : 0
                table.cells[k].chargedOff += pop.state[i] == chargedOff ? 1 : 0
                table.cells[k].netLoss += loss   // this month's write-offs, cumulated by the test
            }
            if !state.isEmpty { chargeOffs[s, default: [:]][t] = (written, recovered) }
            previous[s] = ((0..<pop.count).map { pop.state[$0] }, (0..<pop.count).map { pop.receivable($0) })
            tables[s] = table
        }
    }

    /// A small book with fast rolls, so that every column counts something: two strategies,
    /// 30 months after a 12-month spin-up, write-off at 360 days.
    static func smallBook() -> Scenario {
        var s = EngineFixtures.scenario(agents: 12_000, paths: 1, months: 30)
        s.run.spinUpMonths = 12
        s.market.credit.baseRoll = [0.06, 0.4, 0.55, 0.6, 0.65, 0.7, 0.75]
        s.market.credit.writeOffDays = 360
        return s
    }

    @Test func tallyMatchesAnIndependentMonthEndCount() throws {
        let scenario = Self.smallBook()
        var simulator = PathSimulator(scenario: scenario)
        let count = MonthEndCount(months: scenario.run.months, recoveryRate: scenario.market.credit.recoveryRate)
        simulator.monthEnd = { s, t, pop in count.observe(strategy: s, month: t, pop: pop) }
        let result = simulator.simulate(path: 0, population: Population(count: scenario.run.agents))
        #expect(result.vintages.count == 2)
        for s in 0..<2 {
            var expected = try #require(count.tables[s])
            // The month-end pass adds each month's write-offs at their month on book; the
            // table's net loss is cumulative.
            for q in 0..<expected.quarters {
                for m in 1..<expected.monthsObserved(quarter: q) {
                    let k = expected.index(quarter: q, monthsOnBook: m)!
                    expected.cells[k].netLoss += expected.cells[k - 1].netLoss
                }
            }
            let table = result.vintages[s]
            #expect(table == expected)
            // Every account booked is in a vintage; the write-offs the pass priced are the ledger's.
            #expect(table.booked.reduce(0, +) == result.months[s].map(\.ledger.newAccounts).reduce(0, +))
            for t in 2...scenario.run.months {
                let ledger = result.months[s][t - 1].ledger
                #expect(count.chargeOffs[s]?[t]?.0 == ledger.chargeOffs && count.chargeOffs[s]?[t]?.1 == ledger.recoveries, "month \(t)")
            }
            // Something to count in every column.
            let last = table.cell(quarter: 0, monthsOnBook: table.monthsObserved(quarter: 0) - 1)!
            #expect(table.booked[0] > 100 && last.ever30 > 0 && last.ever90 > 0 && last.chargedOff > 0 && last.netLoss > 0,
                    "quarter 1 at 27 months on book: \(last), booked \(table.booked[0])")
        }
    }
}
