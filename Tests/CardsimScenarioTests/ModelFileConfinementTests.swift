import CardsimScenario
import CardsimTestSupport
import Foundation
import Testing

/// Model files are read only from the scenario file's own folder tree, and a file there that is
/// not a scorecard is refused without its text in the message.
@Suite("model files confined to the scenario's folder")
struct ModelFileConfinementTests {
    static let secret = "root:x:0:0:root:/root:/bin/bash\nalice:$6$saltsalt$hash:1000:1000::/home/alice:/bin/sh\n"

    /// A scenario at `DIR/sc/s.yaml` naming `reference` as its application scorecard, a
    /// passwd-like file outside (`DIR/secret.txt`) and one inside (`DIR/sc/models/secret.txt`).
    func diagnostics(_ reference: (URL) -> String) throws -> [Diagnostic] {
        let dir = try TemporaryDirectory()
        let folder = dir.path("sc")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("models"), withIntermediateDirectories: true)
        try Data(Self.secret.utf8).write(to: dir.path("secret.txt"))
        try Data(Self.secret.utf8).write(to: folder.appendingPathComponent("models/secret.txt"))
        try FileManager.default.createSymbolicLink(at: folder.appendingPathComponent("models/link.yaml"), withDestinationURL: dir.path("secret.txt"))
        let scenario = folder.appendingPathComponent("s.yaml")
        try Data("name: t\nmarket:\n  adults: 10000\nrun:\n  agents: 100\nbank:\n  risk:\n    application_scorecard: \(reference(dir.url))\n".utf8).write(to: scenario)
        do {
            _ = try ScenarioLoader.load(path: scenario.path)
            Issue.record("expected the scorecard to be refused")
            return []
        } catch let e as ScenarioErrors {
            return e.diagnostics
        }
    }

    @Test("outside the tree: by '..', by absolute path and through a symbolic link, all refused unread",
          arguments: ["../secret.txt", "ABSOLUTE", "models/link.yaml", "models/../../secret.txt"])
    func outside(_ reference: String) throws {
        let found = try diagnostics { dir in reference == "ABSOLUTE" ? dir.appendingPathComponent("secret.txt").path : reference }
        let d = try #require(found.first)
        #expect(d.message.hasSuffix("found a file outside the scenario file's folder \(d.file.hasSuffix("s.yaml") ? (d.file as NSString).deletingLastPathComponent : "")"), "\(d.message)")
        #expect(d.hint?.contains("model files are read only from the scenario file's own folder") == true)
        #expect(!found.map(\.description).joined().contains("root:x"))
    }

    @Test("inside the tree, a file that is not a scorecard is refused by its kind, its text not quoted")
    func notAScorecard() throws {
        let found = try diagnostics { _ in "models/secret.txt" }
        let d = try #require(found.first)
        #expect(d.file.hasSuffix("sc/models/secret.txt"))
        #expect(d.message == "not a scorecard file (bank.risk.application_scorecard); expected a model file written by 'cardsim fit scorecard': a mapping with 'features' and 'intercept', found a single line of text or a single value")
        let all = found.map(\.description).joined(separator: "\n")
        #expect(!all.contains("root:x") && !all.contains("alice") && !all.contains("$6$"), "\(all)")
    }
}
