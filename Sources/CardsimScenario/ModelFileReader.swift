import CardsimEngine
import Foundation

/// Where the loader finds the model files a scenario names (`bank.risk.application_scorecard`,
/// `bank.risk.behaviour_scorecard`).
///
/// A reference is the path as the scenario (or a `--set` override) wrote it. On disk it is
/// resolved against the scenario file's folder (absolute paths as given) and accepted only
/// inside that folder's tree, symbolic links and `..` resolved: a scenario cannot make cardsim
/// read, or copy into its outputs, a file elsewhere on the machine. A run directory keeps the
/// texts the run read under the same references, so that the stored scenario loads without the
/// original files.
public enum ModelFileReader: Sendable, Equatable {
    /// The files on disk, relative to the scenario file's folder.
    case disk
    /// Texts stored with a run, keyed by reference; `file` names the store in diagnostics
    /// (e.g. `RUN/model-files.json`). A reference missing from `texts` is an error: the disk is
    /// never consulted.
    case stored([String: String], file: String)
}

/// The model files of one load: where they come from, and the exact text of every file read,
/// keyed by reference (what `ScenarioDocument.modelFiles` returns).
struct ModelFileLoad {
    var reader: ModelFileReader
    private(set) var texts: [String: String] = [:]
    /// The outcome of reading each model file as an application or a behaviour scorecard
    /// (key `KIND REFERENCE`): the scorecard, or nil when its problems were reported. A file
    /// named by several strategies is parsed, and its problems reported, once.
    var parsed: [String: Scorecard?] = [:]

    init(reader: ModelFileReader) { self.reader = reader }

    /// A model file's text and the name diagnostics inside it carry.
    struct Read {
        var text: String
        /// The resolved path on disk, or `STORE[REFERENCE]` for a stored text.
        var file: String
    }

    /// Why a model file could not be read: `found` completes "expected a model file …, found";
    /// `place` names where it was looked for.
    struct Problem: Error {
        var place: String
        var found: String
        var hint: String
    }

    /// The text of `reference`, read once per load (a second read returns the first text, so
    /// that two strategies naming one file see the same model).
    mutating func read(_ reference: String, scenarioFile: String) -> Result<Read, Problem> {
        switch reader {
        case .stored(let stored, let store):
            guard let text = stored[reference] else {
                return .failure(Problem(place: "\(store)[\(reference)]", found: "no copy stored with the run",
                                        hint: "the run directory keeps the model files the run read; re-run the scenario to store them"))
            }
            texts[reference] = text
            return .success(Read(text: text, file: "\(store)[\(reference)]"))
        case .disk:
            let resolved = Self.resolve(reference, relativeTo: scenarioFile)
            if let text = texts[reference] { return .success(Read(text: text, file: resolved)) }
            func problem(_ found: String) -> Result<Read, Problem> {
                .failure(Problem(place: resolved, found: found,
                                 hint: "paths are relative to the scenario file's folder; 'make models' writes the shipped ones"))
            }
            let manager = FileManager.default
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: resolved, isDirectory: &isDirectory) else { return problem("no such file") }
            guard !isDirectory.boolValue else { return problem("a directory") }
            let folder = Self.folder(of: scenarioFile)
            guard let real = Self.realPath(resolved), let root = Self.realPath(folder), real.hasPrefix(root == "/" ? "/" : root + "/") else {
                return .failure(Problem(place: resolved, found: "a file outside the scenario file's folder \(folder)",
                                        hint: "model files are read only from the scenario file's own folder and the folders under it; copy the file there and name it by a relative path"))
            }
            if let size = (try? manager.attributesOfItem(atPath: real))?[.size] as? Int, size > YAMLBytes.maxBytes {
                return problem("a file of \(size) bytes (a scorecard is a few kilobytes)")
            }
            guard let data = manager.contents(atPath: resolved) else { return problem("a file that cannot be read") }
            guard let text = String(data: data, encoding: .utf8) else { return problem("bytes that are not UTF-8 text") }
            texts[reference] = text
            return .success(Read(text: text, file: resolved))
        }
    }

    /// `reference` as a path: absolute as given, else relative to the scenario file's folder.
    static func resolve(_ reference: String, relativeTo scenarioFile: String) -> String {
        if reference.hasPrefix("/") { return reference }
        let folder = (scenarioFile as NSString).deletingLastPathComponent
        return folder.isEmpty ? reference : (folder as NSString).appendingPathComponent(reference)
    }

    /// The scenario file's folder (`.` for a file named without one).
    static func folder(of scenarioFile: String) -> String {
        let folder = (scenarioFile as NSString).deletingLastPathComponent
        return folder.isEmpty ? "." : folder
    }

    /// The absolute path with every symbolic link, `.` and `..` resolved; nil if it does not exist.
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
