import ArgumentParser
import CardsimScenario

/// `cardsim schema`: the JSON Schema of scenario files.
struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Print the JSON Schema of scenario files (for editors and validators)."
    )

    @Flag(help: "Print the schema of calibration targets files (cardsim calibrate) instead.")
    var targets = false

    func run() {
        let schema = targets ? CalibrationSpec.jsonSchema() : ScenarioSchema.jsonSchema()
        print(schema, terminator: schema.hasSuffix("\n") ? "" : "\n")
    }
}
