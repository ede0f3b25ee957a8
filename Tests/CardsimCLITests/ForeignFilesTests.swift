import CardsimTestSupport
import Foundation
import Testing

/// `run --out DIR` replaces DIR only if it holds nothing but the files cardsim writes: a note
/// left inside an earlier run directory, or a stray `summary.json` in a user's folder, makes
/// it refuse with exit 3, name the foreign files and leave every file as it was.
@Suite("No deletion of files cardsim did not write")
struct ForeignFilesTests {
    static let small = ["--agents", "2000", "--paths", "2", "--months", "3"]

    @Test("a folder with a summary.json and a user's file, but no manifest, is refused, untouched")
    func strayFolder() throws {
        let dir = try TemporaryDirectory(prefix: "cardsim-foreign")
        let out = dir.path("r")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        try Data("{}".utf8).write(to: out.appendingPathComponent("summary.json"))
        try Data("x\n".utf8).write(to: out.appendingPathComponent("thesis.txt"))
        let run = try CardsimBinary.run(["run", RunCommandTests.baseline] + Self.small + ["--out", out.path])
        #expect(run.status == 3, "\(run.stderr)")
        #expect(run.stderr.contains("\(out.path) exists and is not a cardsim output directory (no manifest.json); it was left untouched"), "\(run.stderr)")
        #expect(try String(contentsOf: out.appendingPathComponent("thesis.txt"), encoding: .utf8) == "x\n")
        #expect(try String(contentsOf: out.appendingPathComponent("summary.json"), encoding: .utf8) == "{}")
        #expect(dir.entries == ["r"], "nothing left beside the output: \(dir.entries)")
    }

    @Test("an earlier run is replaced; the same run with a note inside is refused and kept whole")
    func noteInsideRun() throws {
        let dir = try TemporaryDirectory(prefix: "cardsim-foreign")
        let out = dir.path("r")
        let first = try CardsimBinary.run(["run", RunCommandTests.baseline] + Self.small + ["--out", out.path])
        try #require(first.status == 0, "\(first.stderr)")
        let again = try CardsimBinary.run(["run", RunCommandTests.baseline] + Self.small + ["--seed", "5", "--out", out.path])
        #expect(again.status == 0, "an earlier cardsim output is replaced: \(again.stderr)")
        let before = try Data(contentsOf: out.appendingPathComponent("summary.json"))
        try Data("my notes\n".utf8).write(to: out.appendingPathComponent("notes.md"))
        let refused = try CardsimBinary.run(["run", RunCommandTests.baseline] + Self.small + ["--out", out.path])
        #expect(refused.status == 3, "\(refused.stderr)")
        #expect(refused.stderr.contains("notes.md"), "\(refused.stderr)")
        #expect(try Data(contentsOf: out.appendingPathComponent("summary.json")) == before)
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("notes.md").path))
    }

    @Test("a notebook's data folder with a user's file in it is refused, untouched")
    func notebookFolder() throws {
        let dir = try TemporaryDirectory(prefix: "cardsim-foreign")
        let run = try CardsimBinary.run(["run", RunCommandTests.baseline] + Self.small + ["--out", dir.path("r").path])
        try #require(run.status == 0, "\(run.stderr)")
        let notebook = dir.path("n.ipynb").path
        let first = try CardsimBinary.run(["notebook", dir.path("r").path, "--out", notebook])
        try #require(first.status == 0, "\(first.stderr)")
        let again = try CardsimBinary.run(["notebook", dir.path("r").path, "--out", notebook])
        #expect(again.status == 0, "an earlier export is replaced: \(again.stderr)")
        let mine = dir.path("n-data/analysis.py")
        try Data("print(1)\n".utf8).write(to: mine)
        let refused = try CardsimBinary.run(["notebook", dir.path("r").path, "--out", notebook])
        #expect(refused.status == 3, "\(refused.stderr)")
        #expect(refused.stderr.contains("analysis.py"), "\(refused.stderr)")
        #expect(FileManager.default.fileExists(atPath: mine.path))
    }
}
