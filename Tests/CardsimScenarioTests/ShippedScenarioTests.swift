import CardsimEngine
import CardsimScenario
import Foundation
import Testing

/// The scenarios in `scenarios/`: each validates, matches the JSON Schema, says what question it
/// answers, is listed in scenarios/README.md, shares the baseline's market and champion, and runs
/// end to end at a small size.
@Suite struct ShippedScenarioTests {
    /// The strategy scenarios the folder must hold, with their strategies in order.
    static let expected: [(file: String, strategies: [String])] = [
        ("fee-waiver.yaml", ["current plan", "waiver_3_swipes", "no_annual_fee"]),
        ("merchant-alliance.yaml", ["current plan", "local_coalition"]),
        ("risk-model-upgrade.yaml", ["basic scorecard", "local_data_model", "local_data_growth", "local_data_limits"]),
        ("dormant-reactivation.yaml", ["current plan", "reactivation_calls", "long_dormant_calls", "dormant_cleanup"]),
        ("car-owner-card.yaml", ["current plan", "car_owner_card"]),
        ("fine-grained-operations.yaml", ["current plan", "fine_grained_operations"]),
        ("competitor-price-war.yaml", ["hold prices", "match_rewards", "match_rewards_and_rate"]),
        ("internet-platform-entry.yaml", ["current plan", "longer_interest_free", "no_annual_fee"]),
        ("recession.yaml", ["current plan", "tighten_early", "collect_harder"]),
        ("reactive-competitor.yaml", ["current plan", "acquisition_campaign"]),
    ]

    /// Every scenario file in the folder (none if the folder cannot be read, which
    /// `theFolderHoldsEveryStrategyScenario` reports).
    static func files() -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: RepositoryRoot.path("scenarios"))) ?? [])
            .filter { $0.hasSuffix(".yaml") }.sorted()
    }

    static func text(_ file: String) throws -> String {
        try String(contentsOfFile: RepositoryRoot.path("scenarios/\(file)"), encoding: .utf8)
    }

    @Test func theFolderHoldsEveryStrategyScenario() throws {
        let files = Self.files()
        #expect(files.contains("baseline.yaml"))
        for (file, strategies) in Self.expected {
            #expect(files.contains(file), "\(file)")
            let scenario = try ScenarioLoader.load(path: RepositoryRoot.path("scenarios/\(file)"))
            #expect(scenario.strategies.map(\.name) == strategies, "\(file)")
        }
    }

    @Test(arguments: files()) func validatesAndAsksAQuestion(file: String) throws {
        #expect(diagnosticLines { try ScenarioLoader.load(path: RepositoryRoot.path("scenarios/\(file)")) } == [])
        let first = try Self.text(file).split(separator: "\n", maxSplits: 1).first.map(String.init) ?? ""
        #expect(first.hasPrefix("# "), "\(file)")
        #expect(first.hasSuffix("?"), "\(file)")
    }

    @Test(arguments: files()) func satisfiesTheSchema(file: String) throws {
        let validator = JSONSchemaValidator(schema: try ScenarioSchemaTests.schema())
        #expect(validator.violations(of: try ScenarioSchemaTests.json(fromYAML: try Self.text(file))) == [], "\(file)")
    }

    /// scenarios/README.md has a row for each file, with the file's question.
    @Test(arguments: files()) func isListedInTheReadme(file: String) throws {
        let readme = try String(contentsOfFile: RepositoryRoot.path("scenarios/README.md"), encoding: .utf8)
        let question = String(try Self.text(file).split(separator: "\n", maxSplits: 1)[0].dropFirst(2))
        let row = readme.split(separator: "\n").first { $0.hasPrefix("| [\(file)](\(file)) |") }
        #expect(row?.contains("| \(question) |") == true, "\(file)")
    }

    /// Comparisons across scenarios are meaningful: every scenario has the baseline's run size,
    /// market, economy and competitors, and its champion is the baseline's current plan (but for
    /// the approval model of risk-model-upgrade.yaml, whose champion approves by scorecard). The
    /// market scenarios change the market only as their question says: competitors' moves, an
    /// entrant added after the baseline's competitors, and an imposed recession.
    @Test(arguments: files()) func sharesTheBaselineMarketAndChampion(file: String) throws {
        let baseline = try ScenarioLoader.load(path: RepositoryRoot.path("scenarios/baseline.yaml"))
        let scenario = try ScenarioLoader.load(path: RepositoryRoot.path("scenarios/\(file)"))
        #expect(scenario.run == baseline.run, "\(file)")
        #expect(scenario.market == baseline.market, "\(file)")
        var macro = scenario.macro
        macro.recession = nil
        #expect(macro == baseline.macro, "\(file)")
        let incumbents = scenario.competitors.prefix(baseline.competitors.count).map { c -> Competitor in
            var c = c
            c.moves = []
            return c
        }
        #expect(incumbents == baseline.competitors, "\(file)")
        var champion = scenario.strategies[0]
        champion.name = baseline.strategies[0].name
        if file == "risk-model-upgrade.yaml" { champion.risk.scorecards = ScorecardPolicy() }
        #expect(champion == baseline.strategies[0], "\(file)")
        for challenger in scenario.strategies.dropFirst() {
            #expect(challenger.fallback?.product == baseline.strategies[0].product, "\(file): \(challenger.name)")
            #expect(challenger.fallback?.risk == scenario.strategies[0].risk, "\(file): \(challenger.name)")
        }
    }

    /// Each scenario runs at 2 paths x 12 months x 2,000 agents, and every KPI of every
    /// strategy is finite.
    @Test(arguments: files()) func runsEndToEnd(file: String) throws {
        let scenario = try ScenarioLoader.load(path: RepositoryRoot.path("scenarios/\(file)"),
                                               overrides: ["run.paths=2", "run.months=12", "run.agents=2000"])
        let results = MonteCarlo.run(scenario, paths: 0..<2, threads: 2)
        #expect(results.count == 2)
        let values = Evaluation.pathValues(results, scenario: scenario)
        #expect(values.count == scenario.strategies.count)
        for (s, strategy) in scenario.strategies.enumerated() {
            for (k, kpi) in KPI.all.enumerated() {
                #expect(values[s][k].allSatisfy { $0.isFinite }, "\(file): \(strategy.name) \(kpi.id)")
            }
            #expect(values[s][KPI.all.firstIndex { $0.id == "cards_in_force" }!].allSatisfy { $0 > 0 }, "\(file): \(strategy.name)")
        }
    }
}
