import CardsimEngine
@testable import CardsimScenario
import Foundation
import Testing
import Yams

/// The JSON Schema is valid JSON, generated from the loader's tables, and accepts what the
/// loader accepts.
@Suite struct ScenarioSchemaTests {
    static func schema() throws -> [String: Any] {
        let data = Data(ScenarioSchema.jsonSchema().utf8)
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    /// A YAML document as JSON: Yams reads it, JSONSerialization writes and reads it back.
    static func json(fromYAML yaml: String) throws -> Any {
        let value = try #require(try Yams.load(yaml: yaml))
        let data = try JSONSerialization.data(withJSONObject: value)
        return try JSONSerialization.jsonObject(with: data)
    }

    @Test func isJSONSchema2020() throws {
        let schema = try Self.schema()
        #expect(schema["$schema"] as? String == "https://json-schema.org/draft/2020-12/schema")
        #expect(schema["type"] as? String == "object")
        // The required keys hold for a file without extends only.
        #expect(schema["required"] == nil)
        #expect((schema["if"] as? [String: Any])?["required"] as? [String] == ["extends"])
        let full = try #require(schema["else"] as? [String: Any])
        #expect(full["required"] as? [String] == ["name", "market"])
        #expect(((full["properties"] as? [String: Any])?["market"] as? [String: Any])?["required"] as? [String] == ["adults"])
        #expect(ScenarioSchema.jsonSchema() == ScenarioSchema.jsonSchema())
        #expect(ScenarioSchema.jsonSchema().hasSuffix("}\n"))
    }

    @Test func keysAreSorted() {
        // Every object's keys are on their own lines at one indent; within a run of siblings they ascend.
        var previous: [Int: String] = [:]
        for line in ScenarioSchema.jsonSchema().split(separator: "\n") {
            let indent = line.prefix(while: { $0 == " " }).count
            let body = line.dropFirst(indent)
            if body.hasPrefix("}") || body.hasPrefix("]") { previous[indent + 2] = nil; continue }
            guard body.hasPrefix("\""), let end = body.dropFirst().firstIndex(of: "\"") else { continue }
            let key = String(body[body.index(after: body.startIndex)..<end])
            if let last = previous[indent] { #expect(last < key, "\(last) before \(key)") }
            previous[indent] = key
            previous[indent + 2] = nil
        }
    }

    @Test func baselineSatisfiesTheSchema() throws {
        let yaml = try String(contentsOfFile: RepositoryRoot.path("scenarios/baseline.yaml"), encoding: .utf8)
        let validator = JSONSchemaValidator(schema: try Self.schema())
        #expect(validator.violations(of: try Self.json(fromYAML: yaml)) == [])
    }

    @Test func allDefaultsSatisfyTheSchema() throws {
        var draft = ScenarioDraft()
        draft.name = "defaults"
        draft.market.adults = 3_000_000
        let validator = JSONSchemaValidator(schema: try Self.schema())
        let document = try JSONSerialization.jsonObject(with: Data(Tables.scenario.encode(draft).rendered().utf8))
        #expect(validator.violations(of: document) == [])
    }

    @Test func challengerOverlaysSatisfyTheSchema() throws {
        let yaml = minimalScenario + """
            strategies:
              challengers:
                - name: no_fee
                  bank: {product: {annual_fee: 0}, channels: [{name: online, intensity: 2, cost_per_application: 40}]}
            """
        let validator = JSONSchemaValidator(schema: try Self.schema())
        #expect(validator.violations(of: try Self.json(fromYAML: yaml)) == [])
    }

    /// A file with `extends` needs no key of its own, but its keys have the scenario's shapes.
    @Test func overlaysSatisfyTheOverlaySchema() throws {
        let validator = JSONSchemaValidator(schema: try Self.schema())
        #expect(validator.violations(of: try Self.json(fromYAML: "extends: baseline.yaml\nbank: {product: {annual_fee: 0}}\n")) == [])
        #expect(validator.violations(of: try Self.json(fromYAML: "extends: 3\nbank: {product: {anual_fee: 0}}\n")) == [
            "/bank/product/anual_fee: property not allowed", "/extends: expected string, found number",
        ])
        #expect(validator.violations(of: try Self.json(fromYAML: "bank: {product: {annual_fee: 0}}\n")) == [
            "/: missing required property name", "/: missing required property market",
        ])
    }

    @Test func schemaRejectsWhatTheLoaderRejects() throws {
        let yaml = """
            market: {adults: 0, segments: [{name: a.b, share: 1}]}
            run: {paths: 4.5}
            bank: {product: {apr: 18.25, anual_fee: 1}, economics: {interchange_rates: {dinning: 0.1}}}
            competitors: [{name: x, kind: bank, apr: 0.2, annual_fee: 0, rewards_rate: 0, interest_free_days: 50}]
            """
        let validator = JSONSchemaValidator(schema: try Self.schema())
        #expect(validator.violations(of: try Self.json(fromYAML: yaml)) == [
            "/: missing required property name",
            "/bank/economics/interchange_rates/dinning: property not allowed",
            "/bank/product/anual_fee: property not allowed",
            "/bank/product/apr: above maximum 1.0",
            "/competitors/0/kind: not one of the allowed values",
            "/market/adults: below minimum 1.0",
            "/market/segments/0: missing required property income_median",
            "/market/segments/0/name: does not match ^[^.=]+$",
            "/run/paths: expected integer, found number",
        ])
    }
}
