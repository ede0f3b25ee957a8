import CardsimEngine

/// What identifies a run and how it is sized: the header of `summary.json`.
///
/// Two shards belong to the same run when everything but `shard` is equal.
public struct RunInfo: Sendable, Equatable {
    /// Version of cardsim that wrote the output.
    public var version: String
    /// The scenario's `name`.
    public var scenarioName: String
    /// Identity hash of the scenario text, its overrides and its model files: 16 hex digits.
    public var scenarioHash: String
    /// Seed of the run's random generator.
    public var seed: UInt64
    /// Paths in the whole run (not only in this shard).
    public var paths: Int
    /// Months simulated on each path.
    public var months: Int
    /// Simulated agents.
    public var agents: Int
    /// Adults represented by one agent.
    public var agentWeight: Double
    /// The part of the run this output holds; `nil` for a whole (unsharded or merged) run.
    public var shard: ShardInfo?

    public init(version: String = CardsimVersion.current, scenarioName: String, scenarioHash: String,
                seed: UInt64, paths: Int, months: Int, agents: Int, agentWeight: Double,
                shard: ShardInfo? = nil) {
        self.version = version; self.scenarioName = scenarioName; self.scenarioHash = scenarioHash
        self.seed = seed; self.paths = paths; self.months = months; self.agents = agents
        self.agentWeight = agentWeight; self.shard = shard
    }

    /// The header of a run of `scenario` (sizes from `scenario.run`).
    public init(scenario: Scenario, scenarioHash: String, shard: ShardInfo? = nil,
                version: String = CardsimVersion.current) {
        self.init(version: version, scenarioName: scenario.name, scenarioHash: scenarioHash,
                  seed: scenario.run.seed, paths: scenario.run.paths, months: scenario.run.months,
                  agents: scenario.run.agents, agentWeight: scenario.agentWeight, shard: shard)
    }

    /// The paths this output holds: the shard's, or all of them.
    public var pathRange: Range<Int> { shard?.paths ?? 0..<paths }
}

/// One part of a run split across processes: shard `index` of `count` holds `paths`.
public struct ShardInfo: Sendable, Equatable {
    /// 1-based shard number.
    public var index: Int
    /// Number of shards the run was split into.
    public var count: Int
    /// Path indices held by this shard (a sub-range of `0..<RunInfo.paths`).
    public var paths: Range<Int>

    public init(index: Int, count: Int, paths: Range<Int>) {
        self.index = index; self.count = count; self.paths = paths
    }
}

/// The scenario text a run was loaded from, the overrides applied to it and the model files it
/// named, stored in every output directory (`scenario.yaml`, `overrides.txt`, and
/// `model-files.json` when there are model files) so that shards can be merged and runs
/// reported without the original files.
public struct ScenarioSource: Sendable, Equatable {
    /// The scenario file's text, byte for byte.
    public var yaml: String
    /// Overrides (`path=value`) in the order applied; none may contain a newline.
    public var overrides: [String]
    /// The model files the scenario and its overrides named, sorted by reference; empty for a
    /// scenario without scorecards.
    public var modelFiles: [ModelFile]

    public init(yaml: String, overrides: [String], modelFiles: [ModelFile] = []) {
        self.yaml = yaml; self.overrides = overrides; self.modelFiles = ModelFile.sorted(modelFiles)
    }

    /// As `init(yaml:overrides:modelFiles:)`, with the model files' texts keyed by reference.
    public init(yaml: String, overrides: [String], modelTexts: [String: String]) {
        self.init(yaml: yaml, overrides: overrides,
                  modelFiles: modelTexts.map { ModelFile(reference: $0.key, text: $0.value) })
    }

    /// The model files' texts keyed by reference.
    public var modelTexts: [String: String] {
        Dictionary(modelFiles.map { ($0.reference, $0.text) }, uniquingKeysWith: { first, _ in first })
    }
}
