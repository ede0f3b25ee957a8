/// Simulates one path: for each strategy, draws the population (the same agents and the same
/// draws for every strategy: common random numbers), then runs the months.
///
/// A month runs the kernels in this order over blocks of `blockSize` agents, so that a block's
/// columns stay in cache across kernels:
/// Before the months, the agents' competitor holdings are drawn and each month starts with the
/// competitors' moves due (`CompetitorMarket`).
/// 1. `Acquire`  2. `Activate`  3. `Spend`  4. `Statement` (installments, payment, interest)
/// 5. `Delinquency` (roll, cure, charge-off), then `TrackOutcome` (account history)  6. `Attrite`, then `CrossSell`
/// (membership, consumer loans)  7. `ManageLines` (periodic limit
/// reviews)  8. `Account` (month-end snapshot)  9. `TallyVintages` (vintage stocks; run months only).
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
    /// Called with the population before each month's kernels run (tests measure campaigns on
    /// the cards they target with it).
    public var monthStart: (@Sendable (_ strategy: Int, _ month: Int, _ population: Population) -> Void)?

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
        var vintageTables: [VintageTable] = []
        let indexBuffer = UnsafeMutableBufferPointer<Int32>.allocate(capacity: Self.blockSize)
        defer { indexBuffer.deallocate() }
        // The book at month 0: drawn, then spun up once per path (the same history for every
        // strategy: common random numbers) and copied for each strategy and each run without a
        // campaign; a single strategy without campaigns runs on the spun-up population itself
        // (no copy, half the memory).
        var history: (book: Population?, chargeOffs: [Int64])?
        let campaignRuns = scenario.strategies.map { $0.campaigns.active(months: scenario.run.months) }
        let runsPerPath = scenario.strategies.count + campaignRuns.reduce(0) { $0 + $1.count }
        // No campaign arms before the run (the buffers are reused from the previous path).
        population.campaignArms.update(repeating: 0, count: max(population.count, 1))
        if scenario.run.spinUpMonths > 0 {
            PopulationDraw.draw(population, market: scenario.market, policy: scenario.strategies[0].risk, rng: rng)
            CompetitorHoldings.draw(population, competitors: scenario.competitors, rng: rng)
            let chargeOffs = spinUp(population, rng: rng, macro: macroPath[0], indexBuffer: indexBuffer)
            var book: Population?
            if runsPerPath > 1 {
                book = Population(count: population.count)
                book?.copy(from: population)
            }
            history = (book, chargeOffs)
        }
        var campaigns: [[CampaignRecord]] = []
        var segments: [[[SegmentFlows]]] = [], channels: [[ChannelTally]] = []
        for (s, strategy) in scenario.strategies.enumerated() {
            let own = runStrategy(s, strategy, population: population, history: history, rng: rng,
                                  macroPath: macroPath, scored: scored, indexBuffer: indexBuffer, observed: true)
            all.append(own.months)
            segments.append(own.segments)
            channels.append(own.channels)
            discrimination.append(ScoreDiscrimination.measure(population))
            vintageTables.append(own.vintages)
            // Each campaign's true effect: the same strategy with that campaign muted, on the
            // same book and draws (common random numbers).
            var records: [CampaignRecord] = []
            for kind in campaignRuns[s] {
                var without = strategy
                without.campaigns.muted = kind
                let shadow = runStrategy(s, without, population: population, history: history, rng: rng,
                                         macroPath: macroPath, scored: scored, indexBuffer: indexBuffer, observed: false)
                let k = kind.rawValue
                records.append(CampaignRecord(kind: kind, arms: [own.arms[k], own.arms[3 + k], shadow.arms[k], shadow.arms[3 + k]]))
            }
            campaigns.append(records)
        }
        return PathResult(path: path, months: all, discrimination: discrimination, vintages: vintageTables,
                          campaigns: campaigns, segments: segments, channels: channels)
    }

    /// One strategy's months on the path from the month-0 book: its month records, its vintage
    /// table, its six campaign arms' months (`CampaignArm.bit` order), its segments' months and
    /// its channels' run totals. `observed` runs call `monthStart` and `monthEnd` (the runs
    /// without a campaign do not).
    func runStrategy(_ s: Int, _ strategy: Strategy, population: Population,
                     history: (book: Population?, chargeOffs: [Int64])?, rng: PathRandom, macroPath: [MacroState],
                     scored: Bool, indexBuffer: UnsafeMutableBufferPointer<Int32>, observed: Bool)
        -> (months: [MonthRecord], vintages: VintageTable, arms: [[CampaignTally]], segments: [[SegmentFlows]],
            channels: [ChannelTally])
    {
        if let history {
            if let book = history.book { population.copy(from: book) }
        } else {
            PopulationDraw.draw(population, market: scenario.market,
                                policy: scenario.strategies[0].risk, rng: rng)
            CompetitorHoldings.draw(population, competitors: scenario.competitors, rng: rng)
        }
        population.campaignArms.update(repeating: 0, count: max(population.count, 1))
        population.observed.resetAccounts(population)
        var market = CompetitorMarket(scenario.competitors)
        let scoring = scored ? StrategyScoring(strategy: strategy, scenario: scenario, pop: population, rng: rng,
                                               month1: scenario.run.months > 0 ? MonthContext(month: 1, scenario: scenario, strategy: strategy.inForce(at: 1), macro: macroPath[1]) : nil) : nil
        var opening = Self.receivables(population)
        var loanOpening = Self.loanBalances(population)
        var trailing = TrailingSum(history?.chargeOffs ?? [])
        var months: [MonthRecord] = []
        months.reserveCapacity(scenario.run.months)
        let measured = !strategy.campaigns.active(months: scenario.run.months).isEmpty
        var arms = [[CampaignTally]](repeating: [], count: measured ? 6 : 0)
        var armOpening = [Int64](repeating: 0, count: 6)
        var segments: [[SegmentFlows]] = []
        segments.reserveCapacity(scenario.run.months)
        var channels = [ChannelTally](repeating: ChannelTally(), count: strategy.channels.count)
        // The long-dormant share at the end of the previous month (month 0's book for month 1).
        var dormantOpening = Self.longDormant(population, scenario.market.behaviour)
        var vintages: VintageTable? = VintageTable(months: scenario.run.months)
        for month in 1...max(1, scenario.run.months) where month <= scenario.run.months {
            let inForce = strategy.inForce(at: month)
            let fired = market.begin(month: month, bank: inForce.product.offer)
            var ctx = MonthContext(month: month, scenario: scenario, strategy: inForce,
                                   macro: macroPath[month], competitors: market.terms)
            ctx.issuanceStopped = scenario.market.regulation.stopsIssuance(longDormant: dormantOpening.longDormant,
                                                                           inForce: dormantOpening.inForce)
            ctx.levers.limitToCapacity(population)
            var ledger = newLedger(strategy)
            if measured { ledger.campaignFlows = Array(repeating: CampaignFlows(), count: 6) }
            ledger.issuanceStopped = ctx.issuanceStopped ? 1 : 0
            ledger.record(terms: market.terms, movesFired: fired)
            ledger.receivablesOpening = opening
            ledger.loanBalancesOpening = loanOpening
            if observed { monthStart?(s, month, population) }
            runMonth(population, ctx, rng, &ledger, scoring: scoring, policy: inForce.risk,
                     vintages: &vintages, indexBuffer: indexBuffer)
            opening = ledger.receivablesClosing
            loanOpening = ledger.loanBalancesClosing
            dormantOpening = (ledger.longDormantCards, ledger.cardsInForce)
            ledger.chargeOffsTrailing12 = trailing.add(ledger.chargeOffs)
            ledger.complaints = scenario.market.complaints.expected(ledger)
            if observed { monthEnd?(s, month, population) }
            market.end(month: month, bankNewAccounts: ledger.newAccounts,
                       competitorNewAccounts: ledger.competitorNewAccounts)
            if measured {
                let fundingRate = ctx.macro.fundingRate + inForce.economics.fundingSpread
                for (b, flows) in ledger.campaignFlows.enumerated() {
                    let kind = CampaignKind(rawValue: b % 3)!
                    arms[b].append(CampaignTally(flows, openingReceivables: armOpening[b],
                                                 unitCost: inForce.campaigns.unitCost(kind), fundingRate: fundingRate,
                                                 operatingCostPerAccount: inForce.economics.operatingCostPerAccount))
                    armOpening[b] = flows.receivablesClosing
                }
                ledger.campaignFlows = []
            }
            segments.append(ledger.segmentFlows)
            for c in channels.indices {
                channels[c].add(ledger, channel: c, month: month, months: scenario.run.months,
                                costPerApplication: inForce.channels[c].costPerApplication)
            }
            ledger.segmentFlows = []
            ledger.channelFlows = []
            months.append(MonthRecord(ledger: ledger, pnl: ProfitAndLoss(ledger: ledger, strategy: inForce, month: month, macro: ctx.macro,
                                                                             agentWeight: scenario.agentWeight)))
        }
        vintages!.cumulate()
        return (months, vintages!, arms, segments, channels)
    }


    /// The spin-up: months 1 - H ... 0 (H = `run.spinUpMonths`) of the bank's history under the
    /// champion's product, pricing and approval policy in force at month 1, with its lever
    /// windows as in month 1 evaluated at month 1 (a lever that starts later is off), the macro
    /// economy held at its month-0 state and the competitors at their declared terms (no
    /// moves), under the same long-dormant rule (`Regulation`) as the run. Draws are keyed by these month numbers, so they are distinct from the run's and
    /// the same on any thread or shard. Returns the charge-offs of the last 11 months, fen, for
    /// the trailing ratio of months 1-11.
    func spinUp(_ population: Population, rng: PathRandom, macro: MacroState,
                indexBuffer: UnsafeMutableBufferPointer<Int32>) -> [Int64] {
        let champion = scenario.strategies[0].inForce(at: 1)
        let scoring = scenario.usesScorecards
            ? StrategyScoring(strategy: scenario.strategies[0], scenario: scenario, pop: population, rng: rng,
                              month1: MonthContext(month: 1, scenario: scenario, strategy: champion, macro: macro))
            : nil
        let months = scenario.run.spinUpMonths
        var chargeOffs: [Int64] = []
        var dormantOpening = Self.longDormant(population, scenario.market.behaviour)
        var untracked: VintageTable? = nil
        for month in (1 - months)...0 {
            var ctx = MonthContext(month: month, scenario: scenario, strategy: champion, macro: macro, leverMonth: 1)
            ctx.issuanceStopped = scenario.market.regulation.stopsIssuance(longDormant: dormantOpening.longDormant,
                                                                           inForce: dormantOpening.inForce)
            var ledger = newLedger(scenario.strategies[0])
            runMonth(population, ctx, rng, &ledger, scoring: scoring, policy: champion.risk, scoringMonth: 1,
                     vintages: &untracked, indexBuffer: indexBuffer)
            chargeOffs.append(ledger.chargeOffs)
            dormantOpening = (ledger.longDormantCards, ledger.cardsInForce)
        }
        return Array(chargeOffs.suffix(11))
    }

    func newLedger(_ strategy: Strategy) -> MonthLedger {
        var ledger = MonthLedger(channels: strategy.channels.count,
                                 alliances: min(strategy.alliances.count, LeverContext.maximumTracked),
                                 themeCards: min(strategy.themeCards.count, LeverContext.maximumTracked),
                                 competitors: scenario.competitors.count)
        ledger.segmentFlows = Array(repeating: SegmentFlows(), count: max(scenario.market.segments.count, 1))
        ledger.channelFlows = Array(repeating: ChannelFlows(), count: strategy.channels.count)
        return ledger
    }

    /// One month of every kernel over the population, block by block. `scoringMonth` is the
    /// month whose scorecards are in force (the spin-up uses month 1's). With `vintages` (run
    /// months) it runs `TrackOutcome` and `TallyVintages` and tallies write-offs into the table;
    /// without (the spin-up, whose history is reset before month 1 anyway) neither.
    func runMonth(_ population: Population, _ ctx: MonthContext, _ rng: PathRandom, _ ledger: inout MonthLedger,
                  scoring: StrategyScoring?, policy: RiskPolicy, scoringMonth: Int? = nil, vintages: inout VintageTable?,
                  indexBuffer: UnsafeMutableBufferPointer<Int32>) {
        let scoreMonth = scoringMonth ?? ctx.month
        let approval = scoring?.approval(month: scoreMonth, policy: policy)
        var start = 0
        while start < population.count {
            let range = start..<min(start + Self.blockSize, population.count)
            Acquire.run(population, range, ctx, rng, &ledger, approval)
            let accounts = Self.accounts(population, range, into: indexBuffer)
            Activate.run(population, accounts, ctx, rng, &ledger)
            Spend.run(population, accounts, ctx, rng, &ledger)
            Statement.run(population, accounts, ctx, rng, &ledger)
            Delinquency.run(population, accounts, ctx, rng, &ledger, vintages: &vintages)
            if vintages != nil {
                TrackOutcome.run(population, accounts, month: ctx.month, runMonths: ctx.runMonths, &vintages!, &ledger)
            }
            Attrite.run(population, accounts, ctx, rng, &ledger)
            CrossSell.run(population, accounts, ctx, rng, &ledger)
            ManageLines.run(population, accounts, ctx, rng, &ledger,
                            behaviour: ctx.levers.reviewMonths > 0 ? scoring?.behaviourScores(month: scoreMonth, policy: policy, agents: accounts) : nil)
            Account.run(population, accounts, ctx, rng, &ledger)
            if vintages != nil { TallyVintages.run(population, accounts, month: ctx.month, &vintages!) }
            start = range.upperBound
        }
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

    /// Long-dormant cards (regulatory definition, as `Account` counts them) and cards in force.
    static func longDormant(_ pop: Population, _ b: Behaviour) -> (longDormant: Int64, inForce: Int64) {
        let issued = Lifecycle.issued.rawValue, open = Lifecycle.open.rawValue
        var dormant: Int64 = 0, inForce: Int64 = 0
        for i in 0..<pop.count where pop.state[i] == issued || pop.state[i] == open {
            inForce += 1
            if pop.isLongDormant(i, months: b.longDormancyMonths) { dormant += 1 }
        }
        return (dormant, inForce)
    }

    static func loanBalances(_ pop: Population) -> Int64 {
        var total: Int64 = 0
        for i in 0..<pop.count { total += pop.loanBalance[i] }
        return total
    }

    static func receivables(_ pop: Population) -> Int64 {
        var total: Int64 = 0
        for i in 0..<pop.count { total += pop.receivable(i) }
        return total
    }
}

/// Indices of the agents a kernel visits (a block's accounts).
public typealias AgentIndices = UnsafeBufferPointer<Int32>

/// The sum of the last 12 monthly values: a ring of 12 entries, seeded with earlier months.
struct TrailingSum {
    private var ring = [Int64](repeating: 0, count: 12)
    private var next = 0
    private var sum: Int64 = 0
    init(_ earlier: [Int64]) { for v in earlier.suffix(11) { _ = add(v) } }
    /// Adds this month's value and returns the sum over it and the 11 months before.
    mutating func add(_ value: Int64) -> Int64 {
        sum += value - ring[next]
        ring[next] = value
        next = (next + 1) % 12
        return sum
    }
}
