import CardsimScenario
import Testing

/// The identity hash is FNV-1a 64-bit over the file and the overrides, in 16 hex digits.
@Suite struct IdentityHashTests {
    @Test func publishedTestVectors() {
        #expect(ScenarioLoader.identityHash(yaml: "", overrides: []) == "cbf29ce484222325")
        #expect(ScenarioLoader.identityHash(yaml: "a", overrides: []) == "af63dc4c8601ec8c")
        #expect(ScenarioLoader.identityHash(yaml: "foobar", overrides: []) == "85944171f73967e8")
    }

    @Test func overridesFollowTheFileEachAfterAZeroByte() {
        // FNV-1a of "name: x\n" 0x00 "run.paths=8" 0x00 "bank.product.apr=0.15".
        #expect(ScenarioLoader.identityHash(yaml: "name: x\n", overrides: ["run.paths=8", "bank.product.apr=0.15"])
            == "3432f80ef5ae79af")
    }

    @Test func everyPartCounts() {
        let base = ScenarioLoader.identityHash(yaml: "name: x\n", overrides: [])
        let hashes = [
            base,
            ScenarioLoader.identityHash(yaml: "name: y\n", overrides: []),
            ScenarioLoader.identityHash(yaml: "name: x\n", overrides: ["run.paths=8"]),
            ScenarioLoader.identityHash(yaml: "name: x\n", overrides: ["a=1", "b=2"]),
            ScenarioLoader.identityHash(yaml: "name: x\n", overrides: ["a=1b=2"]),
            ScenarioLoader.identityHash(yaml: "name: x\n", overrides: ["b=2", "a=1"]),
        ]
        #expect(Set(hashes).count == hashes.count)
        #expect(hashes.allSatisfy { $0.count == 16 && $0.allSatisfy { "0123456789abcdef".contains($0) } })
        #expect(ScenarioLoader.identityHash(yaml: "name: x\n", overrides: []) == base)
    }
}
