import CardsimCalibrate
import CardsimEngine
import CardsimScenario
import CardsimSweep
import CardsimTestSupport
import Foundation
import XCTest

/// Calibrations of the baseline to targets the model itself produced at known parameter
/// values: the fit recovers them within twice its standard errors, and the optimiser's answer
/// is the best point it saw.
final class ParameterRecoveryTests: XCTestCase {
    static let baseline = PackageRoot.file("scenarios/baseline.yaml").path
    /// Run size of the targets' runs and the calibrations: 12 paths x 10,000 agents x 36
    /// months (fewer paths make the standard errors' own estimate too noisy).
    static let size = ["run.paths=12", "run.agents=10000", "run.months=36"]

    /// The targets file for `parameters` (path, low, high) and `targets` (kpi, month, value,
    /// tolerance).
    static func spec(_ parameters: [(String, Double, Double)], _ targets: [(String, Int, Double, Double)],
                     maxEvaluations: Int, size: [Int] = [12, 10000]) throws -> CalibrationSpec {
        var yaml = "scenario: \(baseline)\nparameters:\n"
        for (path, low, high) in parameters { yaml += "  \(path): {low: \(low), high: \(high)}\n" }
        yaml += "targets:\n"
        for (kpi, month, value, tolerance) in targets {
            yaml += "  - {kpi: \(kpi), month: \(month), value: \(value), tolerance: \(tolerance)}\n"
        }
        yaml += "run: {paths: \(size[0]), agents: \(size[1]), months: 36, starts: 1, max_evaluations: \(maxEvaluations)}\n"
        return try CalibrationSpec.load(yaml: yaml, file: "recovery.yaml")
    }

    /// The moments (mean and Monte Carlo standard error over paths) of `kpis` at month 36 with
    /// the parameters at `values`, on seed `seed`.
    static func observed(_ kpis: [String], _ values: [(String, Double)], seed: UInt64) throws -> [(Double, Double)] {
        let placeholder = try spec(values.map { ($0.0, 0, 1) }, kpis.map { ($0, 36, 0, 1) }, maxEvaluations: 10)
        let overrides = ["strategies.challengers=[]"] + size + ["run.seed=\(seed)"] + values.map { "\($0.0)=\(ValueText.text($0.1))" }
        let scenario = try ScenarioLoader.load(path: baseline, overrides: overrides)
        let sample = MomentSample(results: MonteCarlo.run(scenario, paths: 0..<scenario.run.paths, threads: 2),
                                  targets: placeholder.targets, weight: scenario.agentWeight)
        return zip(sample.means, sample.covarianceOfMeans.indices).map { ($0, sample.covarianceOfMeans[$1][$1].squareRoot()) }
    }

    func testRecoversKnownParametersWithinTwoStandardErrors() throws {
        let truth = [("market.behaviour.activation_probability", 0.24), ("bank.risk.limit_income_multiple", 2.8)]
        let kpis = ["active_rate", "utilization", "receivables_per_card"]
        // Targets from another seed than the calibration's: their own Monte Carlo error is the
        // tolerance, so the reported standard errors must cover both noises.
        let seen = try Self.observed(kpis, truth, seed: 777)
        let spec = try Self.spec([(truth[0].0, 0.1, 0.35), (truth[1].0, 2.0, 3.2)],
                                 zip(kpis, seen).map { ($0, 36, $1.0, $1.1) }, maxEvaluations: 60)
        let problem = CalibrationProblem(spec: spec, scenarioYAML: try String(contentsOfFile: Self.baseline, encoding: .utf8),
                                         userOverrides: [], threads: 2)
        XCTAssertEqual(problem.problems().map(\.description), [])
        let outcome = try Calibrator(spec: spec, replay: [], simulate: problem.simulate, record: { _, _ in }).run()

        for (j, (path, value)) in truth.enumerated() {
            let se = try XCTUnwrap(outcome.identification.standardErrors[j], "\(path) should be identified")
            XCTAssertLessThan(abs(outcome.values[j] - value), 2 * se,
                              "\(path): fitted \(outcome.values[j]) ± \(se), true \(value)")
            // Not trivially wide: the standard error is well inside the range.
            XCTAssertLessThan(se, (spec.parameters[j].high - spec.parameters[j].low) / 4)
        }
        // The answer is the best point seen: no evaluation, the first (the middle of the
        // bounds) included, has a smaller distance.
        XCTAssertLessThanOrEqual(outcome.distance, outcome.startDistance)
        for row in outcome.rows { XCTAssertLessThanOrEqual(outcome.distance, row.distance, "evaluation \(row.number)") }
        XCTAssertGreaterThanOrEqual(outcome.rows.filter { $0.phase == .jacobian }.count, 2)
    }

    /// A parameter no target depends on (the operating cost moves only the P&L) is reported as
    /// not identified, with no standard error; the others keep theirs.
    func testReportsAParameterTheTargetsCannotSee() throws {
        let spec = try Self.spec([("market.behaviour.activation_probability", 0.1, 0.35),
                                  ("bank.economics.operating_cost_per_account", 5, 30)],
                                 [("active_rate", 36, 0.6, 0.01), ("cards_in_force", 36, 200_000, 10_000)], maxEvaluations: 12,
                                 size: [4, 3000])
        let problem = CalibrationProblem(spec: spec, scenarioYAML: try String(contentsOfFile: Self.baseline, encoding: .utf8),
                                         userOverrides: [], threads: 2)
        let outcome = try Calibrator(spec: spec, replay: [], simulate: problem.simulate, record: { _, _ in }).run()
        XCTAssertEqual(outcome.identification.identified, [true, false])
        XCTAssertNotNil(outcome.identification.standardErrors[0])
        XCTAssertNil(outcome.identification.standardErrors[1])
        XCTAssertEqual(outcome.identification.reach[1], 0)
        XCTAssertTrue(outcome.findings.contains { $0.hasPrefix("bank.economics.operating_cost_per_account is not identified") },
                      outcome.findings.joined(separator: "\n"))
    }
}
