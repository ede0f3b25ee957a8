import CardsimTestSupport
import Foundation
import Testing

/// Runs of a scenario that names scorecard model files (scenarios/risk-model-upgrade.yaml), end
/// to end on the built binary: the run directory keeps the model files, so merging and
/// reporting need not find them again, and the scenario hash covers them.
@Suite("runs of scenarios with model files")
struct ModelFileRunTests {
    static let small = ["--agents", "2000", "--paths", "3", "--months", "12"]
    static let references = ["models/application-basic.yaml", "models/application-local-data.yaml", "models/behaviour.yaml"]

    /// The text of the `age` coefficient in a model file, as written.
    static func ageCoefficient(_ text: String) throws -> String {
        let line = try #require(text.split(separator: "\n").first { $0.contains("{name: \"age\", coefficient: ") })
        let start = try #require(line.range(of: "coefficient: ")).upperBound
        return String(line[start...].prefix { $0 != "," })
    }

    /// The text of a model file's intercept, as written.
    static func intercept(_ text: String) throws -> String {
        let line = try #require(text.split(separator: "\n").first { $0.hasPrefix("intercept: ") })
        return String(line.dropFirst("intercept: ".count).prefix { $0 != " " })
    }

    /// A copy of the shipped scenario, the baseline it extends and its model files in a
    /// temporary folder, which the tests edit and delete.
    struct Copy {
        let dir: TemporaryDirectory
        var scenario: String { dir.path("src/risk-model-upgrade.yaml").path }
        func model(_ reference: String) -> URL { dir.path("src/\(reference)") }

        init() throws {
            dir = try TemporaryDirectory(prefix: "cardsim-models")
            let fm = FileManager.default
            try fm.createDirectory(at: dir.path("src/models"), withIntermediateDirectories: true)
            try fm.copyItem(at: PackageRoot.file("scenarios/risk-model-upgrade.yaml"), to: URL(fileURLWithPath: scenario))
            try fm.copyItem(at: PackageRoot.file("scenarios/baseline.yaml"), to: dir.path("src/baseline.yaml"))
            for reference in ModelFileRunTests.references {
                try fm.copyItem(at: PackageRoot.file("scenarios/\(reference)"), to: model(reference))
            }
        }

        /// `cardsim run` of the copy into `name` (inside the temporary folder); requires success.
        @discardableResult
        func run(_ name: String, _ extra: [String] = []) throws -> URL {
            let out = dir.path(name)
            let outcome = try CardsimBinary.run(["run", scenario, "--out", out.path] + ModelFileRunTests.small + extra)
            try #require(outcome.status == 0, "stderr: \(outcome.stderr)")
            return out
        }
    }

