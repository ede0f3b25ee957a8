import ArgumentParser
import CardsimEngine
import Foundation

/// `cardsim bench`: throughput of the simulator on one thread and on all cores.
///
/// A benchmark, not a test: it prints customer-months per second (agents x months x paths x
/// strategies / wall-clock seconds) for 1 thread and for T threads, the speed-up, and the
/// process's peak resident memory. Build with `-c release` for meaningful numbers.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure simulation throughput on one thread and on all cores.",
        discussion: """
            Runs the scenario with --agents customers for --months months, first on 1 thread \
            with --paths-per-thread paths, then on --threads threads with threads x \
            paths-per-thread paths, and prints customer-months per second for each, the \
            speed-up and the peak resident memory. Nothing is written to disk.
            """
    )

    @Option(help: ArgumentHelp("Scenario to run (relative to the current directory).", valueName: "file"))
    var scenario = "scenarios/baseline.yaml"

    @Option(help: ArgumentHelp("Simulated customers.", valueName: "a"))
    var agents = 1_000_000

    @Option(help: ArgumentHelp("Months per path (default: the baseline's five-year horizon).", valueName: "m"))
    var months = 60

    @Option(help: ArgumentHelp("Paths each thread runs.", valueName: "n"))
    var pathsPerThread = 1

    @Option(help: ArgumentHelp("Threads of the parallel run (default: all cores).", valueName: "t"))
    var threads: Int?

    @Flag(help: "Instead, time scoring --agents agents x 20 features: OpenBLAS dgemv versus a plain Swift loop.")
    var scoring = false

    func validate() throws {
        if agents < 1 { throw ValidationError("--agents must be at least 1.") }
        if months < 1 { throw ValidationError("--months must be at least 1.") }
        if pathsPerThread < 1 { throw ValidationError("--paths-per-thread must be at least 1.") }
        if let threads, threads < 1 { throw ValidationError("--threads must be at least 1.") }
    }

    func run() throws {
        if scoring { return ScoringBench.run(agents: agents) }
        let cores = threads ?? ProcessInfo.processInfo.activeProcessorCount
        let overrides = ["run.agents=\(agents)", "run.months=\(months)"]
        var model = try CommandFailure.catching { try ScenarioInput.load(path: scenario, overrides: overrides) }.scenario
        print("bench: \(scenario), \(agents) agents, \(months) months, \(pathsPerThread) path(s) per thread")
        print("threads  paths  customer-months  seconds  customer-months/s")
        var rates: [Double] = []
        for t in cores == 1 ? [1] : [1, cores] {
            let paths = t * pathsPerThread
            model.run.paths = paths
            let clock = Stopwatch()
            _ = MonteCarlo.run(model, paths: 0..<paths, threads: t)
            let seconds = clock.seconds
            let customerMonths = Double(agents) * Double(months) * Double(paths) * Double(model.strategies.count)
            let rate = seconds > 0 ? customerMonths / seconds : 0
            rates.append(rate)
            print(pad(String(t), 7), pad(String(paths), 5), pad(String(Int64(customerMonths)), 15),
                  pad(String(format: "%.3f", seconds), 7), pad(String(Int64(rate.rounded())), 17))
        }
        if rates.count == 2 {
            print("speed-up: \(String(format: "%.2f", rates[0] > 0 ? rates[1] / rates[0] : 0))x on \(cores) threads")
        }
        print("peak resident memory: \(ResourceUsage.peakResidentKiB) KiB")
    }

    private func pad(_ s: String, _ width: Int) -> String {
        String(repeating: " ", count: max(0, width - s.count)) + s
    }
}
