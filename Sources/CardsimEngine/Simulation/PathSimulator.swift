/// Simulates one path: for each strategy, draws the population (the same agents and the same
/// draws for every strategy: common random numbers), then runs the months.
///
/// A month runs the kernels in this order over blocks of `blockSize` agents, so that a block's
/// columns stay in cache across kernels:
/// Before the months, the agents' competitor holdings are drawn and each month starts with the
/// competitors' moves due (`CompetitorMarket`).
/// 1. `Acquire`  2. `Activate`  3. `Spend`  4. `Statement` (installments, payment, interest)
/// 5. `Delinquency` (roll, cure, charge-off), then `TrackOutcome` (account history)  6. `Attrite`  7. `ManageLines` (periodic limit
/// reviews)  8. `Account` (month-end snapshot).
/// Acquisition scans every agent of the block; the later kernels visit only the block's
/// accounts (issued or open after acquisition), listed once per block, since most agents are
/// prospects. Every kernel sees only its own agent's columns and draws, so blocking does not
/// change any result. Kernels add each block's partial sums to the month's ledger in block order, which
/// fixes the floating-point sums.
public struct PathSimulator: Sendable {
    public let scenario: Scenario
    public static let blockSize = 2048
    /// Draw the observable features even without scorecards (for `FeatureExport`).
    public var drawsFeatures = false
    /// Called at the end of every month with the strategy index, the month and the population
    /// (for `FeatureExport`'s behaviour snapshots); nil in runs.
    public var monthEnd: (@Sendable (_ strategy: Int, _ month: Int, _ population: Population) -> Void)?

    /// Cholesky factor of the macro shock covariance.
    let macroFactor: Matrix

    public init(scenario: Scenario) {
        self.scenario = scenario
        macroFactor = scenario.macro.shockCovariance.choleskyLower()
            ?? Matrix(rows: 3, columns: 3, elements: [Double](repeating: 0, count: 9))
    }

    public func simulate(path: Int, population: Population) -> PathResult {
        let rng = PathRandom(seed: scenario.run.seed, path: path)
        let macroPath = MacroPath.draw(scenario.macro, months: scenario.run.months, rng: rng, factor: macroFactor)
        var all: [[MonthRecord]] = []
        // Scorecards: observable features drawn (`StrategyScoring`). Account outcomes are
        // tracked on every run, so that the approval score's discrimination is measured.
        let scored = scenario.usesScorecards || drawsFeatures
        var discrimination: [ScoreDiscrimination] = []
        let indexBuffer = UnsafeMutableBufferPointer<Int32>.allocate(capacity: Self.blockSize)
        defer { indexBuffer.deallocate() }
        for (s, strategy) in scenario.strategies.enumerated() {
            PopulationDraw.draw(population, market: scenario.market,
                                policy: scenario.strategies[0].risk, rng: rng)
            CompetitorHoldings.draw(population, competitors: scenario.competitors, rng: rng)
            population.observed.resetAccounts(population)
            var market = CompetitorMarket(scenario.competitors)
            let scoring = scored ? StrategyScoring(strategy: strategy, scenario: scenario, pop: population, rng: rng,
                                                   month1: scenario.run.months > 0 ? MonthContext(month: 1, scenario: scenario, strategy: strategy.inForce(at: 1), macro: macroPath[1]) : nil) : nil
            var opening = Self.receivables(population)
            var months: [MonthRecord] = []
            months.reserveCapacity(scenario.run.months)
            for month in 1...max(1, scenario.run.months) where month <= scenario.run.months {
                let inForce = strategy.inForce(at: month)
                let fired = market.begin(month: month, bank: inForce.product.offer)
                let ctx = MonthContext(month: month, scenario: scenario, strategy: inForce,
                                       macro: macroPath[month], competitors: market.terms)
                var ledger = MonthLedger(channels: strategy.channels.count,
                                         alliances: min(strategy.alliances.count, LeverContext.maximumTracked),
                                         themeCards: min(strategy.themeCards.count, LeverContext.maximumTracked),
                                         competitors: scenario.competitors.count)
                ledger.record(terms: market.terms, movesFired: fired)
                ledger.receivablesOpening = opening
                var start = 0
                while start < population.count {
                    let range = start..<min(start + Self.blockSize, population.count)
                    Acquire.run(population, range, ctx, rng, &ledger, scoring?.approval(month: month, policy: inForce.risk))
                    let accounts = Self.accounts(population, range, into: indexBuffer)
                    Activate.run(population, accounts, ctx, rng, &ledger)
                    Spend.run(population, accounts, ctx, rng, &ledger)
                    Statement.run(population, accounts, ctx, rng, &ledger)
                    Delinquency.run(population, accounts, ctx, rng, &ledger)
                    TrackOutcome.run(population, accounts, month: month)
                    Attrite.run(population, accounts, ctx, rng, &ledger)
                    ManageLines.run(population, accounts, ctx, rng, &ledger,
                                    behaviour: ctx.levers.reviewMonths > 0 ? scoring?.behaviourScores(month: month, policy: inForce.risk, agents: accounts) : nil)
                    Account.run(population, accounts, ctx, rng, &ledger)
                    start = range.upperBound
                }
                opening = ledger.receivablesClosing
                monthEnd?(s, month, population)
                market.end(month: month, bankNewAccounts: ledger.newAccounts,
                           competitorNewAccounts: ledger.competitorNewAccounts)
                months.append(MonthRecord(ledger: ledger, pnl: ProfitAndLoss(ledger: ledger, strategy: inForce, month: month, macro: ctx.macro,
                                                                                 agentWeight: scenario.agentWeight)))
            }
            all.append(months)
            discrimination.append(ScoreDiscrimination.measure(population))
        }
        return PathResult(path: path, months: all, discrimination: discrimination)
    }

    /// The agents of `range` that hold an issued or open card, in order.
    static func accounts(_ pop: Population, _ range: Range<Int>,
                         into buffer: UnsafeMutableBufferPointer<Int32>) -> AgentIndices {
        let issued = Lifecycle.issued.rawValue, open = Lifecycle.open.rawValue
        var n = 0
        for i in range {
            let s = pop.state[i]
            buffer[n] = Int32(truncatingIfNeeded: i)
            n &+= (s == issued || s == open) ? 1 : 0
        }
        return AgentIndices(rebasing: buffer[0..<n])
    }

    static func receivables(_ pop: Population) -> Int64 {
        var total: Int64 = 0
        for i in 0..<pop.count { total += pop.receivable(i) }
        return total
    }
}

/// Indices of the agents a kernel visits (a block's accounts).
public typealias AgentIndices = UnsafeBufferPointer<Int32>
