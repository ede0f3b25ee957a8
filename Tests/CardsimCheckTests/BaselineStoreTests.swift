@testable import CardsimCheck
import CardsimTestSupport
import Foundation
import Testing

/// Baseline files: deterministic, read back whole, and refused with a clear error when missing
/// or damaged, never read as something that could pass.
@Suite("baseline files")
struct BaselineStoreTests {
    static let scenario = "scenarios/sample.yaml"

    /// A directory holding the baseline of `CheckFixtures.sampleRun()`.
    static func stored() throws -> (TemporaryDirectory, BaselineStore, Baseline) {
        let dir = try TemporaryDirectory(prefix: "cardsim-baselines")
        let store = BaselineStore(directory: dir.url.path)
        let baseline = try Baseline(run: CheckFixtures.sampleRun())
        try store.write(baseline, forScenario: scenario)
        return (dir, store, baseline)
    }

    @Test("files are named after the scenario's stem")
    func naming() {
        #expect(BaselineStore.stem(ofScenario: "scenarios/fee-cut.yaml") == "fee-cut")
        #expect(BaselineStore.stem(ofScenario: "a/b.yml") == "b")
        #expect(BaselineStore.stem(ofScenario: "plain") == "plain")
        let store = BaselineStore(directory: "Tests/Baselines/")
        #expect(store.baselineURL(forScenario: "scenarios/x.yaml").lastPathComponent == "x.json")
        #expect(store.summaryURL(forScenario: "scenarios/x.yaml").lastPathComponent == "x.summary.json")
        #expect(store.displayPath("x.json") == "Tests/Baselines/x.json")
    }

    @Test("write then read gives the same baseline; writing again gives the same bytes")
    func roundTrip() throws {
        let (dir, store, baseline) = try Self.stored()
        #expect(dir.entries == ["manifest.json", "sample.json", "sample.summary.json"])
        let read = try store.read(forScenario: Self.scenario)
        #expect(read == baseline)
        let first = try Data(contentsOf: dir.path("sample.json"))
        try store.write(try Baseline(run: CheckFixtures.sampleRun()), forScenario: Self.scenario)
        #expect(try Data(contentsOf: dir.path("sample.json")) == first)
        #expect(try Data(contentsOf: dir.path("sample.summary.json")) == Data(CheckFixtures.sampleRun().summaryText.utf8))
    }

    @Test("the baseline file holds the identity, every KPI's mean and standard error, and the fingerprints, keys sorted")
    func contents() throws {
        let (dir, _, _) = try Self.stored()
        let text = try String(contentsOf: dir.path("sample.json"), encoding: .utf8)
        #expect(text.hasPrefix("""
            {
              "exact": {
                "monthly_fnv1a64": "
            """))
        for fragment in ["\"format\": \"cardsim-baseline-1\"", "\"scenario_hash\": \"0123456789abcdef\"", "\"seed\": 42",
                         "\"paths\": 3", "\"months\": 2", "\"agents\": 10", "\"overrides\": [\"run.paths=3\"]",
                         "\"cardsim_version\": \"", "\"platform\": \"\(RunIdentity.currentPlatform)\"",
                         "\"summary_file\": \"sample.summary.json\"", "\"name\": \"fee, \\\"cut\\\"\"", "\"standard_error\": "] {
            #expect(text.contains(fragment), "\(fragment)")
        }
        let json = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(Set(json.keys) == ["exact", "format", "identity", "strategies"])
        let strategies = try #require(json["strategies"] as? [[String: Any]])
        #expect(strategies.count == 2)
        #expect((strategies[0]["kpis"] as? [String: Any])?.count == KPIIdentifiers.all.count)
    }

    @Test("a missing baseline says how to record one")
    func missing() throws {
        let dir = try TemporaryDirectory(prefix: "cardsim-baselines")
        let store = BaselineStore(directory: dir.url.path)
        let error = try #require(throws: CheckError.self) { try store.read(forScenario: "scenarios/new.yaml") }
        #expect(error.kind == .missingBaseline)
        #expect(error.message == "no baseline for scenarios/new.yaml: \(dir.url.path)/new.json does not exist")
        #expect(error.help.contains("cardsim baseline scenarios/new.yaml --out \(dir.url.path)"))
        #expect(error.help.contains("make baselines"))
    }

    /// Damages the stored files with `damage` and returns the error reading them gives.
    func corrupted(_ damage: (TemporaryDirectory) throws -> Void) throws -> CheckError {
        let (dir, store, _) = try Self.stored()
        try damage(dir)
        let error = try #require(throws: CheckError.self) { try store.read(forScenario: Self.scenario) }
        #expect(error.kind == .corruptBaseline)
        #expect(error.help.contains("--update"))
        return error
    }

    func edit(_ dir: TemporaryDirectory, _ name: String, _ change: (String) -> String) throws {
        let url = dir.path(name)
        try change(try String(contentsOf: url, encoding: .utf8)).write(to: url, atomically: true, encoding: .utf8)
    }

    @Test("a damaged baseline is an error that names the file and the problem")
    func damaged() throws {
        #expect(try corrupted { try edit($0, "sample.json") { String($0.prefix(100)) } }.message.hasSuffix("sample.json is not a cardsim baseline: not valid JSON"))
        #expect(try corrupted { try edit($0, "sample.json") { $0.replacingOccurrences(of: "\"seed\": 42", with: "\"sed\": 42") } }
            .message.hasSuffix("sample.json is not a cardsim baseline: missing key 'identity.seed'"))
        #expect(try corrupted { try edit($0, "sample.json") { $0.replacingOccurrences(of: "\"paths\": 3", with: "\"paths\": \"3\"") } }
            .message.hasSuffix("sample.json is not a cardsim baseline: wrong type at 'identity.paths'"))
        #expect(try corrupted { try edit($0, "sample.json") { $0.replacingOccurrences(of: "cardsim-baseline-1", with: "cardsim-baseline-7") } }
            .message.hasSuffix("sample.json has format 'cardsim-baseline-7'; this cardsim reads 'cardsim-baseline-1'"))
        #expect(try corrupted { try FileManager.default.removeItem(at: $0.path("sample.summary.json")) }
            .message.hasSuffix("/sample.summary.json, which is missing"))
        #expect(try corrupted { try edit($0, "sample.summary.json") { $0.replacingOccurrences(of: "\"seed\": 42", with: "\"seed\": 43") } }
            .message.hasSuffix("/sample.summary.json: that file has changed since it was recorded"))
        #expect(try corrupted { try edit($0, "sample.json") { $0.replacingOccurrences(of: "\"seed\": 42", with: "\"seed\": 43") } }
            .message.hasSuffix("disagree on the run's identity (scenario hash, seed, sizes or version)"))
        // A hand-edited mean in the baseline file.
        #expect(try corrupted { dir in
            try edit(dir, "sample.json") { text in
                guard let range = text.range(of: "\"mean\": ") else { return text }
                return text.replacingCharacters(in: range, with: "\"mean\": 1")
            }
        }.message.hasSuffix("disagree on the KPI statistics"))
        // A change that leaves both files a consistent baseline is caught by the manifest.
        #expect(try corrupted { dir in try edit(dir, "sample.json") { $0 + "\n" } }
            .message.hasSuffix("does not match its manifest.json; files changed since cardsim wrote them: sample.json"))
        #expect(try corrupted { dir in try FileManager.default.removeItem(at: dir.path("manifest.json")) }
            .message.contains("has no manifest.json"))
    }
}
