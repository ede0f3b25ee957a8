import CardsimEngine
@testable import CardsimOutput
import CardsimTestSupport
import Foundation
import Testing

@Suite("atomic output directories")
struct AtomicDirectoryTests {
    struct Boom: Error {}

    @Test("a failure while filling leaves nothing behind")
    func failureLeavesNothing() throws {
        let dir = try TemporaryDirectory()
        #expect(throws: Boom.self) {
            try AtomicDirectory.write(to: dir.path("out")) { tmp in
                try Data("partial".utf8).write(to: tmp.appendingPathComponent("summary.json"))
                #expect(tmp.lastPathComponent.hasPrefix("out.tmp-"))
                throw Boom()
            }
        }
        #expect(dir.entries == [])
    }

    @Test("a failure keeps the previous directory intact")
    func failureKeepsOld() throws {
        let dir = try TemporaryDirectory()
        try AtomicDirectory.write(to: dir.path("out")) { try Data("old".utf8).write(to: $0.appendingPathComponent("summary.json")) }
        #expect(throws: Boom.self) {
            try AtomicDirectory.write(to: dir.path("out")) { _ in throw Boom() }
        }
        #expect(dir.entries == ["out"])
        #expect(FileManager.default.contents(atPath: dir.path("out/summary.json").path) == Data("old".utf8))
    }

    @Test("success replaces the previous directory completely")
    func replaces() throws {
        let dir = try TemporaryDirectory()
        try AtomicDirectory.write(to: dir.path("out")) { try Data("old".utf8).write(to: $0.appendingPathComponent("stale")) }
        try AtomicDirectory.write(to: dir.path("out")) { try Data("new".utf8).write(to: $0.appendingPathComponent("fresh")) }
        #expect(dir.entries == ["out"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path("out").path).sorted() == ["fresh", "manifest.json"])
    }

    @Test("a file in the way gives a write error and is left alone")
    func fileInTheWay() throws {
        let dir = try TemporaryDirectory()
        try Data("keep".utf8).write(to: dir.path("file"))
        for target in ["file", "file/sub"] {
            do {
                try AtomicDirectory.write(to: dir.path(target)) { _ in }
                Issue.record("expected a write error for \(target)")
            } catch let e as OutputError {
                #expect(e.kind == .write)
                #expect(e.message.hasPrefix("cannot write \(dir.path(target).path): "))
            }
        }
        #expect(dir.entries == ["file"])
    }

    @Test("an interrupted write removes its temporary directory and never completes")
    func abandoned() throws {
        let dir = try TemporaryDirectory()
        let registry = AtomicDirectory.Registry()
        #expect(throws: (any Error).self) {
            try AtomicDirectory.write(to: dir.path("out"), registry: registry) { tmp in
                registry.abandon()
                try Data("late".utf8).write(to: tmp.appendingPathComponent("summary.json"))
            }
        }
        #expect(dir.entries == [])
        // Once abandoned, a write whose filling succeeds is still not moved into place.
        #expect(throws: OutputError.self) {
            try AtomicDirectory.write(to: dir.path("out"), registry: registry) { _ in }
        }
        #expect(dir.entries == [])
    }

    @Test("RunDirectory refuses to replace a directory that is not a cardsim output")
    func refusesForeignDirectory() throws {
        let dir = try TemporaryDirectory()
        let target = dir.path("mine")
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
        try Data("precious".utf8).write(to: target.appendingPathComponent("notes.txt"))
        let scenario = SampleRuns.scenario(paths: 1, months: 1)
        do {
            try RunDirectory.write(to: target, info: RunInfo(scenario: scenario, scenarioHash: "0"), scenario: scenario,
                                   source: ScenarioSource(yaml: "", overrides: []), results: SampleRuns.results(scenario))
            Issue.record("expected a write error")
        } catch let e as OutputError {
            #expect(e.kind == .write)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: target.path) == ["notes.txt"])
    }
}
