import CardsimEngine
import CardsimOutput
import CardsimReport
import CardsimScenario
import CardsimTestSupport
import Foundation

/// The runs the report tests share, each built once per test process.
enum Fixtures {
    /// A scenario with a hostile, Chinese name and three strategies, one with a name that needs
    /// escaping everywhere (HTML, markdown, gnuplot, CSV, and matplotlib's TeX: `$x^2$`).
    static let scenarioName = "<script>alert(1)</script> 城市商业银行 & \"测试\""
    static let strategyNames = ["当前方案", "免年费", "risk <b>model</b> & 'quotes', \"q\" ]]> $x^2$"]
    static let yaml = """
        # Which of two options beats today's plan? (a small scenario for the report tests)
        name: "<script>alert(1)</script> 城市商业银行 & \\"测试\\""
        market:
          adults: 300000
          credit: {write_off_days: 360, base_roll: [0.02, 0.28, 0.5, 0.6, 0.65, 0.7, 0.75]}   # bad accounts for the vintage chart
        run:
          paths: 4
          months: 12
          agents: 3000
          seed: 7
        strategies:
          champion: {name: "当前方案"}
          challengers:
            - name: "免年费"
              bank: {product: {annual_fee: 0}}
            - name: "risk <b>model</b> & 'quotes', \\"q\\" ]]> $x^2$"
              bank: {risk: {model_quality: 0.7}}

        """

    /// The three-strategy run, simulated by the engine and written as `cardsim run` writes it.
    static let engineRun: Stored = {
        do {
            let scenario = try ScenarioLoader.load(yaml: yaml, file: "report-test.yaml")
            return try simulate(scenario, yaml: yaml, name: "engine")
        } catch {
            fatalError("the report tests' scenario does not load or run: \(error)")
        }
    }()

    /// The same market with the champion only.
    static let singleRun: Stored = {
        let single = yaml.components(separatedBy: "  challengers:")[0]
        do {
            let scenario = try ScenarioLoader.load(yaml: single, file: "single.yaml")
            return try simulate(scenario, yaml: single, name: "single")
        } catch {
            fatalError("the single-strategy scenario does not load or run: \(error)")
        }
    }()

    /// A run directory and what was read back from it.
    struct Stored: @unchecked Sendable {
        var directory: URL
        var run: RunData
    }

    /// Reads a run directory as the command line does.
    static func load(_ url: URL) throws -> RunData {
        try RunData.load(url) { source, file in
            try ScenarioLoader.load(yaml: source.yaml, file: file, overrides: source.overrides)
        }
    }

    static func simulate(_ scenario: Scenario, yaml: String, name: String) throws -> Stored {
        let results = MonteCarlo.run(scenario, paths: 0..<scenario.run.paths, threads: 2)
        let hash = ScenarioLoader.scenarioIdentity(yaml: yaml, overrides: [])
        let dir = scratch.appendingPathComponent(name)
        try RunDirectory.write(to: dir, info: RunInfo(scenario: scenario, scenarioHash: hash), scenario: scenario,
                               source: ScenarioSource(yaml: yaml, overrides: []), results: results)
        return Stored(directory: dir, run: try load(dir))
    }

    /// A folder for the shared runs, removed when the test process exits.
    static let scratch: URL = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("cardsim-report-fixtures-\(UUID().uuidString.prefix(8))")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        scratchPath = url.path
        atexit { if let path = Fixtures.scratchPath { try? FileManager.default.removeItem(atPath: path) } }
        return url
    }()
    nonisolated(unsafe) static var scratchPath: String?

    /// gnuplot, or a failure that says how to install it.
    static func gnuplot() throws -> Gnuplot { try Gnuplot.locate() }
}
