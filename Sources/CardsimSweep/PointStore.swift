import CardsimEngine
import CardsimOutput
import CardsimReport
import Foundation

/// A sweep's directory on disk:
///
/// - `sweep.json`: the sweep's identity (`SweepIdentity`), written before the first point;
/// - `points/NNNN/`: each finished point, a complete run directory as `cardsim run` writes it.
///
/// - `manifest.json`: the sweep directory's own files (`sweep.json` and the tables) with their
///   SHA-256 (`Manifest`), rewritten after each of them.
///
/// A point directory is written under a temporary name beside its final one and renamed when
/// complete (`AtomicDirectory`), so a point is finished exactly when `points/NNNN/manifest.json`
/// is complete; `points/NNNN.tmp-*` is a point cut short, ignored and removed when its point
/// runs again. A finished point whose files do not match its manifest is refused by name
/// (`verifyFinished`). Tables (`sweep.csv` and the others) are written last, each file
/// atomically.
public struct PointStore: Sendable {
    public static let identityFileName = "sweep.json"
    public static let pointsDirectoryName = "points"

    public let directory: URL
    public let plan: SweepPlan

    public init(directory: URL, plan: SweepPlan) {
        self.directory = directory; self.plan = plan
    }

    public var pointsDirectory: URL { directory.appendingPathComponent(Self.pointsDirectoryName) }

    /// The run directory of `point`.
    public func url(_ point: SweepPoint) -> URL { pointsDirectory.appendingPathComponent(plan.name(point)) }

    /// Whether `point` finished: its directory holds a complete `manifest.json`.
    public func isFinished(_ point: SweepPoint) -> Bool {
        if case .manifest(let m) = Manifest.find(in: url(point)) { return m.complete }
        return false
    }

    /// Checks a finished point's files against its manifest; throws `SweepError` of kind
    /// `.input` naming every file changed or missing.
    public func verifyFinished(_ point: SweepPoint) throws {
        do {
            _ = try Manifest.verified(url(point), what: "finished sweep point")
        } catch let e as OutputError {
            throw SweepError(.input, "point \(plan.name(point)): \(e.message)",
                             help: "Remove \(url(point).path) and run the sweep again; the point will be recomputed.")
        }
    }

    /// Removes what a killed write of `point` left behind (`NNNN.tmp-*`, `NNNN.old-*` holding a
    /// cardsim manifest; `AtomicDirectory.recoverLeftovers`).
    public func removeLeftovers(of point: SweepPoint) {
        AtomicDirectory.recoverLeftovers(of: url(point))
    }

    /// The sweep directory's manifest of its own files (`sweep.json` and the tables).
    private var manifestURL: URL { directory.appendingPathComponent(Manifest.fileName) }

    /// Makes `directory` this sweep's: writes `identity` into `sweep.json` if the directory is
    /// new or empty; accepts it if `sweep.json` holds the same text; else refuses, naming what
    /// differs, so that points of two different sweeps are never mixed.
    public func claim(identity: SweepIdentity) throws {
        let fm = FileManager.default
        let file = directory.appendingPathComponent(Self.identityFileName)
        if let data = fm.contents(atPath: file.path) {
            do {
                _ = try Manifest.verified(directory, names: [Self.identityFileName], what: "cardsim sweep directory")
            } catch let e as OutputError {
                throw SweepError(.input, e.message, help: e.help)
            }
            let stored = String(decoding: data, as: UTF8.self)
            guard stored == identity.text else {
                throw SweepError(.input, "\(directory.path) holds a different sweep: \(identity.difference(from: stored))",
                                 help: "Re-run with the arguments that sweep was started with, or choose another --out directory (or remove this one).")
            }
            return
        }
        var isDirectory: ObjCBool = false
        if fm.fileExists(atPath: directory.path, isDirectory: &isDirectory) {
            let contents = isDirectory.boolValue ? ((try? fm.contentsOfDirectory(atPath: directory.path)) ?? []) : ["?"]
            if !contents.isEmpty {
                throw SweepError(.input, "\(directory.path) exists and is not a cardsim sweep directory (no \(Self.identityFileName)); it was left untouched",
                                 help: "Choose another --out directory, or remove this one first.")
            }
        }
        try write(identity.text, to: file)
    }

