import CardsimTestSupport
import Foundation
import Testing

/// Overlays (`extends:`) end to end: `cardsim validate --resolved` prints the merged scenario, a
/// run stores it, and a scenario in full and as an overlay run with one identity.
@Suite("scenario overlays on the command line")
struct OverlayCommandTests {
    static let parent = """
        # The parent's question?
        name: parent
        market: {adults: 3000000}
        bank:
          product: {apr: 0.2, annual_fee: 150}

        """
    static let child = """
        # The child's question?
        extends: parent.yaml
        name: child
        bank:
          product: {annual_fee: 0}
        strategies:
          challengers:
            - {name: cheaper, bank: {product: {apr: 0.15}}}

        """
    /// What `validate --resolved` prints for `child`: its question, the chain, then the merged
    /// scenario with the parent's keys first.
    static let resolved = """
        # The child's question?
        #
        # child.yaml extends parent.yaml: merged into one scenario (docs/scenario-format.md, "Overlays").

        name: child

        market: {adults: 3000000}

        bank:
          product: {apr: 0.2, annual_fee: 0}

        strategies:
          challengers:
            - name: cheaper
              bank:
                product: {apr: 0.15}

        """

    static func folder() throws -> TemporaryDirectory {
        let dir = try TemporaryDirectory(prefix: "cardsim-overlay-cli")
        try Data(parent.utf8).write(to: dir.path("parent.yaml"))
        try Data(child.utf8).write(to: dir.path("child.yaml"))
        return dir
    }

    @Test("validate --resolved prints the merged scenario and exits 0")
    func validateResolved() throws {
        let dir = try Self.folder()
        let outcome = try CardsimBinary.run(["validate", "--resolved", "child.yaml"], in: dir.url)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout == Self.resolved)
        // A file that extends nothing prints as it is.
        let plain = try CardsimBinary.run(["validate", "--resolved", "parent.yaml"], in: dir.url)
        #expect(plain.stdout == Self.parent)
        #expect(try CardsimBinary.run(["validate", "child.yaml"], in: dir.url).stdout == "child.yaml: ok\n")
    }

    @Test("validate --resolved of a broken overlay prints the diagnostics and exits 2")
    func validateResolvedBroken() throws {
        let dir = try Self.folder()
        try Data(Self.child.replacingOccurrences(of: "annual_fee: 0", with: "annual_fee: -1").utf8).write(to: dir.path("bad.yaml"))
        try Data("extends: missing.yaml\n".utf8).write(to: dir.path("orphan.yaml"))
        let outcome = try CardsimBinary.run(["validate", "--resolved", "bad.yaml", "orphan.yaml"], in: dir.url)
        #expect(outcome.status == 2)
        #expect(outcome.stdout == "")
        #expect(outcome.stderrLines == [
            "bad.yaml:5:25: error: value out of range for bank.product.annual_fee; expected a number at least 0 (yuan), found -1",
            "orphan.yaml:1:10: error: cannot read the scenario that extends names (missing.yaml); expected a readable YAML scenario, found no such file (hint: the path is relative to the folder of orphan.yaml)",
        ])
    }

    @Test("a run stores the resolved scenario, and the full and overlay forms have one identity and the same results")
    func runStoresTheResolvedScenario() throws {
        let dir = try Self.folder()
        try Data(Self.resolved.replacingOccurrences(of: "# The child's question?", with: "# The same scenario, in full?").utf8)
            .write(to: dir.path("full.yaml"))
        for (file, out) in [("child.yaml", "overlay-run"), ("full.yaml", "full-run")] {
            let outcome = try CardsimBinary.run(["run", file, "--out", out] + RunCommandTests.small, in: dir.url)
            try #require(outcome.status == 0, "\(outcome.stderr)")
        }
        let stored = try String(contentsOf: dir.path("overlay-run/scenario.yaml"), encoding: .utf8)
        #expect(stored == Self.resolved)
        let overlay = try Self.summary(dir.path("overlay-run"))
        let full = try Self.summary(dir.path("full-run"))
        #expect(overlay.hash == full.hash)
        #expect(overlay.strategies == full.strategies)
        #expect(try Data(contentsOf: dir.path("overlay-run/monthly.csv")) == Data(contentsOf: dir.path("full-run/monthly.csv")))
        // The run directory stands alone: compare reads it back without the parent.
        try FileManager.default.removeItem(at: dir.path("parent.yaml"))
        let compare = try CardsimBinary.run(["compare", dir.path("overlay-run").path], in: dir.url)
        #expect(compare.status == 0, "\(compare.stderr)")
    }

    /// The scenario hash and the strategies of a run's summary.json.
    static func summary(_ run: URL) throws -> (hash: String, strategies: String) {
        let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: run.appendingPathComponent("summary.json"))) as? [String: Any])
        let scenario = try #require(json["scenario"] as? [String: Any])
        let strategies = try JSONSerialization.data(withJSONObject: json["strategies"] ?? [], options: [.sortedKeys])
        return (try #require(scenario["hash"] as? String), String(decoding: strategies, as: UTF8.self))
    }
}
