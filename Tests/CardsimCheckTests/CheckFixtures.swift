@testable import CardsimCheck
import CardsimEngine
import CardsimOutput
import CardsimTestSupport
import Foundation

/// Runs and baselines built by hand, whose numbers the tests choose.
enum CheckFixtures {
    static let hash = "0123456789abcdef"

    /// A run of `SampleRuns.scenario()`: two strategies, "champion" and `fee, "cut"`.
    static func sampleRun(paths: Int = 3, seed: UInt64 = 42) -> RunOutput {
        var scenario = SampleRuns.scenario(paths: paths)
        scenario.run.seed = seed
        let results = SampleRuns.results(scenario)
        let info = RunInfo(scenario: scenario, scenarioHash: hash)
        return RunOutput(identity: identity(seed: seed, paths: paths),
                         summaryText: SummaryFile.text(info: info, scenario: scenario, results: results),
                         monthlyText: MonthlyTable.text(scenario: scenario, results: results))
    }

    static func identity(seed: UInt64 = 42, paths: Int = 3, version: String = CardsimVersion.current) -> RunIdentity {
        RunIdentity(scenarioName: "sample", scenarioFile: "sample.yaml", scenarioHash: hash, seed: seed, paths: paths,
                    months: 2, agents: 10, version: version, overrides: ["run.paths=\(paths)"])
    }

    /// A run whose summary holds exactly these statistics for one strategy "s": every KPI of
    /// `KPI.all` with mean 100 and standard error 1, except those given.
    static func run(_ stats: [String: Summary] = [:], seed: UInt64 = 42, strategies: [String] = ["s"]) -> RunOutput {
        let summaries = strategies.map { _ in
            KPI.all.map { stats[$0.id] ?? Summary(mean: 100, standardError: 1, p5: 98, p50: 100, p95: 102) }
        }
        let info = RunInfo(scenarioName: "sample", scenarioHash: hash, seed: seed, paths: 3, months: 2, agents: 10,
                           agentWeight: 100)
        return RunOutput(identity: identity(seed: seed),
                         summaryText: SummaryFile.text(info: info, strategyNames: strategies, summaries: summaries),
                         monthlyText: "month,strategy,kpi,mean,p5,p50,p95\n")
    }

    static func summary(_ mean: Double, _ se: Double) -> Summary {
        Summary(mean: mean, standardError: se, p5: mean, p50: mean, p95: mean)
    }
}

/// XML read back by Python's `xml.etree`, so that the tests use a parser that is not ours.
enum PythonXML {
    /// Parses `xml` and returns what `script` prints; `script` sees the root element as `root`.
    static func run(_ xml: String, _ script: String) throws -> (status: Int32, output: String) {
        let dir = try TemporaryDirectory(prefix: "cardsim-junit")
        let file = dir.path("report.xml")
        try xml.write(to: file, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", "import sys, xml.etree.ElementTree as ET\nroot = ET.parse(sys.argv[1]).getroot()\n" + script,
                             file.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