    /// Reads `identity.text` back only (for `--require-complete`): refuses a directory without
    /// it or with another sweep's.
    public func requireIdentity(_ identity: SweepIdentity) throws {
        let file = directory.appendingPathComponent(Self.identityFileName)
        guard FileManager.default.fileExists(atPath: file.path) else {
            throw SweepError(.input, "\(directory.path) holds no sweep (no \(Self.identityFileName))",
                             help: "Run the shards first: cardsim sweep SCENARIO --out DIR --shard I/K for I = 1..K.")
        }
        try claim(identity: identity)
    }

    /// Writes `text` to `file` (in the sweep directory) atomically and records it in the sweep
    /// directory's manifest, as a write error.
    public func write(_ text: String, to file: URL) throws {
        try write(Data(text.utf8), to: file)
    }

    /// Writes `data` to `file` (in the sweep directory) atomically and records it in the sweep
    /// directory's manifest, as a write error.
    public func write(_ data: Data, to file: URL) throws {
        do {
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try AtomicFile.write(data, to: file)
            var manifest: Manifest
            if case .manifest(let m) = Manifest.find(in: directory), m.complete { manifest = m } else { manifest = Manifest(files: [:]) }
            manifest.files[file.lastPathComponent] = Manifest.Entry(of: data)
            try AtomicFile.write(manifest.text, to: manifestURL)
        } catch let e as ReportError {
            throw SweepError(.write, e.message, help: e.help)
        } catch {
            throw SweepError(.write, "cannot write \(file.path): \(error)",
                             help: "Check that the directory is writable and the disk has space, or choose another --out directory.")
        }
    }

    /// The KPI means and standard errors of a finished point, read from its `summary.json`
    /// (check it first with `verifyFinished`).
    public func results(_ point: SweepPoint) throws -> PointResults {
        let file = url(point).appendingPathComponent(SummaryFile.fileName)
        guard let data = FileManager.default.contents(atPath: file.path) else {
            throw SweepError(.input, "point \(plan.name(point)) is not finished (no \(file.path))",
                             help: "Run the sweep (or the shard holding that point) again.")
        }
        return try PointResults(summaryJSON: data, file: file.path)
    }
}

/// A point's KPI statistics: for each strategy, each KPI's mean and standard error.
public struct PointResults: Sendable, Equatable {
    public var strategies: [String]
    /// `means[s][id]`, `standardErrors[s][id]`.
    public var means: [[String: Double]]
    public var standardErrors: [[String: Double]]

    public init(strategies: [String], means: [[String: Double]], standardErrors: [[String: Double]]) {
        self.strategies = strategies; self.means = means; self.standardErrors = standardErrors
    }

    /// Reads `summary.json`'s `strategies[].name` and `kpis.ID.mean` / `standard_error` (NaN
    /// where it is null: a point of one path).
    public init(summaryJSON data: Data, file: String) throws {
        let damaged = SweepError(.input, "\(file) is not a cardsim summary.json",
                                 help: "Remove that point's directory and run the sweep again; it will be recomputed.")
        guard let root = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let list = root["strategies"] as? [[String: Any]] else { throw damaged }
        var names: [String] = [], means: [[String: Double]] = [], errors: [[String: Double]] = []
        for entry in list {
            guard let name = entry["name"] as? String, let kpis = entry["kpis"] as? [String: Any] else { throw damaged }
            var m: [String: Double] = [:], e: [String: Double] = [:]
            for (id, value) in kpis {
                guard let stats = value as? [String: Any], let mean = (stats["mean"] as? NSNumber)?.doubleValue,
                      let se = (stats["standard_error"] as? NSNumber)?.doubleValue
                          ?? (stats["standard_error"] is NSNull ? .nan : nil) else { throw damaged }
                m[id] = mean; e[id] = se
            }
            names.append(name); means.append(m); errors.append(e)
        }
        self.init(strategies: names, means: means, standardErrors: errors)
    }
}
