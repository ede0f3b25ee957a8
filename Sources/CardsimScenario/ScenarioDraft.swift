import CardsimEngine

/// A scenario file as read, before the strategies are assembled: the champion's `bank` is a full
/// strategy, each challenger's `bank` is still an overlay node.
struct ScenarioDraft {
    var name = ""
    var run = RunSettings()
    var market = Market(adults: 0, segments: DefaultMarket.segments)
    var macro = MacroParameters()
    var competitors: [Competitor] = []
    var bank = Strategy(name: "")
    var strategies = StrategiesDraft()
    var targets: TargetsDraft = [:]
    var regression = RegressionDraft()
    var sweep = SweepDraft()
}

/// `strategies:` as read.
struct StrategiesDraft {
    var champion = ChampionDraft()
    var challengers: [ChallengerDraft] = []
}

/// `strategies.champion:`
struct ChampionDraft {
    /// Name the champion has when the file does not give one.
    static let defaultName = "champion"
    var name = defaultName
}

/// One item of `strategies.challengers:`.
struct ChallengerDraft {
    var name = ""
    /// The challenger's changes, with the shape of `bank:`.
    var bank: DocumentNode?
}