    static func json(_ url: URL) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
    }

    /// The scenario hash in a run directory's summary.json.
    static func hash(_ run: URL) throws -> String {
        let scenario = try #require(try json(run.appendingPathComponent("summary.json"))["scenario"] as? [String: Any])
        return try #require(scenario["hash"] as? String)
    }

    @Test("the run keeps the model files; shards merge, compare, report and notebook work after the model files are deleted")
    func selfContained() throws {
        let copy = try Copy()
        let whole = try copy.run("whole")
        for i in 1...2 { try copy.run("shard\(i)", ["--shard", "\(i)/2"]) }

        let files = try FileManager.default.contentsOfDirectory(atPath: whole.path).sorted()
        #expect(files == (RunCommandTests.files + ["model-files.json"]).sorted())
        let stored = try Self.json(whole.appendingPathComponent("model-files.json"))
        #expect(stored.keys.sorted() == Self.references)
        for reference in Self.references {
            #expect(Data(((stored[reference] as? String) ?? "").utf8) == (try Data(contentsOf: copy.model(reference))), "\(reference)")
        }

        try FileManager.default.removeItem(at: copy.dir.path("src/models"))
        let rerun = try CardsimBinary.run(["run", copy.scenario, "--out", copy.dir.path("rerun").path] + Self.small)
        #expect(rerun.status == 2, "the model files are gone, so a new run must fail: \(rerun.stderr)")

        let merged = copy.dir.path("merged")
        let merge = try CardsimBinary.run(["merge", copy.dir.path("shard2").path, copy.dir.path("shard1").path, "--out", merged.path])
        #expect(merge.status == 0, "stderr: \(merge.stderr)")
        #expect(DirectoryComparison.differences(whole, merged) == [])

        let compare = try CardsimBinary.run(["compare", merged.path])
        #expect(compare.status == 0, "stderr: \(compare.stderr)")
        #expect(compare.stdout.contains("local_data_model vs basic scorecard"))
        let report = try CardsimBinary.run(["report", merged.path, "--out", copy.dir.path("r.html").path])
        #expect(report.status == 0, "stderr: \(report.stderr)")
        let notebook = try CardsimBinary.run(["notebook", merged.path, "--out", copy.dir.path("nb/n.ipynb").path])
        #expect(notebook.status == 0, "stderr: \(notebook.stderr)")
        #expect(try Data(contentsOf: copy.dir.path("nb/n-data/model-files.json")) == Data(contentsOf: whole.appendingPathComponent("model-files.json")))
    }

    @Test("editing one coefficient changes the scenario hash, and merge refuses shards of the two model texts")
    func editedModel() throws {
        let copy = try Copy()
        let before = try copy.run("shard1", ["--shard", "1/2"])
        let file = copy.model("models/application-basic.yaml")
        let text = try String(contentsOf: file, encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let line = try #require(lines.firstIndex { $0.contains("{name: \"age\", coefficient: ") }) + 1
        let edited = text.replacingOccurrences(of: "coefficient: \(try Self.ageCoefficient(text))", with: "coefficient: -0.0303")
        try #require(edited != text)
        try Data(edited.utf8).write(to: file)
        let after = try copy.run("shard2", ["--shard", "2/2"])

        for name in ["scenario.yaml", "overrides.txt"] {
            #expect(try Data(contentsOf: before.appendingPathComponent(name)) == Data(contentsOf: after.appendingPathComponent(name)), "\(name)")
        }
        let (h1, h2) = (try Self.hash(before), try Self.hash(after))
        #expect(h1 != h2)

        let merge = try CardsimBinary.run(["merge", before.path, after.path, "--out", copy.dir.path("merged").path])
        #expect(merge.status == 2)
        #expect(merge.stderrLines.first == "Error: \(before.path) and \(after.path) are shards of different runs: scenario hash \(h1) vs \(h2); their copies of model file models/application-basic.yaml differ from line \(line) (model-files.json)")
        #expect(!FileManager.default.fileExists(atPath: copy.dir.path("merged").path))

        // Restoring the file restores the hash: it depends on the texts, not on when they were read.
        try Data(text.utf8).write(to: file)
        #expect(try Self.hash(copy.run("again", ["--shard", "2/2"])) == h1)
    }

    @Test("a run directory whose model-files.json was edited is refused by compare and merge (exit 2)")
    func tamperedStore() throws {
        let copy = try Copy()
        let whole = try copy.run("whole")
        let store = whole.appendingPathComponent("model-files.json")
        let text = try String(contentsOf: store, encoding: .utf8)
        let intercept = try Self.intercept(String(contentsOf: copy.model("models/application-basic.yaml"), encoding: .utf8))
        let tampered = text.replacingOccurrences(of: "intercept: \(intercept)", with: "intercept: -4")
        try #require(tampered != text)
        try Data(tampered.utf8).write(to: store)
        let refused = try CardsimBinary.run(["compare", whole.path])
        #expect(refused.status == 2)
        #expect(refused.stderrLines.first == "Error: \(whole.path) does not match its manifest.json; files changed since cardsim wrote them: model-files.json")
        // With the manifest rewritten to match, the scenario hash still gives the edit away.
        try Reseal.manifest(of: whole)
        let compare = try CardsimBinary.run(["compare", whole.path])
        #expect(compare.status == 2)
        #expect(compare.stderrLines.first == "Error: \(whole.path)'s scenario.yaml, overrides.txt or model-files.json do not match its scenario hash \(try Self.hash(whole))")
        let merge = try CardsimBinary.run(["merge", whole.path, "--out", copy.dir.path("merged").path])
        #expect(merge.status == 2)
        #expect(merge.stderrLines.first?.hasPrefix("Error: the shards' scenario.yaml, overrides.txt or model-files.json do not match") == true, "\(merge.stderr)")
    }

    @Test("a bad scorecard file is an input error: exit 2, the file, line and column, and no output")
    func badModelExitCode() throws {
        let copy = try Copy()
        let file = copy.model("models/application-local-data.yaml")
        let text = try String(contentsOf: file, encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let line = try #require(lines.firstIndex { $0.contains("{name: \"age\", coefficient: ") }) + 1
        let age = try Self.ageCoefficient(text)
        let column = try #require(lines[line - 1].range(of: age)).lowerBound.utf16Offset(in: lines[line - 1]) + 1
        try Data(text.replacingOccurrences(of: age, with: "\"steep\"").utf8).write(to: file)

        let out = copy.dir.path("out")
        for command in [["run", copy.scenario, "--out", out.path] + Self.small, ["validate", copy.scenario]] {
            let outcome = try CardsimBinary.run(command)
            #expect(outcome.status == 2, "\(command[0]): \(outcome.stderr)")
            // The model is named by two challengers; it is read once and reported once.
            #expect(outcome.stderrLines == [
                "\(file.path):\(line):\(column): error: wrong type for scorecard file of strategies.challengers.local_data_model.bank.risk.application_scorecard: features[1].coefficient; expected a number, found the string \"steep\"",
            ], "\(command[0])")
        }
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }

    @Test("cardsim slurm copies the model files beside the scenario copy: the tasks and the merge give the bytes of one run")
    func slurm() throws {
        let copy = try Copy()
        let whole = try copy.run("whole")
        let sbatch = try SlurmCommandTests.FakeSbatch(executing: true)
        let out = copy.dir.path("out"), work = copy.dir.path("out.slurm")
        let arguments = [copy.scenario, "--shards", "2", "--out", out.path] + Self.small
        let outcome = try sbatch.slurm(arguments)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(DirectoryComparison.differences(whole, out) == [])
        for reference in Self.references {
            #expect(try Data(contentsOf: work.appendingPathComponent(reference)) == Data(contentsOf: copy.model(reference)), "\(reference)")
        }

        // A model file edited after submission: resubmitting a shard is refused.
        let file = copy.model("models/application-basic.yaml")
        try Data((try String(contentsOf: file, encoding: .utf8) + "# edited\n").utf8).write(to: file)
        let again = try sbatch.slurm(arguments + ["--resubmit", "2"])
        #expect(again.status == 2)
        #expect(again.stderrLines.first?.hasPrefix("Error: a model file of \(copy.scenario) changed since the first submission: \(work.path)/models/application-basic.yaml line ") == true,
                "\(again.stderr)")
    }

    @Test("cardsim slurm refuses model files outside the scenario's folder (as every command does)")
    func slurmOutside() throws {
        let copy = try Copy()
        let nested = copy.dir.path("src/nested/risk-model-upgrade.yaml")
        try FileManager.default.createDirectory(at: nested.deletingLastPathComponent(), withIntermediateDirectories: true)
        let text = try String(contentsOfFile: copy.scenario, encoding: .utf8)
        try Data(text.replacingOccurrences(of: " models/", with: " ../models/").utf8).write(to: nested)
        try FileManager.default.copyItem(at: copy.dir.path("src/baseline.yaml"), to: nested.deletingLastPathComponent().appendingPathComponent("baseline.yaml"))
        let outcome = try SlurmCommandTests.FakeSbatch().slurm([nested.path, "--shards", "2", "--out", copy.dir.path("out").path, "--dry-run"] + Self.small)
        #expect(outcome.status == 2)
        #expect(outcome.stderrLines.first?.hasPrefix("\(nested.path):17:28: error: cannot read the scorecard file of bank.risk.application_scorecard (\(nested.deletingLastPathComponent().path)/../models/application-basic.yaml); expected a model file written by 'cardsim fit scorecard', found a file outside the scenario file's folder \(nested.deletingLastPathComponent().path)") == true, "\(outcome.stderr)")
    }
}
