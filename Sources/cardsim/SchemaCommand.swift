import ArgumentParser
import CardsimScenario

/// `cardsim schema`: the JSON Schema of scenario files.
struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Print the JSON Schema of scenario files (for editors and validators)."
    )

    func run() {
        let schema = ScenarioSchema.jsonSchema()
        print(schema, terminator: schema.hasSuffix("\n") ? "" : "\n")
    }
}
