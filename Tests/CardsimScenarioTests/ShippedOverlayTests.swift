import CardsimEngine
import CardsimScenario
import Foundation
import Testing
import CardsimTestSupport

/// The shipped strategy scenarios are overlays of `scenarios/baseline.yaml`, and each resolves
/// to the values it had when it was written out in full. Those values are kept as the canonical
/// text of each former full file (`Tests/Golden/CardsimScenario/shipped/NAME.yaml`, recorded
/// with `CARDSIM_RECORD_GOLDEN=1`, which fails the test so that nothing passes by recording).
@Suite struct ShippedOverlayTests {
    static let goldenFolder = "Tests/Golden/CardsimScenario/shipped"

    /// Every shipped scenario but the baseline.
    static func overlays() -> [String] { ShippedScenarioTests.files().filter { $0 != "baseline.yaml" } }

    /// What a scenario file gives: the scenario, targets and model files, and the regression
    /// and sweep sections.
    struct Values: Equatable {
        var scenario: Scenario
        var targets: [KPITarget]
        var modelFiles: [String: String]
        var regression: RegressionSettings
        var sweep: SweepSettings

        /// `yaml` loaded as the scenario file at `file` (model files are found beside it).
        init(yaml: String, file: String) throws {
            let (document, sweep) = try ScenarioLoader.loadWithSweep(yaml: yaml, file: file)
            scenario = document.scenario
            targets = document.targets
            modelFiles = document.modelFiles
            regression = try ScenarioLoader.loadWithRegression(yaml: yaml, file: file).regression
            self.sweep = sweep
        }
    }

    @Test(arguments: overlays()) func extendsTheBaseline(file: String) throws {
        let text = try ShippedScenarioTests.text(file)
        let lines = text.split(separator: "\n").filter { !$0.hasPrefix("#") }
        #expect(lines.first?.hasPrefix("extends: baseline.yaml ") == true, "\(file)")
    }

    @Test(arguments: overlays()) func resolvesToItsFormerValues(file: String) throws {
        let path = RepositoryRoot.path("scenarios/\(file)")
        let golden = RepositoryRoot.path("\(Self.goldenFolder)/\(file)")
        if GoldenFiles.isRecording {
            try FileManager.default.createDirectory(atPath: RepositoryRoot.path(Self.goldenFolder), withIntermediateDirectories: true)
            let canonical = ScenarioLoader.canonicalText(try ScenarioLoader.resolvedText(path: path))
            try canonical.write(toFile: golden, atomically: true, encoding: .utf8)
            Issue.record("recorded \(golden); unset CARDSIM_RECORD_GOLDEN and run again")
            return
        }
        let former = try Values(yaml: try String(contentsOfFile: golden, encoding: .utf8), file: path)
        let now = try Values(yaml: try String(contentsOfFile: path, encoding: .utf8), file: path)
        #expect(now.scenario == former.scenario, "\(file)")
        #expect(now.targets == former.targets, "\(file)")
        #expect(now.modelFiles == former.modelFiles, "\(file)")
        #expect(now.regression == former.regression, "\(file)")
        #expect(now.sweep == former.sweep, "\(file)")
    }
}
