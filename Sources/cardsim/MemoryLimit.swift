import CardsimEngine
import CardsimScenario
import Foundation

/// The memory a run may use: `--max-memory`, else the machine's physical memory. A scenario
/// whose estimated need (`RunFootprint`) is larger is invalid input, reported before anything
/// is allocated, by `validate` as by `run`.
enum MemoryLimit {
    /// Bytes of `text`: a number with an optional unit K, M, G or T (powers of 1024), e.g.
    /// `512M`, `8G`; nil when it is not one.
    static func parse(_ text: String) -> Int? {
        let units: [Character: Int] = ["K": 1 << 10, "M": 1 << 20, "G": 1 << 30, "T": 1 << 40]
        var body = Substring(text.uppercased())
        if body.hasSuffix("B") || body.hasSuffix("IB") { body = body.dropLast(body.hasSuffix("IB") ? 2 : 1) }
        var scale = 1
        if let last = body.last, let unit = units[last] { scale = unit; body = body.dropLast() }
        guard let value = Double(body), value.isFinite, value > 0, value * Double(scale) < 9e18 else { return nil }
        return Int(value * Double(scale))
    }

    /// `1.5 GiB`, as sizes are shown in messages.
    static func text(_ bytes: Int) -> String {
        let units = ["bytes", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"]
        var value = Double(bytes), unit = 0
        while value >= 1024, unit < units.count - 1 { value /= 1024; unit += 1 }
        return unit == 0 ? "\(bytes) bytes" : String(format: "%.1f %@", value, units[unit])
    }

    /// Refuses `scenario` (from `file`) when its estimated memory on `threads` workers exceeds
    /// `maxMemory` (default: physical memory); `paths` is the number this process runs
    /// (default: all of the scenario's).
    static func check(_ scenario: Scenario, file: String, threads: Int, maxMemory: Int?, paths: Int? = nil) throws {
        var scenario = scenario
        if let paths { scenario.run.paths = paths }
        let limit = maxMemory ?? Int(clamping: ProcessInfo.processInfo.physicalMemory)
        let source = maxMemory == nil ? "the machine's physical memory" : "--max-memory"
        let r = scenario.run
        let sizes = "\(r.agents) agents x \(min(threads, r.paths)) threads x \(scenario.strategies.count) strategies, \(r.paths) paths x \(r.months) months"
        let need = RunFootprint.bytes(scenario, threads: threads)
        guard let need, need <= limit else {
            let found = need.map { "an estimated \(text($0))" } ?? "more than any machine has"
            throw ScenarioErrors(diagnostics: [Diagnostic(
                file: file,
                message: "run too large for memory; expected at most \(text(limit)) (\(source)), found \(found) for \(sizes)",
                hint: "lower run.agents or run.paths, use fewer --threads, split the paths with --shard, or raise --max-memory")])
        }
    }
}
