import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Replaces several files of a directory, and their entries in its `manifest.json`, as one
/// unit: readers and later runs see all the old files or all the new ones.
///
/// A journal, `.cardsim-journal.json`, names every temporary file before it is created
/// (`prepared`), then, once they are all written and flushed, says so (`committed`); the
/// temporary files are renamed over their targets and the journal removed. `recover` (run by
/// the next writer, under the directory's lock) rolls a `prepared` journal back (its temporary
/// files removed) and completes a `committed` one (the renames redone). Nothing the journal
/// does not name is touched. Callers hold the directory's `DirectoryLock`.
public enum FileSetUpdate {
    public static let journalName = ".cardsim-journal.json"
    static let format = "cardsim-journal-1"

    /// Writes `files` (name to bytes) into `directory`, updating their entries in its manifest
    /// (created if missing), as one unit. Throws `OutputError` of kind `.write`; on a throw
    /// before the commit the old files are intact and no temporary file is left.
    public static func commit(_ files: [String: Data], in directory: URL) throws {
        let fm = FileManager.default
        do {
            try fm.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw AtomicDirectory.cannotWrite(directory, AtomicDirectory.reason(error))
        }
        recover(directory)
        var manifest: Manifest
        switch Manifest.find(in: directory) {
        case .manifest(let m) where m.complete: manifest = m
        case .none: manifest = Manifest(files: [:])
        default: throw OutputError(.write, "\(directory.appendingPathComponent(Manifest.fileName).path) is not a cardsim manifest; the directory was left untouched",
                                   help: "Restore it from version control, or write into a new directory.")
        }
        for (name, data) in files { manifest.files[name] = Manifest.Entry(of: data) }
        var contents = files
        contents[Manifest.fileName] = Data(manifest.text.utf8)

        let suffix = AtomicDirectory.randomSuffix()
        let renames = contents.keys.sorted().map { (from: ".\($0).tmp-\(suffix)", to: $0) }
        func path(_ name: String) -> String { directory.appendingPathComponent(name).path }
        func rollBack() {
            for r in renames { unlink(path(r.from)) }
            unlink(path(journalName))
            AtomicDirectory.syncPath(directory.path)
        }
        do {
            try writeJournal(state: "prepared", renames: renames, in: directory)
            try FaultInjection.reach("journal.prepared", target: directory.path)
            for r in renames {
                try write(contents[r.to]!, to: path(r.from), target: directory)
            }
            try writeJournal(state: "committed", renames: renames, in: directory)
            try FaultInjection.reach("journal.committed", target: directory.path)
        } catch {
            rollBack()
            throw error
        }
        try apply(renames, in: directory)
        try FaultInjection.reach("journal.applied", target: directory.path)
        unlink(path(journalName))
        AtomicDirectory.syncPath(directory.path)
    }

    /// Rolls back or completes an update that a killed process left in `directory` (see the
    /// type's documentation). Call with the directory's lock held.
    public static func recover(_ directory: URL) {
        let fm = FileManager.default
        for entry in (try? fm.contentsOfDirectory(atPath: directory.path)) ?? []
        where entry.hasPrefix(journalName + ".tmp-") && readJournal(directory.appendingPathComponent(entry)) != nil {
            unlink(directory.appendingPathComponent(entry).path)
        }
        let file = directory.appendingPathComponent(journalName)
        guard let journal = readJournal(file) else { return }
        if journal.state == "committed" {
            try? apply(journal.renames, in: directory)
        } else {
            for r in journal.renames { unlink(directory.appendingPathComponent(r.from).path) }
        }
        unlink(file.path)
        AtomicDirectory.syncPath(directory.path)
    }

    /// Whether `directory` holds a journal (an update in progress or cut short).
    public static func hasJournal(_ directory: URL) -> Bool {
        FileManager.default.fileExists(atPath: directory.appendingPathComponent(journalName).path)
    }

    private static func apply(_ renames: [(from: String, to: String)], in directory: URL) throws {
        for r in renames {
            let from = directory.appendingPathComponent(r.from).path, to = directory.appendingPathComponent(r.to).path
            guard FileManager.default.fileExists(atPath: from) else { continue }
            guard rename(from, to) == 0 else {
                throw AtomicDirectory.cannotWrite(URL(fileURLWithPath: to), String(cString: strerror(errno)))
            }
        }
        AtomicDirectory.syncPath(directory.path)
    }

    private static func writeJournal(state: String, renames: [(from: String, to: String)], in directory: URL) throws {
        let text = JSONText.object([
            "format": .string(format), "state": .string(state),
            "renames": .array(renames.map { .object(["from": .string($0.from), "to": .string($0.to)]) }),
        ]).document
        let file = directory.appendingPathComponent(journalName)
        let temporary = directory.appendingPathComponent("\(journalName).tmp-\(AtomicDirectory.randomSuffix())")
        try write(Data(text.utf8), to: temporary.path, target: directory)
        guard rename(temporary.path, file.path) == 0 else {
            unlink(temporary.path)
            throw AtomicDirectory.cannotWrite(file, String(cString: strerror(errno)))
        }
        AtomicDirectory.syncPath(directory.path)
    }

    private static func readJournal(_ file: URL) -> (state: String, renames: [(from: String, to: String)])? {
        guard let data = FileManager.default.contents(atPath: file.path),
              let root = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              root["format"] as? String == format, let state = root["state"] as? String,
              let list = root["renames"] as? [[String: String]] else { return nil }
        var renames: [(from: String, to: String)] = []
        for r in list {
            // Only plain names inside the directory, temporary names of the journal's shape.
            guard let from = r["from"], let to = r["to"], !to.contains("/"), !from.contains("/"),
                  from.hasPrefix(".\(to).tmp-") else { return nil }
            renames.append((from, to))
        }
        return (state, renames)
    }

    /// Writes and flushes one file.
    private static func write(_ data: Data, to path: String, target: URL) throws {
        do {
            try data.write(to: URL(fileURLWithPath: path))
        } catch {
            throw AtomicDirectory.cannotWrite(target, AtomicDirectory.reason(error))
        }
        guard AtomicDirectory.syncPath(path) else {
            throw AtomicDirectory.cannotWrite(target, "flushing \(path) to disk failed")
        }
    }
}
