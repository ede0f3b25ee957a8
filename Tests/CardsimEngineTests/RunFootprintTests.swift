import CardsimEngine
import Testing

/// The memory estimate that runs and `validate` check before allocating anything.
@Suite("run memory estimate")
struct RunFootprintTests {
    @Test("grows with agents, threads, strategies, paths and months, and counts the book copy of challengers")
    func grows() throws {
        let base = try #require(RunFootprint.bytes(agents: 1000, strategies: 1, months: 12, paths: 4, threads: 1, spinUp: true))
        #expect(base == 1000 * RunFootprint.bytesPerAgent + 4 * 12 * RunFootprint.bytesPerPathMonth + RunFootprint.baseBytes)
        let twoThreads = try #require(RunFootprint.bytes(agents: 1000, strategies: 1, months: 12, paths: 4, threads: 2, spinUp: true))
        #expect(twoThreads - base == 1000 * RunFootprint.bytesPerAgent)
        // Threads beyond the paths do no work and hold no population.
        #expect(RunFootprint.bytes(agents: 1000, strategies: 1, months: 12, paths: 4, threads: 64, spinUp: true)
                == RunFootprint.bytes(agents: 1000, strategies: 1, months: 12, paths: 4, threads: 4, spinUp: true))
        let challengers = try #require(RunFootprint.bytes(agents: 1000, strategies: 2, months: 12, paths: 4, threads: 1, spinUp: true))
        #expect(challengers == 2 * 1000 * RunFootprint.bytesPerAgent + 2 * 4 * 12 * RunFootprint.bytesPerPathMonth + RunFootprint.baseBytes)
        let noSpinUp = try #require(RunFootprint.bytes(agents: 1000, strategies: 2, months: 12, paths: 4, threads: 1, spinUp: false))
        #expect(challengers - noSpinUp == 1000 * RunFootprint.bytesPerAgent)
    }

    @Test("sizes whose product overflows give nil, never a trap")
    func overflow() {
        #expect(RunFootprint.bytes(agents: Int.max, strategies: 1, months: 60, paths: 1, threads: 1, spinUp: true) == nil)
        #expect(RunFootprint.bytes(agents: 1, strategies: 4, months: 600, paths: Int.max / 1000, threads: 1, spinUp: true) == nil)
        #expect(RunFootprint.bytes(agents: Int.max / RunFootprint.bytesPerAgent, strategies: 1, months: 1, paths: 2, threads: 2, spinUp: true) == nil)
    }
}
