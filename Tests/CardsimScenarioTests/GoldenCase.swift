import CardsimEngine
import CardsimScenario

/// A broken scenario and the exact diagnostics it must produce.
struct GoldenCase: Sendable, CustomStringConvertible {
    var name: String
    var yaml: String
    var overrides: [String] = []
    var expected: [String]

    var description: String { name }

    /// The diagnostics the loader reports for the case, one string each; empty if it loads.
    func actual() -> [String] {
        diagnosticLines { try ScenarioLoader.load(yaml: yaml, file: "s.yaml", overrides: overrides) }
    }
}

/// The diagnostics `load` throws, one string each; empty if it loads.
func diagnosticLines(_ load: () throws -> Scenario) -> [String] {
    do {
        _ = try load()
        return []
    } catch let errors as ScenarioErrors {
        return errors.diagnostics.map(\.description)
    } catch {
        return ["unexpected error: \(error)"]
    }
}

/// The smallest valid scenario: every other value has a default.
let minimalScenario = """
name: test
market:
  adults: 3000000

"""
