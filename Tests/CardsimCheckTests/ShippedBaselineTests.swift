import CardsimTestSupport
import Foundation
import Testing

/// Every shipped scenario has a stored baseline in Tests/Baselines, and `cardsim check` (the
/// built binary) passes on it: any change to the model that moves a number fails here.
///
/// When it fails because of an intended change, re-record and commit the baselines with the
/// change: `make baselines` (docs/regression.md).
@Suite("shipped baselines")
struct ShippedBaselineTests {
    static let directory = "Tests/Baselines"
    static let record = "make baselines (or: cardsim baseline scenarios/NAME.yaml --out Tests/Baselines --paths 6 --agents 2000 --months 24 --update)"

    static var scenarios: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: PackageRoot.file("scenarios").path)) ?? []
        return names.filter { $0.hasSuffix(".yaml") }.sorted()
    }

    @Test("every scenarios/*.yaml has a baseline, and every baseline a scenario")
    func everyScenarioHasABaseline() throws {
        #expect(!Self.scenarios.isEmpty)
        let stored = Set(((try? FileManager.default.contentsOfDirectory(atPath: PackageRoot.file(Self.directory).path)) ?? [])
            .filter { $0.hasSuffix(".json") && !$0.hasSuffix(".summary.json") && $0 != "manifest.json" })
        for file in Self.scenarios {
            let stem = String(file.dropLast(".yaml".count))
            #expect(stored.contains("\(stem).json"),
                    "scenarios/\(file) has no stored baseline \(Self.directory)/\(stem).json; record it with \(Self.record.replacingOccurrences(of: "NAME", with: stem)), review and commit it")
        }
        for name in stored.sorted() {
            let stem = String(name.dropLast(".json".count))
            #expect(Self.scenarios.contains("\(stem).yaml"),
                    "\(Self.directory)/\(name) has no scenario scenarios/\(stem).yaml; delete it and \(Self.directory)/\(stem).summary.json")
        }
    }

    /// Passes, and exactly: a baseline recorded from another version of the scenario file or of
    /// cardsim is stale even when the small recorded run cannot tell the numbers apart
    /// statistically. Only another platform (where bytes may legitimately differ) may make the
    /// check statistical.
    @Test("cardsim check passes on every shipped scenario, in exact mode unless the platform differs", arguments: scenarios)
    func checkPasses(_ file: String) throws {
        let stem = String(file.dropLast(".yaml".count))
        let record = Self.record.replacingOccurrences(of: "NAME", with: stem)
        let outcome = try CardsimBinary.run(["check", "scenarios/\(file)", "--baselines", Self.directory])
        #expect(outcome.status == 0, """
            cardsim check scenarios/\(file) --baselines \(Self.directory) exited \(outcome.status):
            \(outcome.stdout)\(outcome.stderr)
            If the change is intended, re-record with \(record), review 'git diff \(Self.directory)' and commit it \
            with the change.
            """)
        let prefix = "  the run differs from the baseline's: "
        if let line = outcome.stdout.split(separator: "\n").first(where: { $0.hasPrefix(prefix) }) {
            let reasons = line.dropFirst(prefix.count).components(separatedBy: "; ").filter { !$0.hasPrefix("platform ") }
            #expect(reasons.isEmpty, """
                \(Self.directory)/\(stem).json is stale (\(reasons.joined(separator: "; "))): it was recorded from another \
                scenario file, overrides or cardsim version, so only a statistical check was possible; re-record it with \
                \(record), review and commit it.
                """)
        }
    }
}
