import CardsimEngine
@testable import CardsimScenario
import Foundation
import Testing

/// `kpi_targets:` reads through the field tables: values, errors, overrides, schema.
@Suite struct TargetTests {
    static func load(_ yaml: String, overrides: [String] = []) throws -> ScenarioDocument {
        try ScenarioLoader.loadDocument(yaml: minimalScenario + yaml, file: "targets.yaml", overrides: overrides)
    }

    @Test func baselineCarriesTheProductBriefsTargets() throws {
        let document = try ScenarioLoader.loadDocument(path: RepositoryRoot.path("scenarios/baseline.yaml"))
        // In KPI.all order.
        #expect(document.targets == [
            KPITarget(kpi: "acquisition_cost_per_account", relation: .atMost, threshold: 80),
            KPITarget(kpi: "active_rate", relation: .atLeast, threshold: 0.70),
            KPITarget(kpi: "long_dormant_share", relation: .atMost, threshold: 0.20),
            KPITarget(kpi: "overdue_rate", relation: .atMost, threshold: 0.02),
            KPITarget(kpi: "bad_debt_rate", relation: .below, threshold: 0.01),
        ])
        #expect(document.scenario == (try ScenarioLoader.load(path: RepositoryRoot.path("scenarios/baseline.yaml"))))
    }

    @Test func boundsOfOneKPIAreListedInRelationOrder() throws {
        let document = try Self.load("kpi_targets:\n  npv: {below: 1e9, at_least: -5e6}\n")
        #expect(document.targets == [KPITarget(kpi: "npv", relation: .atLeast, threshold: -5e6),
                                     KPITarget(kpi: "npv", relation: .below, threshold: 1e9)])
        #expect(try Self.load("").targets == [])
        #expect(try Self.load("kpi_targets:\n  npv: {}\n").targets == [])
    }

    @Test func problemsAreReportedWhereTheyAre() {
        let yaml = """
            kpi_targets:
              active_rte: {at_least: 0.7}
              active_rate: {at_leest: 0.7}
              overdue_rate: {at_most: 2}
              dormant_share: {at_least: 0.5, below: 0.4}
              npv: 5

            """
        #expect(diagnosticLines { try Self.load(yaml).scenario } == [
            "targets.yaml:5:3: error: unknown key in kpi_targets; expected a known key, found 'active_rte' (hint: did you mean 'active_rate'?)",
            "targets.yaml:6:17: error: unknown bound in kpi_targets.active_rate; expected one of at_least, above, at_most, below, found 'at_leest' (hint: did you mean 'at_least'?)",
            "targets.yaml:7:27: error: value out of range for kpi_targets.overdue_rate.at_most; expected a number from 0 to 1 (fraction), found 2 (hint: a percentage? write 0.02)",
            "targets.yaml:8:18: error: contradictory bounds for kpi_targets.dormant_share; expected a value that can meet both, found at_least 0.5 and below 0.4",
            "targets.yaml:9:8: error: wrong type for kpi_targets.npv; expected a mapping, found the number 5",
        ])
    }

    @Test func overridesSetAndReplaceTargets() throws {
        let path = RepositoryRoot.path("scenarios/baseline.yaml")
        let document = try ScenarioLoader.loadDocument(path: path, overrides: [
            "kpi_targets.active_rate.at_least=0.75", "kpi_targets.npv.above=0", "kpi_targets.overdue_rate={}",
        ])
        #expect(document.targets.contains(KPITarget(kpi: "active_rate", relation: .atLeast, threshold: 0.75)))
        #expect(document.targets.contains(KPITarget(kpi: "npv", relation: .above, threshold: 0)))
        #expect(!document.targets.contains { $0.kpi == "overdue_rate" })
        #expect(diagnosticLines { try ScenarioLoader.load(path: path, overrides: ["kpi_targets.active_rate.at_least=70"]) } == [
            "--set kpi_targets.active_rate.at_least=70: error: value out of range for kpi_targets.active_rate.at_least; expected a number from 0 to 1 (fraction), found 70 (hint: a percentage? write 0.7)",
        ])
    }

    @Test func everyKPIMayHaveATarget() {
        #expect(Tables.kpiTargets.info.keys == KPI.all.map(\.id))
        let schema = ScenarioSchema.jsonSchema()
        #expect(schema.contains("\"kpi_targets\": {"))
        #expect(ParameterGuide.markdown().contains("## `kpi_targets`"))
    }
}
