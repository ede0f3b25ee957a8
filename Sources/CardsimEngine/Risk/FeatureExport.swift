/// Training data for scorecards, observed the way a bank observes its own book.
///
/// - Application data (`collect`): one row per account that a strategy booked in months
///   1...M-12 of a path, with the application features (every fixed application feature of
///   `ScoreFeature` and one `segment_<name>` indicator per segment) and `bad` = 1 when the
///   account reached 90+ days past due (or was charged off) within 12 months of booking, else
///   0. Only accounts that the strategy approved appear, as in a real bank's data.
/// - Behaviour data (`collectBehaviour`): one row per account open and never 90+ days past due
///   at the end of an observation month T, with every feature (application, account and
///   segment) as it stood then, and `bad` = 1 when the account first reached 90+ days past due
///   in months T+1...T+12.
public struct FeatureExport: Sendable {
    public var columns: [String]
    /// Rows in path order, then agent order; the last column is `bad`.
    public var rows: [[Double]]

    /// Months of outcome observed after booking (or after the observation month).
    public static let outcomeMonths = 12

    /// Simulates `paths` of `scenario` under strategy `strategy` alone and collects the
    /// application rows.
    public static func collect(_ scenario: Scenario, strategy: Int, paths: Range<Int>) -> FeatureExport {
        let single = alone(scenario, strategy: strategy)
        var simulator = PathSimulator(scenario: single)
        simulator.drawsFeatures = true
        let (features, resolved) = catalogue(scenario, applicationOnly: true)
        let population = Population(count: scenario.run.agents)
        let lastBooking = scenario.run.months - outcomeMonths
        var rows: [[Double]] = []
        for path in paths {
            _ = simulator.simulate(path: path, population: population)
            let obs = population.observed
            for i in 0..<population.count {
                let booked = Int(obs.bookedMonth[i])
                guard booked > 0 && booked <= lastBooking else { continue }
                let bad = obs.badMonth[i]
                var row = resolved.map { FeatureCatalogue.value($0, population, i) }
                row.append(bad > 0 && Int(bad) <= booked + outcomeMonths ? 1 : 0)
                rows.append(row)
            }
        }
        return FeatureExport(columns: features.map(\.name) + ["bad"], rows: rows)
    }

    /// Simulates `paths` of `scenario` under strategy `strategy` alone and collects the
    /// behaviour rows of observation month `month` (1...M-12).
    public static func collectBehaviour(_ scenario: Scenario, strategy: Int, paths: Range<Int>, month: Int) -> FeatureExport {
        precondition(month >= 1 && month + outcomeMonths <= scenario.run.months, "the outcome window must lie within the run")
        let single = alone(scenario, strategy: strategy)
        var simulator = PathSimulator(scenario: single)
        simulator.drawsFeatures = true
        let (features, resolved) = catalogue(scenario, applicationOnly: false)
        let snapshot = Snapshot()
        simulator.monthEnd = { _, t, pop in
            guard t == month else { return }
            let open = Lifecycle.open.rawValue, obs = pop.observed
            snapshot.agents = []; snapshot.rows = []
            for i in 0..<pop.count where pop.state[i] == open && obs.badMonth[i] == 0 && pop.bucket[i] < 4 {
                snapshot.agents.append(i)
                snapshot.rows.append(resolved.map { FeatureCatalogue.value($0, pop, i) })
            }
        }
        let population = Population(count: scenario.run.agents)
        var rows: [[Double]] = []
        for path in paths {
            _ = simulator.simulate(path: path, population: population)
            let obs = population.observed
            for (i, var row) in zip(snapshot.agents, snapshot.rows) {
                let bad = Int(obs.badMonth[i])
                row.append(bad > month && bad <= month + outcomeMonths ? 1 : 0)
                rows.append(row)
            }
        }
        return FeatureExport(columns: features.map(\.name) + ["bad"], rows: rows)
    }

    /// The scenario with strategy `strategy` alone, in force in every month.
    private static func alone(_ scenario: Scenario, strategy: Int) -> Scenario {
        var single = scenario
        var chosen = scenario.strategies[strategy]
        chosen.fallback = nil
        chosen.riskWindow = .always; chosen.productWindow = .always; chosen.channelsWindow = .always
        single.strategies = [chosen]
        return single
    }

    /// The exported features: the fixed ones (application ones only, or all) and one indicator
    /// per segment, with their resolved forms.
    private static func catalogue(_ scenario: Scenario, applicationOnly: Bool) -> ([ScoreFeature], [ResolvedFeature]) {
        let segments = scenario.market.segments.map(\.name)
        let features = ScoreFeature.fixed.filter { !applicationOnly || $0.isApplication } + segments.map { ScoreFeature.segment($0) }
        return (features, features.compactMap { ResolvedFeature($0, segments: segments) })
    }

    /// The rows taken at the observation month of the path being simulated.
    private final class Snapshot: @unchecked Sendable {
        var agents: [Int] = []
        var rows: [[Double]] = []
    }
}
