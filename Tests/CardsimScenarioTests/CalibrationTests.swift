import CardsimAnalysis
import CardsimEngine
import CardsimScenario
import CardsimTestSupport
import Foundation
import Testing

/// The shipped baseline against China's public figures (`Calibration.bands`), and the two risk
/// levers a credit-policy review tries first, over the plan's 60 months.
///
/// Runs are smaller than the shipped size (agents and paths below; `market.adults` stays
/// 3,000,000), so each band is checked on the mean of the test's paths; the shipped size's
/// means and standard errors are in the README.
@Suite(.serialized) struct CalibrationTests {
    static func run(_ file: String, agents: Int, paths: Int, overrides: [String] = []) throws -> (Scenario, [[[Double]]]) {
        let scenario = try ScenarioLoader.load(path: RepositoryRoot.path("scenarios/\(file)"),
                                               overrides: ["run.paths=\(paths)", "run.agents=\(agents)", "run.months=60"] + overrides)
        let results = MonteCarlo.run(scenario, paths: 0..<paths, threads: max(1, ProcessInfo.processInfo.activeProcessorCount))
        return (scenario, Evaluation.pathValues(results, scenario: scenario))
    }

    static func index(_ id: String) throws -> Int {
        try #require(KPI.all.firstIndex { $0.id == id }, "no KPI \(id)")
    }

    /// Every band holds at month 60 (stocks) or over the 60 months (rates): the mean over the
    /// test's 6 paths lies inside it. Its standard error is printed beside it; the closest is
    /// PBOC's 6-month overdue ratio, 1.57% ± 0.14% against the band's top of 1.8% (the shipped
    /// size gives 1.62% ± 0.03%).
    @Test func theBaselineSitsInsideEveryBand() throws {
        let (_, values) = try Self.run("baseline.yaml", agents: 20_000, paths: 6)
        for band in Calibration.bands {
            let estimate = Estimate(values[0][try Self.index(band.kpi)])
            print("calibration: \(band.kpi) = \(estimate.mean) ± \(estimate.standardError) (band \(band.low)-\(band.high))")
            #expect(estimate.mean >= band.low && estimate.mean <= band.high,
                    "\(band.kpi): \(estimate.mean) ± \(estimate.standardError) outside \(band.low)-\(band.high)")
        }
    }

    /// A tighter cut-off (0.3 instead of -0.2, about 35% approved instead of 55%) lowers the
    /// bad-debt rate over 60 months: the paired 95% interval lies below zero.
    @Test func aTighterCutoffLowersTheBadDebtRate() throws {
        let (scenario, values) = try Self.run("baseline.yaml", agents: 20_000, paths: 8, overrides: [
            "strategies.challengers=[{name: strict, bank: {risk: {cutoff: 0.3}}}]",
        ])
        let k = try Self.index("bad_debt_rate")
        let effect = PairedDifference(kpi: "bad_debt_rate", champion: values[0][k], challenger: values[1][k], direction: .lowerIsBetter)
        print("calibration: \(scenario.name) | strict - champion | bad_debt_rate \(effect.difference.mean) [\(effect.difference.low ?? .nan), \(effect.difference.high ?? .nan)]")
        #expect(try #require(effect.difference.high) < 0)
    }

    /// The local-data scorecard of `risk-model-upgrade.yaml`, from month 4 at the champion's
    /// approval rate, lowers the bad-debt rate over 60 months by at least a tenth of the
    /// champion's rate (the paired 95% interval lies below -10% of it: about -0.2 pp on the
    /// shipped book's 2.1%; the product brief's source reports 1.8 pp on a riskier book),
    /// while the approval rates differ by less than 1.5 pp (both cut-offs are set on month 1's
    /// applicants; the two books' applicant pools drift apart a little over 60 months).
    @Test func theLocalDataScorecardLowersTheBadDebtRate() throws {
        let (scenario, values) = try Self.run("risk-model-upgrade.yaml", agents: 40_000, paths: 12, overrides: [
            "strategies.challengers=[{name: local_data_model, bank: {risk: {application_scorecard: models/application-local-data.yaml, start_month: 4}}}]",
        ])
        let bad = try Self.index("bad_debt_rate"), approval = try Self.index("approval_rate")
        let effect = PairedDifference(kpi: "bad_debt_rate", champion: values[0][bad], challenger: values[1][bad], direction: .lowerIsBetter)
        let approvals = PairedDifference(kpi: "approval_rate", champion: values[0][approval], challenger: values[1][approval], direction: nil)
        print("calibration: \(scenario.name) | local_data_model - champion | bad_debt_rate \(effect.difference.mean) [\(effect.difference.low ?? .nan), \(effect.difference.high ?? .nan)], approval_rate \(approvals.difference.mean)")
        let championRate = values[0][bad].reduce(0, +) / Double(values[0][bad].count)
        #expect(try #require(effect.difference.high) < -0.10 * championRate)
        #expect(abs(approvals.difference.mean) < 0.015)
    }
}
