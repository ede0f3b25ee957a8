/// The memory a Monte Carlo run needs, estimated from its sizes before anything is allocated,
/// so that a run too large for the machine is refused as invalid input instead of failing
/// (or being killed) part-way.
///
/// Per worker thread: the population's columns (`Population`: 10 one-byte, 3 two-byte, 8
/// `Double` and 13 `Int64` columns and 16 bytes of per-agent draw words, 200 bytes; its
/// `ObservedFeatures`, 42 bytes), twice when challengers or the runs without a campaign start
/// from a copy of the spun-up book.
/// Per path and strategy: each month's record (ledger and P&L) and, when the files are
/// written, about 1 KiB of text per month across `ledger.csv`, `monthly.csv` and the rest.
/// Plus a fixed 64 MiB for the process itself. Arithmetic that overflows gives nil: more
/// memory than any machine has.
public enum RunFootprint {
    /// Bytes of population columns per agent (`Population` and `ObservedFeatures`).
    public static let bytesPerAgent = 200 + 42
    /// Bytes kept per path, strategy and month: the record and its share of the output text.
    public static let bytesPerPathMonth = MemoryLayout<MonthRecord>.stride + 256 + 1024
    /// The process's own memory (runtime, libraries, scenario), bytes.
    public static let baseBytes = 64 << 20

    /// The estimated peak in bytes, or nil when it does not fit in an `Int`.
    /// `campaignRuns` counts the runs without a campaign (`PathSimulator`) over all strategies.
    public static func bytes(agents: Int, strategies: Int, months: Int, paths: Int, threads: Int, spinUp: Bool,
                             campaignRuns: Int = 0) -> Int? {
        let workers = max(1, min(threads, paths))
        let copies = strategies + campaignRuns > 1 && spinUp ? 2 : 1
        guard let perWorker = product([agents, bytesPerAgent, copies]),
              let population = product([perWorker, workers]),
              let results = product([paths, max(strategies, 1), months, bytesPerPathMonth]) else { return nil }
        let (sum, o1) = population.addingReportingOverflow(results)
        let (total, o2) = sum.addingReportingOverflow(baseBytes)
        return o1 || o2 ? nil : total
    }

    /// The estimate for `scenario` on `threads` workers.
    public static func bytes(_ scenario: Scenario, threads: Int) -> Int? {
        bytes(agents: scenario.run.agents, strategies: scenario.strategies.count, months: scenario.run.months,
              paths: scenario.run.paths, threads: threads, spinUp: scenario.run.spinUpMonths > 0,
              campaignRuns: scenario.strategies.reduce(0) { $0 + $1.campaigns.active(months: scenario.run.months).count })
    }

    private static func product(_ factors: [Int]) -> Int? {
        var p = 1
        for f in factors {
            guard f >= 0 else { return nil }
            let (r, overflow) = p.multipliedReportingOverflow(by: f)
            if overflow { return nil }
            p = r
        }
        return p
    }
}
