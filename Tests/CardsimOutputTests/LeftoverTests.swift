@testable import CardsimOutput
import CardsimTestSupport
import Foundation
import Testing

/// What a killed writer leaves behind is recognised by its manifest and cleaned up by the
/// next write; nothing without a cardsim manifest is ever deleted.
@Suite("leftovers of killed writes")
struct LeftoverTests {
    func put(_ text: String, _ url: URL) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    @Test("a half-filled temporary directory with the writing marker is removed; one without a manifest is kept")
    func temporaries() throws {
        let dir = try TemporaryDirectory()
        try AtomicDirectory.write(to: dir.path("out")) { try Data("old".utf8).write(to: $0.appendingPathComponent("a.csv")) }
        try put(Manifest.writing.text, dir.path("out.tmp-1234abcd/manifest.json"))
        try put("part", dir.path("out.tmp-1234abcd/ledger.csv"))
        try put("mine", dir.path("out.tmp-notcardsim/thesis.txt"))
        // A complete manifest with a file it does not list is not cardsim's to delete.
        try put(Manifest(files: [:]).text, dir.path("out.old-5678/manifest.json"))
        try put("note", dir.path("out.old-5678/note.txt"))
        try AtomicDirectory.write(to: dir.path("out")) { try Data("new".utf8).write(to: $0.appendingPathComponent("a.csv")) }
        #expect(dir.entries == ["out", "out.old-5678", "out.tmp-notcardsim"])
        #expect(FileManager.default.contents(atPath: dir.path("out/a.csv").path) == Data("new".utf8))
    }

    @Test("an old directory left aside with the output missing is put back, intact")
    func restoresOld() throws {
        let dir = try TemporaryDirectory()
        try AtomicDirectory.write(to: dir.path("out")) { try Data("old".utf8).write(to: $0.appendingPathComponent("a.csv")) }
        // As the two-rename swap leaves it when killed between its renames.
        try FileManager.default.moveItem(at: dir.path("out"), to: dir.path("out.old-99"))
        AtomicDirectory.recoverLeftovers(of: dir.path("out"))
        #expect(dir.entries == ["out"])
        try Manifest.verified(dir.path("out")).verify(dir.path("out"))
        #expect(FileManager.default.contents(atPath: dir.path("out/a.csv").path) == Data("old".utf8))
    }

    @Test("replaceability: missing, empty and manifest-listed directories only")
    func replaceability() throws {
        let dir = try TemporaryDirectory()
        #expect(AtomicDirectory.replaceability(of: dir.path("none")) == .replaceable)
        try AtomicDirectory.write(to: dir.path("out")) { try Data("x".utf8).write(to: $0.appendingPathComponent("a.csv")) }
        #expect(AtomicDirectory.replaceability(of: dir.path("out")) == .replaceable)
        try put("y", dir.path("out/b.txt"))
        try put("z", dir.path("out/c.txt"))
        #expect(AtomicDirectory.replaceability(of: dir.path("out")) == .foreign(["b.txt", "c.txt"]))
        try put("{}", dir.path("plain/summary.json"))
        #expect(AtomicDirectory.replaceability(of: dir.path("plain")) == .notAnOutput)
        try put(Manifest.writing.text, dir.path("unfinished/manifest.json"))
        #expect(AtomicDirectory.replaceability(of: dir.path("unfinished")) == .notAnOutput)
    }

    @Test("the manifest lists every file with its size and SHA-256, and names what changed, went missing or is unlisted")
    func manifest() throws {
        let dir = try TemporaryDirectory()
        try AtomicDirectory.write(to: dir.path("out")) { d in
            try Data("abc".utf8).write(to: d.appendingPathComponent("a.csv"))
            try Data("".utf8).write(to: d.appendingPathComponent("b.csv"))
        }
        let m = try Manifest.verified(dir.path("out"))
        #expect(m.files["a.csv"] == Manifest.Entry(bytes: 3, sha256: "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"))
        #expect(m.files.keys.sorted() == ["a.csv", "b.csv"])
        try put("abd", dir.path("out/a.csv"))
        try FileManager.default.removeItem(at: dir.path("out/b.csv"))
        let error = try #require(throws: OutputError.self) { try m.verify(dir.path("out"), names: ["a.csv", "b.csv", "c.csv"]) }
        #expect(error.kind == .read)
        #expect(error.message == "\(dir.path("out").path) does not match its manifest.json; files changed since cardsim wrote them: a.csv; missing: b.csv; not listed in its manifest.json: c.csv")
    }

    @Test("an update cut short before its commit is rolled back; one cut short after is completed")
    func journal() throws {
        let dir = try TemporaryDirectory()
        let base = dir.path("base")
        try FileSetUpdate.commit(["x.json": Data("old x".utf8), "y.json": Data("old y".utf8)], in: base)
        let oldManifest = try Data(contentsOf: base.appendingPathComponent("manifest.json"))
        func journal(_ state: String) throws {
            try put("new x", base.appendingPathComponent(".x.json.tmp-1"))
            try put("{\"format\": \"cardsim-journal-1\", \"state\": \"\(state)\", \"renames\": [{\"from\": \".x.json.tmp-1\", \"to\": \"x.json\"}]}",
                    base.appendingPathComponent(".cardsim-journal.json"))
        }
        try journal("prepared")
        FileSetUpdate.recover(base)
        #expect(try FileManager.default.contentsOfDirectory(atPath: base.path).sorted() == ["manifest.json", "x.json", "y.json"])
        #expect(try Data(contentsOf: base.appendingPathComponent("x.json")) == Data("old x".utf8))
        #expect(try Data(contentsOf: base.appendingPathComponent("manifest.json")) == oldManifest)
        try journal("committed")
        FileSetUpdate.recover(base)
        #expect(try FileManager.default.contentsOfDirectory(atPath: base.path).sorted() == ["manifest.json", "x.json", "y.json"])
        #expect(try Data(contentsOf: base.appendingPathComponent("x.json")) == Data("new x".utf8))
        // A journal naming a file outside its own temporary names is not acted on.
        try put("keep", base.appendingPathComponent("z.txt"))
        try put("{\"format\": \"cardsim-journal-1\", \"state\": \"prepared\", \"renames\": [{\"from\": \"z.txt\", \"to\": \"x.json\"}]}",
                base.appendingPathComponent(".cardsim-journal.json"))
        FileSetUpdate.recover(base)
        #expect(FileManager.default.fileExists(atPath: base.appendingPathComponent("z.txt").path))
    }
}
