import CardsimEngine
import CardsimScenario
import CardsimTestSupport
import Foundation
import Testing

/// The `regression:` section of scenario files: read beside the scenario, validated, in the
/// JSON Schema and the parameter guide.
@Suite("regression section of scenarios")
struct RegressionSectionTests {
    static let minimal = "name: s\nmarket: {adults: 1000}\nrun: {agents: 10}\n"

    @Test("the section is read with its defaults, its declared tolerances and --set overrides")
    func reads() throws {
        let plain = try ScenarioLoader.loadWithRegression(yaml: Self.minimal, file: "s.yaml")
        #expect(plain.regression == RegressionSettings(sigmas: 4, kpis: [:]))
        #expect(plain.scenario == (try ScenarioLoader.load(yaml: Self.minimal, file: "s.yaml")))

        let yaml = Self.minimal + "regression: {sigmas: 3.5, kpis: {net_income: {relative: 0.02}, overdue_rate: {absolute: 0.001}, npv: {absolute: 5, relative: 0.1}}}\n"
        let read = try ScenarioLoader.loadWithRegression(yaml: yaml, file: "s.yaml")
        #expect(read.regression == RegressionSettings(sigmas: 3.5, kpis: [
            "net_income": KPITolerance(relative: 0.02), "overdue_rate": KPITolerance(absolute: 0.001),
            "npv": KPITolerance(absolute: 5, relative: 0.1),
        ]))
        let overridden = try ScenarioLoader.loadWithRegression(
            yaml: yaml, file: "s.yaml", overrides: ["regression.sigmas=5", "regression.kpis.spend.relative=0.5", "regression.kpis.npv={absolute: 1}"])
        #expect(overridden.regression.sigmas == 5)
        #expect(overridden.regression.kpis["spend"] == KPITolerance(relative: 0.5))
        #expect(overridden.regression.kpis["npv"] == KPITolerance(absolute: 1))
        #expect(overridden.regression.kpis["net_income"] == KPITolerance(relative: 0.02))
    }

    /// The diagnostics of loading `yaml` (with `overrides`), one line each.
    func problems(_ yaml: String, _ overrides: [String] = []) -> [String] {
        do {
            _ = try ScenarioLoader.loadWithRegression(yaml: yaml, file: "s.yaml", overrides: overrides)
            return []
        } catch let errors as ScenarioErrors {
            return errors.diagnostics.map(\.description)
        } catch {
            return ["\(error)"]
        }
    }

    @Test("bad tolerances are reported where they are, with hints")
    func validation() {
        #expect(problems(Self.minimal + "regression: {sigmas: -1}\n") == [
            "s.yaml:4:22: error: value out of range for regression.sigmas; expected a number at least 0 (combined standard errors), found -1",
        ])
        #expect(problems(Self.minimal + "regression: {kpis: {net_incom: {relative: 0.02}}}\n") == [
            "s.yaml:4:21: error: unknown key in regression.kpis; expected a known key, found 'net_incom' (hint: did you mean 'net_income'?)",
        ])
        #expect(problems(Self.minimal + "regression: {kpis: {npv: {relativ: 0.02}}}\n") == [
            "s.yaml:4:27: error: unknown tolerance in regression.kpis.npv; expected one of absolute, relative, found 'relativ' (hint: did you mean 'relative'?)",
        ])
        #expect(problems(Self.minimal + "regression: {kpis: {npv: {relative: 2}}}\n") == [
            "s.yaml:4:37: error: value out of range for regression.kpis.npv.relative; expected a number from 0 to 1 (fraction of the baseline mean), found 2 (hint: a percentage? write 0.02)",
        ])
        #expect(problems(Self.minimal + "regression: {kpis: {npv: {absolute: -3}}}\n") == [
            "s.yaml:4:37: error: value out of range for regression.kpis.npv.absolute; expected a number at least 0 (yuan), found -3",
        ])
        #expect(problems(Self.minimal, ["regression.kpis.npv.relative=abc"]) == [
            "--set regression.kpis.npv.relative=abc: error: wrong type for regression.kpis.npv.relative; expected a number, found the string \"abc\"",
        ])
    }

    @Test("the JSON Schema and the parameter guide describe the section")
    func documented() throws {
        let schema = try #require(try JSONSerialization.jsonObject(with: Data(ScenarioSchema.jsonSchema().utf8)) as? [String: Any])
        let properties = try #require(schema["properties"] as? [String: Any])
        let regression = try #require(properties["regression"] as? [String: Any])
        let fields = try #require(regression["properties"] as? [String: Any])
        #expect(Set(fields.keys) == ["sigmas", "kpis"])
        let kpis = try #require((fields["kpis"] as? [String: Any])?["properties"] as? [String: Any])
        #expect(Set(kpis.keys) == Set(KPIIdentifiers.all))
        let npv = try #require(kpis["npv"] as? [String: Any])
        #expect(Set((npv["properties"] as? [String: Any] ?? [:]).keys) == ["absolute", "relative"])
        #expect(npv["additionalProperties"] as? Bool == false)

        let guide = ParameterGuide.markdown()
        #expect(guide.contains("## `regression`\n"))
        #expect(guide.contains("## `regression.kpis`\n"))
        #expect(guide.contains("| `sigmas` | number | 4 |"))
        let onDisk = try String(contentsOf: PackageRoot.file(ParameterGuide.repositoryPath), encoding: .utf8)
        #expect(onDisk.contains("## `regression.kpis`\n"), "docs/parameters.md is not regenerated")
    }
}
