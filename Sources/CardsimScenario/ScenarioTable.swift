import CardsimEngine

extension Tables {
    /// The top level of a scenario file.
    static var scenario: Section<ScenarioDraft> {
        Section(defaultValue: ScenarioDraft(), fields: [
            extends,
            .text("name", \.name, doc: "Scenario name, shown in reports.", source: "required", required: true),
            .section("run", \.run, run, doc: "How the run is sized: paths, months, agents and seed."),
            .section("market", \.market, market, doc: "The region: adults, segments, behaviour and credit dynamics.",
                     required: true),
            .section("macro", \.macro, macro, doc: "The economy's long-run means."),
            .list("competitors", \.competitors, item: competitor, noun: "competitor", name: \.name,
                  doc: "Other issuers in the region and their offers.",
                  source: "none; the product brief names national banks, regional banks and internet platforms",
                  check: checkCompetitors),
            .section("bank", \.bank, bank, doc: "The champion's strategy: everything the bank controls."),
            .section("strategies", \.strategies, strategies, doc: "The champion's name and the challengers."),
            .section("kpi_targets", \.targets, planTargets,
                     doc: "KPI targets checked for every strategy: a KPI id maps to bounds at_least, above, at_most, below, in the KPI's unit."),
            .section("regression", \.regression, regression,
                     doc: "Tolerances of `cardsim check` against stored baselines (docs/regression.md)."),
            .section("sweep", \.sweep, sweep,
                     doc: "The parameter sweep of `cardsim sweep`: design, varied parameters, objective and constraints (docs/sweeps.md)."),
        ])
    }

    /// `extends:` names the scenario this file is merged over. `ScenarioOverlay` takes it out of
    /// the tree before the tables read it, so the table sees it only when an override sets it.
    static var extends: Field<ScenarioDraft> {
        Field(key: ScenarioOverlay.key, shape: .text(.nonEmpty), unit: "",
              doc: "Path of the scenario this file is merged over, relative to this file's folder (docs/scenario-format.md, \"Overlays\").",
              source: "none: the file stands alone",
              decode: { node, _, context, _ in
                  context.report(node.location, "cannot set extends with --set; expected it in the scenario file, found an override",
                                 hint: "overrides apply to the merged scenario; write extends: at the top of the file")
              },
              encode: { _ in nil })
    }

    /// `strategies:`
    static var strategies: Section<StrategiesDraft> {
        Section(defaultValue: StrategiesDraft(), fields: [
            .section("champion", \.champion, champion, doc: "Today's strategy, defined by `bank:`."),
            .list("challengers", \.challengers, item: challenger, noun: "challenger", name: \.name, uniqueNames: false,
                  doc: "Alternative strategies; each is the champion with its `bank` overlay applied.",
                  source: "none"),
        ])
    }

    /// `strategies.champion:`
    static var champion: Section<ChampionDraft> {
        Section(defaultValue: ChampionDraft(), fields: [
            .text("name", \.name, doc: "Name of today's strategy in reports.", source: "assumption"),
        ])
    }

    /// One item of `strategies.challengers:`.
    static var challenger: Section<ChallengerDraft> {
        Section(defaultValue: ChallengerDraft(), fields: [
            .text("name", \.name, rule: .itemName, doc: "Challenger name, used in reports and in --set paths.",
                  source: "required", required: true),
            .overlay("bank", \.bank, bank,
                     doc: "The keys of `bank:` this challenger changes; everything else is the champion's."),
        ])
    }
}
