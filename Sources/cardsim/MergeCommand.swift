import ArgumentParser
import CardsimOutput
import CardsimScenario
import Foundation

/// `cardsim merge DIR... --out DIR`: rebuild a run from its shards.
struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Merge the output directories of a run's shards into the output of the whole run.",
        discussion: """
            The shards must come from one run (same scenario, overrides, model files, seed and sizes, same \
            cardsim version) and together hold every path exactly once. The merged directory \
            is byte for byte the one an unsharded run writes.
            """
    )

    @Argument(help: ArgumentHelp("Output directories of the shards ('cardsim run --shard I/K').", valueName: "shard-dir"))
    var directories: [String]

    @Option(help: ArgumentHelp("Output directory for the merged run.", valueName: "dir"))
    var out: String

    func validate() throws {
        try OutputPath.check(out)
        if directories.isEmpty { throw ValidationError("Give at least one shard directory.") }
    }

    func run() throws {
        let target = URL(fileURLWithPath: out).standardizedFileURL.path
        if directories.contains(where: { URL(fileURLWithPath: $0).standardizedFileURL.path == target }) {
            throw CommandFailure("--out \(out) is one of the shard directories",
                                 help: "Write the merged run to a new directory.", exitCode: ExitCodes.invalidInput)
        }
        let lock = try OutputLock.acquire(for: out)
        defer { lock.release() }
        var targets: [KPITarget] = []
        let merged = try CommandFailure.catching {
            try ShardMerge.merge(directories.map { URL(fileURLWithPath: $0) }) { source, file in
                let document = try source.loadDocument(file: file)
                targets = document.targets
                return document.scenario
            }
        }
        guard merged.source.identityHash == merged.info.scenarioHash else {
            throw CommandFailure("the shards' scenario.yaml, overrides.txt or model-files.json do not match their scenario hash \(merged.info.scenarioHash)",
                                 help: "Do not edit shard directories; re-run the shards.", exitCode: ExitCodes.invalidInput)
        }
        try Publication.publish(results: merged.results, info: merged.info, scenario: merged.scenario,
                                targets: targets, source: merged.source, to: out)
    }
}
