import CardsimEngine
@testable import CardsimScenario
import Foundation
import Testing

/// `sweep:` reads through the field tables: values, errors with their positions, overrides, schema.
@Suite struct SweepSectionTests {
    static func load(_ yaml: String, overrides: [String] = []) throws -> SweepSettings {
        try ScenarioLoader.loadWithSweep(yaml: minimalScenario + yaml, file: "sweep.yaml", overrides: overrides).sweep
    }

    @Test func theShippedSweepReadsAsWritten() throws {
        let path = RepositoryRoot.path("scenarios/fee-and-cutoff-sweep.yaml")
        let yaml = try String(contentsOfFile: path, encoding: .utf8)
        let (document, sweep) = try ScenarioLoader.loadWithSweep(yaml: yaml, file: path)
        #expect(document.scenario == (try ScenarioLoader.load(path: path)))
        #expect(sweep.design == .grid)
        #expect(sweep.objective == "npv" && sweep.goal == .maximize)
        #expect(sweep.constraints == [KPITarget(kpi: "active_rate", relation: .atLeast, threshold: 0.55),
                                      KPITarget(kpi: "charge_off_rate", relation: .below, threshold: 0.025)])
        #expect(sweep.parameters == [
            SweepParameter(path: "bank.product.annual_fee", values: [0, 100, 200], low: 0, high: 200),
            SweepParameter(path: "bank.risk.cutoff", values: [-0.2, 0, 0.2, 0.4, 0.6], low: -0.2, high: 0.6),
        ])
        #expect(try Self.load("").parameters.isEmpty)
    }

    @Test func problemsAreReportedWhereTheyAre() {
        let yaml = """
            sweep:
              design: morriss
              levels: 1
              objective: {kpi: loss_ratio}
              vary:
                - {path: a.b, values: [1, 2], low: 0}
                - {path: a.c, low: 2, high: 1}
                - {path: a.c, low: 0}
                - {values: [x]}

            """
        #expect(diagnosticLines { _ = try Self.load(yaml); return try ScenarioLoader.load(yaml: minimalScenario, file: "x") } == [
            "sweep.yaml:5:11: error: unknown value for sweep.design; expected one of grid, latin_hypercube, morris, found \"morriss\" (hint: did you mean 'morris'?)",
            "sweep.yaml:6:11: error: value out of range for sweep.levels; expected an integer from 2 to 1000 (levels), found 1",
            "sweep.yaml:7:20: error: unknown value for sweep.objective.kpi; expected one of \(KPI.all.map(\.id).joined(separator: ", ")), found \"loss_ratio\"",
            "sweep.yaml:9:40: error: sweep.vary[0] gives both values and low/high/step; expected one of the two, found both (hint: keep values: [...] or low/high/step)",
            "sweep.yaml:10:33: error: sweep.vary[1] has low 2 and high 1; expected low below high",
            "sweep.yaml:11:7: error: sweep.vary[2] has no values; expected values: [...] or both low and high, found only one of low and high",
            "sweep.yaml:11:14: error: a.c is varied twice in sweep.vary; expected each path once, found it again (hint: first varied at line 10, column 14)",
            "sweep.yaml:12:7: error: missing required key 'path' in sweep.vary[3]; expected a string, found no 'path'",
            "sweep.yaml:12:17: error: wrong type for sweep.vary[3].values[0]; expected a number, found the string \"x\"",
        ])
    }

    @Test func aGridNeedsValuesAndOverridesReachTheSection() throws {
        let range = "sweep:\n  vary:\n    - {path: bank.risk.cutoff, low: -0.4, high: 0.2}\n"
        #expect(diagnosticLines { _ = try Self.load(range); return try ScenarioLoader.load(yaml: minimalScenario, file: "x") }.first?.hasPrefix("sweep.yaml:") == true)
        #expect(diagnosticLines { _ = try Self.load(range); return try ScenarioLoader.load(yaml: minimalScenario, file: "x") }.first?.contains("has no values for a grid") == true)
        let lhs = try Self.load(range, overrides: ["sweep.design=latin_hypercube", "sweep.samples=12"])
        #expect(lhs.design == .latinHypercube && lhs.samples == 12)
        #expect(lhs.parameters == [SweepParameter(path: "bank.risk.cutoff", values: [], low: -0.4, high: 0.2)])
        #expect(ScenarioSchema.jsonSchema().contains("\"sweep\": {"))
        #expect(ParameterGuide.markdown().contains("## `sweep.vary[]`"))
    }
}
