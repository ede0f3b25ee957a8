import CardsimScenario
import Foundation
import Testing

/// The examples in docs/scenario-format.md say what the loader really does.
@Suite struct DocumentationExampleTests {
    static func guide() throws -> String {
        try String(contentsOfFile: RepositoryRoot.path("docs/scenario-format.md"), encoding: .utf8)
    }

    /// The body of the first fenced block after `marker`.
    static func block(after marker: String, in text: String) throws -> String {
        let start = try #require(text.range(of: marker)).upperBound
        let fenceOpen = try #require(text.range(of: "```", range: start..<text.endIndex))
        let bodyStart = try #require(text.range(of: "\n", range: fenceOpen.upperBound..<text.endIndex)).upperBound
        let fenceClose = try #require(text.range(of: "\n```", range: bodyStart..<text.endIndex))
        return String(text[bodyStart..<fenceClose.lowerBound])
    }

    @Test func errorExampleIsTheRealOutput() throws {
        let text = try Self.guide()
        let yaml = try Self.block(after: "<!-- example: fee-cut.yaml -->", in: text) + "\n"
        let output = try Self.block(after: "<!-- output -->", in: text)
        #expect(diagnosticLines { try ScenarioLoader.load(yaml: yaml, file: "fee-cut.yaml") }
            == output.split(separator: "\n").map(String.init))
    }

    @Test func overrideExampleLoads() throws {
        let overrides = ["run.paths=8", "bank.product.apr=0.15", "market.segments.families.share=0.27",
                         "market.segments.seniors.share=0.13"]
        for override in overrides { #expect(try Self.guide().contains("--set \(override)"), "\(override)") }
        let scenario = try ScenarioLoader.load(path: RepositoryRoot.path("scenarios/baseline.yaml"), overrides: overrides)
        #expect(scenario.run.paths == 8)
    }

    @Test func overlayExampleLoads() throws {
        let text = try Self.guide()
        let overlay = try Self.block(after: "applied. The overlay has the shape of `bank:`", in: text)
        let scenario = try ScenarioLoader.load(yaml: minimalScenario + overlay + "\n", file: "overlay.yaml")
        #expect(scenario.strategies.map(\.name) == ["current plan", "no_fee", "regional_model"])
        #expect(scenario.strategies.map(\.product.annualFee) == [200, 0, 200])
        #expect(scenario.strategies[2].channels.map(\.name) == ["online", "payroll"])
    }
}
