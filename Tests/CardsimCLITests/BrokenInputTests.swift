import CardsimTestSupport
import Foundation
import Testing

/// The corpus of broken inputs in `Tests/BrokenInputs`: each file is refused by
/// `cardsim validate` with the exit status and a message fragment `expected.tsv` gives, and
/// without quoting what it must not quote.
@Suite("broken inputs")
struct BrokenInputTests {
    static let folder = PackageRoot.file("Tests/BrokenInputs")

    struct Case: Sendable, CustomTestStringConvertible {
        var file: String
        var status: Int32
        var fragment: String
        var absent: String
        var testDescription: String { file }
    }

    static var cases: [Case] {
        let text = (try? String(contentsOf: folder.appendingPathComponent("expected.tsv"), encoding: .utf8)) ?? ""
        return text.split(separator: "\n").filter { !$0.hasPrefix("#") }.map { line in
            let f = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            return Case(file: f[0], status: Int32(f[1]) ?? -1, fragment: f[2], absent: f.count > 3 ? f[3] : "")
        }
    }

    @Test("every file is listed, and there are at least 60")
    func listed() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path).filter { $0.hasSuffix(".yaml") }
        #expect(Set(files) == Set(Self.cases.map(\.file)))
        #expect(Self.cases.count >= 60)
    }

    @Test("each broken input is refused with its exit status and message", arguments: cases)
    func refused(_ c: Case) throws {
        let outcome = try CardsimBinary.run(["validate", c.file], in: Self.folder)
        #expect(outcome.status == c.status, "\(c.file): \(outcome.stderr)")
        #expect(outcome.stderr.contains(c.fragment), "\(c.file): expected '\(c.fragment)' in: \(outcome.stderr)")
        #expect(outcome.stderr.hasPrefix(c.file) || outcome.stderr.hasPrefix("models/") || outcome.stderr.hasPrefix("--set"),
                "\(c.file): diagnostics name the file: \(outcome.stderr)")
        if !c.absent.isEmpty {
            #expect(!outcome.stderr.contains(c.absent), "\(c.file): quoted '\(c.absent)': \(outcome.stderr)")
        }
        #expect(outcome.stdout.isEmpty)
    }

    @Test("a file over 4 MiB and a document of more than 200,000 values are refused before parsing or walking")
    func large() throws {
        let dir = try TemporaryDirectory()
        let big = dir.path("big.yaml")
        try Data(("name: t\nmarket:\n  adults: 10000\n# " + String(repeating: "x", count: 5 << 20) + "\n").utf8).write(to: big)
        let a = try CardsimBinary.run(["validate", big.path])
        #expect(a.status == 2)
        #expect(a.stderr.contains("cannot read the file; expected a scenario of at most 4194304 bytes, found \(try Data(contentsOf: big).count) bytes"), "\(a.stderr)")
        let wide = dir.path("wide.yaml")
        try Data(("name: t\nmarket:\n  adults: 10000\nextra: [" + Array(repeating: "1", count: 250_000).joined(separator: ",") + "]\n").utf8).write(to: wide)
        let b = try CardsimBinary.run(["validate", wide.path])
        #expect(b.status == 2)
        #expect(b.stderr.contains("the document has more than 200000 values"), "\(b.stderr)")
    }
}
