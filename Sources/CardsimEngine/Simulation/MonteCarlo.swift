import Dispatch
import Foundation

/// Runs Monte Carlo paths over worker threads.
///
/// Each worker owns one `Population` (memory grows with agents x threads, not with paths) and
/// takes whole paths from a shared counter. A path runs every strategy in turn on the same
/// agents and the same keyed draws (common random numbers). Results are stored by path index,
/// so the output does not depend on which worker ran which path, nor on how many there were.
public enum MonteCarlo {
    /// Runs the paths in `paths` (indices into 0..<scenario.run.paths) on `threads` workers.
    /// `progress` is called (from any thread, serialised) with the number of finished paths.
    public static func run(
        _ scenario: Scenario, paths: Range<Int>, threads: Int,
        progress: (@Sendable (Int) -> Void)? = nil
    ) -> [PathResult] {
        let count = paths.count
        guard count > 0 else { return [] }
        let workers = max(1, min(threads, count))
        let lock = NSLock()
        var next = 0
        var finished = 0
        var results = [PathResult?](repeating: nil, count: count)
        let simulator = PathSimulator(scenario: scenario)

        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            let population = Population(count: scenario.run.agents)
            while true {
                lock.lock()
                let k = next
                next += 1
                lock.unlock()
                if k >= count { break }
                let result = simulator.simulate(path: paths.lowerBound + k, population: population)
                lock.lock()
                results[k] = result
                finished += 1
                let done = finished
                progress?(done)
                lock.unlock()
            }
        }
        return results.map { $0! }
    }

    /// The paths of shard `index` (1-based) of `count`: contiguous, as equal as possible,
    /// `[(index-1) * P / count, index * P / count)`.
    public static func shardRange(index: Int, count: Int, paths: Int) -> Range<Int> {
        let lo = (index - 1) * paths / count
        let hi = index * paths / count
        return lo..<hi
    }
}
