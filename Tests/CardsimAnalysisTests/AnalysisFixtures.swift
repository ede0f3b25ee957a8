import CardsimEngine
import CardsimScenario
import CardsimTestSupport
import Foundation

/// Small runs of the shipped scenarios for the analysis tests: a few thousand agents, a few
/// paths, one or two years.
enum AnalysisFixtures {
    static let small = ["run.agents=2000", "run.months=12"]

    /// A challenger added to scenarios that ship without one, so that every shipped scenario
    /// has a comparison to test.
    static let addedChallenger = "strategies.challengers=[{name: no_fee, bank: {product: {annual_fee: 0}}}]"

    /// The baseline with two challengers (no annual fee; a stricter cut-off), at a small size.
    static func smallScenario(paths: Int, months: Int) -> Scenario {
        let overrides = ["run.agents=2000", "run.paths=\(paths)", "run.months=\(months)",
                         "strategies.challengers=[{name: no_fee, bank: {product: {annual_fee: 0}}}, {name: strict, bank: {risk: {cutoff: 0.3}}}]"]
        return try! ScenarioLoader.load(path: PackageRoot.file("scenarios/baseline.yaml").path, overrides: overrides)
    }

    /// Every scenario in scenarios/, loaded small with `paths` paths; those without a
    /// challenger get `addedChallenger`.
    static func shippedScenarios(paths: Int) throws -> [(file: String, document: ScenarioDocument)] {
        let folder = PackageRoot.file("scenarios")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".yaml") }.sorted()
        return try files.map { file in
            let path = folder.appendingPathComponent(file).path
            var overrides = small + ["run.paths=\(paths)"]
            if try ScenarioLoader.load(path: path).strategies.count == 1 { overrides.append(addedChallenger) }
            return (file, try ScenarioLoader.loadDocument(path: path, overrides: overrides))
        }
    }
}
