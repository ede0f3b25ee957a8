import ArgumentParser
import CardsimScenario

/// `cardsim validate SCENARIO...`: check scenario files without running them.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check scenario files and report every problem found.",
        discussion: """
            Prints 'FILE: ok' for each valid file, and every diagnostic of the others; exits 2 if any file is invalid. \
            With --resolved, prints instead the scenario a run of each valid file stores (scenario.yaml): the file merged \
            over the files it extends, or the file itself when it extends nothing.
            """
    )

    @Flag(help: "Print each valid file's resolved scenario (merged over the files it extends) instead of 'FILE: ok'.")
    var resolved = false

    @Argument(help: ArgumentHelp("Scenario files (YAML).", valueName: "scenario"))
    var scenarios: [String]

    @Option(name: .customLong("max-memory"), help: ArgumentHelp("Refuse a scenario whose run would need more memory than this, e.g. 4G (default: the machine's physical memory).", valueName: "bytes"))
    var maxMemoryText: String?

    func validate() throws {
        if scenarios.isEmpty { throw ValidationError("Give at least one scenario file.") }
        if let maxMemoryText, MemoryLimit.parse(maxMemoryText) == nil {
            throw ValidationError("--max-memory must be a positive size such as 4G, 512M or 1000000, found '\(maxMemoryText)'.")
        }
    }

    func run() throws {
        var failed = false
        for path in scenarios {
            do {
                let loaded = try CommandFailure.catching {
                    try ScenarioInput.load(path: path, overrides: [], maxMemory: maxMemoryText.flatMap(MemoryLimit.parse))
                }
                print(resolved ? loaded.source.yaml : "\(path): ok", terminator: resolved ? "" : "\n")
            } catch let failure as CommandFailure {
                failure.report()
                failed = true
            }
        }
        if failed { throw ExitCodes.invalidInput }
    }
}
