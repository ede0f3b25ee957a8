import ArgumentParser
import Foundation

/// `--paths`, `--seed`, `--months`, `--agents` and `--threads`, shared by `run`, `baseline` and
/// `check`. The first four are shorthands for `--set run.paths=N` and so on, applied after the
/// command's other overrides; `--threads` never changes results.
struct RunSizeOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Number of Monte Carlo paths (default: the scenario's run.paths, or the baseline's for check).", valueName: "n"))
    var paths: Int?

    @Option(help: ArgumentHelp("Seed of the random generator (default: the scenario's run.seed, or the baseline's).", valueName: "s"))
    var seed: UInt64?

    @Option(help: ArgumentHelp("Months simulated per path (default: the scenario's run.months, or the baseline's).", valueName: "m"))
    var months: Int?

    @Option(help: ArgumentHelp("Simulated customers (default: the scenario's run.agents, or the baseline's).", valueName: "a"))
    var agents: Int?

    @Option(help: ArgumentHelp("Worker threads (default: all cores).", valueName: "t"))
    var threads: Int?

    @Option(name: .customLong("max-memory"), help: ArgumentHelp("Refuse (exit 2) a run whose estimated memory exceeds this, e.g. 4G or 512M (default: the machine's physical memory).", valueName: "bytes"))
    var maxMemoryText: String?

    func validate() throws {
        if let threads, threads < 1 { throw ValidationError("--threads must be at least 1.") }
        if let maxMemoryText, MemoryLimit.parse(maxMemoryText) == nil {
            throw ValidationError("--max-memory must be a positive size such as 4G, 512M or 1000000, found '\(maxMemoryText)'.")
        }
    }

    /// `--max-memory` in bytes.
    var maxMemory: Int? { maxMemoryText.flatMap(MemoryLimit.parse) }

    /// `overrides`, then `run.paths=N`, `run.seed=S`, `run.months=M`, `run.agents=A` for the
    /// sizes given.
    func overrides(after overrides: [String]) -> [String] {
        var list = overrides
        if let paths { list.append("run.paths=\(paths)") }
        if let seed { list.append("run.seed=\(seed)") }
        if let months { list.append("run.months=\(months)") }
        if let agents { list.append("run.agents=\(agents)") }
        return list
    }

    /// Worker threads to use: `--threads`, or every core.
    var workerThreads: Int { threads ?? ProcessInfo.processInfo.activeProcessorCount }
}
