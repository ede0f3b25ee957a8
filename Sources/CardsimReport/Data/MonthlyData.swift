import CardsimEngine

/// A KPI's distribution over paths in one month: the median and the bounds of the central
/// 50% and 90% of paths (type-7 quantiles, as `monthly.csv`'s p5, p50 and p95).
public struct MonthBand: Sendable, Equatable {
    public var p5: Double, p25: Double, p50: Double, p75: Double, p95: Double
}

/// Month-by-month views of a run, from the records of `ledger.csv`.
extension RunData {
    /// `bands[s][t]` of KPI `id` (its one-month value, as in `monthly.csv`), or nil for a KPI
    /// this version of cardsim does not define.
    public func monthlyBands(_ id: String) -> [[MonthBand]]? {
        guard let k = KPI.all.firstIndex(where: { $0.id == id }) else { return nil }
        let kpi = KPI.all[k]
        let w = scenario.agentWeight
        return strategyNames.indices.map { s in
            let df = KPI.discountFactors(rate: scenario.strategies[s].economics.discountRate, months: months)
            return (0..<months).map { t in
                let sorted = results.map { kpi.monthly($0.months[s], t, weight: w, discount: df[t]) }.sorted()
                return MonthBand(p5: Summary.quantile(sorted, 0.05), p25: Summary.quantile(sorted, 0.25),
                                 p50: Summary.quantile(sorted, 0.5), p75: Summary.quantile(sorted, 0.75),
                                 p95: Summary.quantile(sorted, 0.95))
            }
        }
    }

    /// `shares[s][t][b]`: receivables in delinquency bucket b (0 current, 1 for 1-29 days, …,
    /// 6 for 150-179 days past due) as a share of receivables at the end of month t, mean over
    /// paths.
    public func bucketShares() -> [[[Double]]] {
        strategyNames.indices.map { s in
            (0..<months).map { t in
                var sums = [Double](repeating: 0, count: CreditDynamics.buckets)
                for result in results {
                    let l = result.months[s][t].ledger
                    guard l.receivablesClosing > 0 else { continue }
                    for b in 0..<min(sums.count, l.receivablesByBucket.count) {
                        sums[b] += Double(l.receivablesByBucket[b]) / Double(l.receivablesClosing)
                    }
                }
                return sums.map { $0 / Double(max(1, results.count)) }
            }
        }
    }

    /// The acquisition and activation funnel of strategy s over the whole horizon, mean over
    /// paths, scaled to the region: applications, new accounts, first swipes.
    public func funnel(_ s: Int) -> (applications: Double, newAccounts: Double, activations: Double) {
        let w = scenario.agentWeight
        var a = 0.0, n = 0.0, f = 0.0
        for result in results {
            for r in result.months[s] {
                a += Double(r.ledger.applications); n += Double(r.ledger.newAccounts); f += Double(r.ledger.activations)
            }
        }
        let paths = Double(max(1, results.count))
        return (a * w / paths, n * w / paths, f * w / paths)
    }

    /// Applications by channel over the horizon, mean over paths: the channel names of every
    /// strategy (in order of first appearance) and `counts[s][c]` (0 where a strategy lacks
    /// the channel).
    public func applicationsByChannel() -> (channels: [String], counts: [[Double]]) {
        var names: [String] = []
        for strategy in scenario.strategies {
            for c in strategy.channels where !names.contains(c.name) { names.append(c.name) }
        }
        let w = scenario.agentWeight
        let paths = Double(max(1, results.count))
        let counts = scenario.strategies.enumerated().map { s, strategy -> [Double] in
            var byName = [Double](repeating: 0, count: names.count)
            for result in results {
                for r in result.months[s] {
                    for (c, channel) in strategy.channels.enumerated() where c < r.ledger.applicationsByChannel.count {
                        byName[names.firstIndex(of: channel.name)!] += Double(r.ledger.applicationsByChannel[c])
                    }
                }
            }
            return byName.map { $0 * w / paths }
        }
        return (names, counts)
    }
}
