/// What identifies a run for a regression check: the scenario (its hash covers the file's text,
/// the overrides and the model files it names), the seed, the sizes, the cardsim version and the platform.
///
/// A check compares outputs byte for byte (exact mode) only when all of these but the names
/// match the baseline's; otherwise it compares KPIs within tolerances (statistical mode).
public struct RunIdentity: Sendable, Equatable {
    /// The scenario's `name`.
    public var scenarioName: String
    /// The scenario file's name (without its directory), e.g. `baseline.yaml`.
    public var scenarioFile: String
    /// `ScenarioLoader.identityHash` of the scenario text, the overrides and the model files: 16
    /// hex digits.
    public var scenarioHash: String
    public var seed: UInt64
    public var paths: Int
    public var months: Int
    public var agents: Int
    /// `CardsimVersion.current` of the build that ran.
    public var version: String
    /// Operating system and processor (`linux-x86_64`): floating-point library functions may
    /// round differently elsewhere, so bytes are only compared on the same platform.
    public var platform: String
    /// The `--set` overrides, including run sizes (`run.paths=6`), in the order applied.
    public var overrides: [String]

    public init(scenarioName: String, scenarioFile: String, scenarioHash: String, seed: UInt64, paths: Int,
                months: Int, agents: Int, version: String, platform: String = RunIdentity.currentPlatform,
                overrides: [String]) {
        self.scenarioName = scenarioName; self.scenarioFile = scenarioFile; self.scenarioHash = scenarioHash
        self.seed = seed; self.paths = paths; self.months = months; self.agents = agents
        self.version = version; self.platform = platform; self.overrides = overrides
    }

    /// The platform this build runs on.
    public static var currentPlatform: String {
        #if os(Linux)
        let os = "linux"
        #elseif os(macOS)
        let os = "macos"
        #elseif os(Windows)
        let os = "windows"
        #else
        let os = "other"
        #endif
        #if arch(x86_64)
        let cpu = "x86_64"
        #elseif arch(arm64)
        let cpu = "arm64"
        #else
        let cpu = "other"
        #endif
        return "\(os)-\(cpu)"
    }

    /// How this run differs from `baseline` in what decides the mode, one phrase each
    /// ("seed 20241231 -> 7"); empty when outputs should be byte-identical.
    public func differences(from baseline: RunIdentity) -> [String] {
        var out: [String] = []
        func note<T: Equatable>(_ label: String, _ old: T, _ new: T) {
            if old != new { out.append("\(label) \(old) -> \(new)") }
        }
        if scenarioHash != baseline.scenarioHash {
            out.append("scenario hash \(baseline.scenarioHash) -> \(scenarioHash) (the file, the overrides or a model file changed)")
        }
        note("seed", baseline.seed, seed)
        note("paths", baseline.paths, paths)
        note("months", baseline.months, months)
        note("agents", baseline.agents, agents)
        note("cardsim version", baseline.version, version)
        note("platform", baseline.platform, platform)
        return out
    }
}
