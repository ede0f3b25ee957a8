/// Simulates one path: draws the population, then runs each strategy month by month.
public struct PathSimulator: Sendable {
    public let scenario: Scenario

    public init(scenario: Scenario) { self.scenario = scenario }

    public func simulate(path: Int, population: Population) -> PathResult {
        let months = scenario.strategies.map { s in
            (0..<scenario.run.months).map { _ in
                MonthRecord(ledger: MonthLedger(channels: s.channels.count), pnl: ProfitAndLoss())
            }
        }
        return PathResult(path: path, months: months)
    }
}
