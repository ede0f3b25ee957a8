/// Training data for application scorecards, observed the way a bank observes its own book:
/// one row per account that a strategy booked in months 1...M-12 of a path, with the
/// application features (every fixed application feature of `ScoreFeature` and one
/// `segment_<name>` indicator per segment) and `bad` = 1 when the account reached 90+ days
/// past due (or was charged off) within 12 months of booking, else 0. Only accounts that the
/// strategy approved appear, as in a real bank's data.
public struct FeatureExport: Sendable {
    public var columns: [String]
    /// Rows in path order, then agent order; the last column is `bad`.
    public var rows: [[Double]]

    /// Months of outcome observed after booking.
    public static let outcomeMonths = 12

    /// Simulates `paths` of `scenario` under strategy `strategy` alone and collects the rows.
    public static func collect(_ scenario: Scenario, strategy: Int, paths: Range<Int>) -> FeatureExport {
        var single = scenario
        var chosen = scenario.strategies[strategy]
        chosen.fallback = nil
        chosen.riskWindow = .always; chosen.productWindow = .always; chosen.channelsWindow = .always
        single.strategies = [chosen]
        var simulator = PathSimulator(scenario: single)
        simulator.tracksOutcomes = true
        let segments = scenario.market.segments.map(\.name)
        let features = ScoreFeature.fixed.filter(\.isApplication) + segments.map { ScoreFeature.segment($0) }
        let resolved = features.compactMap { ResolvedFeature($0, segments: segments) }
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
}
