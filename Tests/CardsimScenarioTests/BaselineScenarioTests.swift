import CardsimEngine
import CardsimScenario
import Foundation
import Testing

/// scenarios/baseline.yaml loads and says what it is meant to say.
@Suite struct BaselineScenarioTests {
    static let path = RepositoryRoot.path("scenarios/baseline.yaml")

    @Test func loads() throws {
        let scenario = try ScenarioLoader.load(path: Self.path)
        #expect(scenario.name == "baseline: city commercial bank, current plan")
        #expect(scenario.market.adults == 3_000_000)
        #expect(scenario.run.paths == 40)
        #expect(scenario.run.months == 60)
        #expect(scenario.run.agents == 200_000)
        #expect(scenario.run.seed == 20_241_231)
        #expect(scenario.strategies.map(\.name) == ["current plan"])
        #expect(scenario.market.segments == DefaultMarket.segments)
        #expect(scenario.competitors.map(\.kind) == [.nationalBank, .regionalBank, .internetPlatform])
        #expect(scenario.strategies[0].channels.map(\.name) == ["branch", "online", "field", "payroll"])
    }

    @Test func firstLineSaysWhatItAnswers() throws {
        let text = try String(contentsOfFile: Self.path, encoding: .utf8)
        let first = text.split(separator: "\n", maxSplits: 1).first.map(String.init) ?? ""
        #expect(first.hasPrefix("# "))
        #expect(first.hasSuffix("?"))
    }

    @Test func everyScenarioInTheFolderLoads() throws {
        let folder = RepositoryRoot.path("scenarios")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".yaml") }.sorted()
        #expect(!files.isEmpty)
        for file in files {
            #expect(diagnosticLines { try ScenarioLoader.load(path: "\(folder)/\(file)") } == [], "\(file)")
        }
    }
}
