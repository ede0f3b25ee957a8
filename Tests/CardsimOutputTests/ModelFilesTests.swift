import CardsimEngine
import CardsimOutput
import CardsimTestSupport
import Foundation
import Testing

/// `model-files.json`: written only for scenarios with model files, read back byte for byte, and
/// compared when shards are merged.
@Suite("model files of a run directory")
struct ModelFilesTests {
    let scenario = SampleRuns.scenario(paths: 4, months: 2)
    /// Texts with every character JSON escapes or could mangle: quotes, backslashes, tabs, CR LF,
    /// control characters, DEL, U+2028, non-ASCII and a missing final newline.
    static let awkward = "name: \"a\\b\"\r\n\tfeatures: []\u{1}\u{7F}\u{2028}é中\nintercept: 0"
    static let files = [ModelFile(reference: "models/b.yaml", text: awkward),
                        ModelFile(reference: "a.yaml", text: "intercept: 1\n")]

    func write(_ url: URL, _ source: ScenarioSource, shard: (Int, Int)? = nil) throws {
        let shardInfo = shard.map { ShardInfo(index: $0.0, count: $0.1,
                                              paths: MonteCarlo.shardRange(index: $0.0, count: $0.1, paths: scenario.run.paths)) }
        let info = RunInfo(scenario: scenario, scenarioHash: "00000000000000bb", shard: shardInfo)
        try RunDirectory.write(to: url, info: info, scenario: scenario, source: source,
                               results: SampleRuns.results(scenario, paths: info.pathRange))
    }

    @Test("the source's model files are sorted by reference and read back byte for byte")
    func roundTrip() throws {
        let dir = try TemporaryDirectory()
        let source = ScenarioSource(yaml: "name: sample\n", overrides: ["run.paths=4"], modelFiles: Self.files)
        #expect(source.modelFiles.map(\.reference) == ["a.yaml", "models/b.yaml"])
        try write(dir.path("run"), source)
        let names = try FileManager.default.contentsOfDirectory(atPath: dir.path("run").path)
        #expect(names.contains("model-files.json"))
        let read = try RunDirectory.read(dir.path("run")).source
        #expect(read == source)
        #expect(read.modelFiles.map { Array($0.text.utf8) } == source.modelFiles.map { Array($0.text.utf8) })
        #expect(read.modelTexts == ["a.yaml": "intercept: 1\n", "models/b.yaml": Self.awkward])
    }

    @Test("the file maps references to texts, keys in UTF-8 byte order")
    func format() {
        let text = ModelFiles.text([ModelFile(reference: "é.yaml", text: "x"), ModelFile(reference: "Z.yaml", text: "y\n"),
                                    ModelFile(reference: "a.yaml", text: "")])
        #expect(text == "{\n  \"Z.yaml\": \"y\\n\",\n  \"a.yaml\": \"\",\n  \"é.yaml\": \"x\"\n}\n")
    }

    @Test("a run without model files has exactly the files it always had")
    func noModelFiles() throws {
        let dir = try TemporaryDirectory()
        try write(dir.path("run"), ScenarioSource(yaml: "name: sample\n", overrides: []))
        let names = try FileManager.default.contentsOfDirectory(atPath: dir.path("run").path).sorted()
        #expect(names == (RunDirectory.fileNames.filter { $0 != ModelFiles.fileName } + [Manifest.fileName]).sorted())
        #expect(try RunDirectory.read(dir.path("run")).source.modelFiles == [])
    }

    @Test("a model-files.json that is not an object of strings is a read error")
    func corrupt() throws {
        let dir = try TemporaryDirectory()
        try write(dir.path("run"), ScenarioSource(yaml: "name: sample\n", overrides: [], modelFiles: Self.files))
        let store = dir.path("run/model-files.json")
        for bad in ["[\"a.yaml\"]", "{\"a.yaml\": 3}", "{\"a.yaml\": \"x\""] {
            try Data(bad.utf8).write(to: store)
            try Reseal.manifest(of: dir.path("run"))
            do {
                _ = try RunDirectory.read(dir.path("run"))
                Issue.record("\(bad) must be refused")
            } catch let e as OutputError {
                #expect(e.kind == .read)
                #expect(e.message == "\(store.path) is not a cardsim model-file store; expected a JSON object from model file paths to their texts")
            }
        }
    }

    @Test("shards whose model texts differ are refused, naming the file and the first differing line")
    func mergeRefuses() throws {
        let dir = try TemporaryDirectory()
        let source = ScenarioSource(yaml: "name: sample\n", overrides: [], modelFiles: Self.files)
        try write(dir.path("a"), source, shard: (1, 2))
        var edited = source
        edited.modelFiles[1].text = Self.awkward.replacingOccurrences(of: "intercept: 0", with: "intercept: 1")
        try write(dir.path("b"), edited, shard: (2, 2))
        var fewer = source
        fewer.modelFiles.removeFirst()
        try write(dir.path("c"), fewer, shard: (2, 2))
        try write(dir.path("d"), source, shard: (2, 2))

        func message(_ dirs: [String]) -> String? {
            do {
                _ = try ShardMerge.merge(dirs.map { dir.path($0) }) { _, _ in scenario }
                return nil
            } catch let e as OutputError {
                #expect(e.kind == .shards)
                return e.message
            } catch {
                return "\(error)"
            }
        }
        let prefix = "\(dir.path("a").path) and \(dir.path("b").path) are shards of different runs: "
        #expect(message(["a", "b"]) == prefix + "their copies of model file models/b.yaml differ from line 3 (model-files.json)")
        #expect(message(["a", "c"])?.hasSuffix("are shards of different runs: model file a.yaml is stored in only one of them (model-files.json)") == true)
        #expect(message(["a", "d"]) == nil)
    }
}
