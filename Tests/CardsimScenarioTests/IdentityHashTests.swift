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

    /// FNV-1a 64-bit written out again from its definition, for the documented byte layout.
    static func fnv(_ bytes: [UInt8]) -> String {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        let digits = String(h, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    @Test func withoutModelFilesTheHashIsThatOfTextAndOverrides() {
        #expect(ScenarioLoader.identityHash(yaml: "name: x\n", overrides: ["run.paths=8", "bank.product.apr=0.15"], modelFiles: [:])
            == "3432f80ef5ae79af")
        #expect(ScenarioLoader.identityHash(yaml: "foobar", overrides: [], modelFiles: [:]) == "85944171f73967e8")
    }

    @Test func modelFilesFollowInReferenceOrderWithLengthPrefixes() {
        // "name: x\n" 0 "run.paths=8", then per file by reference: 0 10 "<n>R:" reference "<n>T:" text.
        var bytes = Array("name: x\n".utf8) + [0] + Array("run.paths=8".utf8)
        for (reference, text) in [("a.yaml", "intercept: 1\n"), ("m/b.yaml", "é\r\n")] {
            bytes += [0, 10] + Array("\(reference.utf8.count)R:\(reference)".utf8) + Array("\(text.utf8.count)T:\(text)".utf8)
        }
        let hash = ScenarioLoader.identityHash(yaml: "name: x\n", overrides: ["run.paths=8"],
                                               modelFiles: ["m/b.yaml": "é\r\n", "a.yaml": "intercept: 1\n"])
        #expect(hash == Self.fnv(bytes))
        #expect(hash != ScenarioLoader.identityHash(yaml: "name: x\n", overrides: ["run.paths=8"]))
    }

    @Test func everyByteOfAModelFileCounts() {
        let yaml = "name: x\n"
        let hashes = [
            ScenarioLoader.identityHash(yaml: yaml, overrides: []),
            ScenarioLoader.identityHash(yaml: yaml, overrides: [], modelFiles: ["m.yaml": "intercept: 1.5\n"]),
            ScenarioLoader.identityHash(yaml: yaml, overrides: [], modelFiles: ["m.yaml": "intercept: 1.6\n"]),
            ScenarioLoader.identityHash(yaml: yaml, overrides: [], modelFiles: ["n.yaml": "intercept: 1.5\n"]),
            // The length prefixes keep the reference and the text apart.
            ScenarioLoader.identityHash(yaml: yaml, overrides: [], modelFiles: ["m.yamli": "ntercept: 1.5\n"]),
            ScenarioLoader.identityHash(yaml: yaml, overrides: [], modelFiles: ["m.yaml": "intercept: 1.5\n", "n.yaml": ""]),
            ScenarioLoader.identityHash(yaml: yaml, overrides: ["m.yaml=intercept: 1.5\n"]),
        ]
        #expect(Set(hashes).count == hashes.count)
    }
}
