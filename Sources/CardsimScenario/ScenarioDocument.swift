import CardsimEngine

/// A scenario file as loaded: the engine's scenario and what the file says beside it that the
/// engine does not use (the KPI targets), with the text of every model file it read and the
/// resolved text of the scenario.
public struct ScenarioDocument: Sendable, Equatable {
    public var scenario: Scenario
    /// `kpi_targets:` in `KPI.all` order, and for each KPI in the order at_least, above,
    /// at_most, below.
    public var targets: [KPITarget]
    /// The exact text of every model file the scenario and its overrides named, keyed by the
    /// reference as written (e.g. `models/application-basic.yaml`); empty without scorecards.
    /// A run stores them, and `ScenarioLoader.identityHash` covers them.
    public var modelFiles: [String: String]
    /// The scenario text a run stores (`scenario.yaml`): the file's own text when it extends
    /// nothing, else the file merged over the files it extends, written out in full
    /// (docs/scenario-format.md, "Overlays"). Overrides are not in it.
    public var resolvedYAML: String

    public init(scenario: Scenario, targets: [KPITarget], modelFiles: [String: String] = [:], resolvedYAML: String = "") {
        self.scenario = scenario; self.targets = targets; self.modelFiles = modelFiles; self.resolvedYAML = resolvedYAML
    }
}

/// One KPI target of `kpi_targets:`, e.g. `active_rate: {at_least: 0.70}`: the KPI id, the
/// relation and the threshold, in the KPI's unit.
public struct KPITarget: Sendable, Equatable {
    public enum Relation: String, Sendable, Equatable, CaseIterable {
        /// value >= threshold
        case atLeast = "at_least"
        /// value > threshold
        case above
        /// value <= threshold
        case atMost = "at_most"
        /// value < threshold
        case below
    }

    public var kpi: String
    public var relation: Relation
    public var threshold: Double
    /// Checked on the whole run (the default), in every month, or in every plan year.
    public var period: TargetPeriod

    public init(kpi: String, relation: Relation, threshold: Double, period: TargetPeriod = .run) {
        self.kpi = kpi; self.relation = relation; self.threshold = threshold; self.period = period
    }

    /// The targets of a read `kpi_targets:` section: the run's, then `by_month`'s, then
    /// `by_year`'s, each in KPI and relation order.
    static func list(_ draft: TargetsDraft) -> [KPITarget] {
        TargetPeriod.allCases.flatMap { period in
            let targets = period == .run ? draft : draft[period: period]
            return KPI.all.flatMap { kpi in
                Relation.allCases.compactMap { relation in
                    targets[kpi.id]?[relation.rawValue].map { KPITarget(kpi: kpi.id, relation: relation, threshold: $0, period: period) }
                }
            }
        }
    }
}
