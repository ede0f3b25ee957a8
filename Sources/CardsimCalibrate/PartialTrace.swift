import CardsimOutput
import CardsimScenario
import Foundation

/// The traces of a calibration in progress, beside the output directory `DIR`: one file per
/// start, `DIR.partial-trace-S.csv` (S = 1, 2, ...; 0 for the Jacobian's evaluations), each an
/// identity line, then `trace.csv`'s header and the start's rows (numbered within the start),
/// one line appended and flushed per evaluation.
///
/// An interrupted calibration leaves only these files (nothing at `DIR` looks complete); a
/// rerun with the same identity resumes from their rows. Starts run as separate processes
/// (`cardsim calibrate --start S`, a Slurm job array) each write their own file; the last
/// process reads them all. A finished calibration removes them once `DIR` is in place.
public struct PartialTrace {
    public let output: URL
    public let identity: String

    public init(output: URL, identity: String) {
        self.output = output.standardizedFileURL
        self.identity = identity
    }

    static let markerPrefix = "# cardsim calibration in progress, identity "

    private func marker(_ start: Int) -> String { "\(PartialTrace.markerPrefix)\(identity), start \(start)\n" }

    /// The file of start `s`.
    public func url(start s: Int) -> URL { URL(fileURLWithPath: output.path + ".partial-trace-\(s).csv") }

    /// The rows earlier runs of the same calibration left, of every start.
    public func rows(spec: CalibrationSpec) -> [TraceRow] {
        (0...spec.run.starts).flatMap { rows(start: $0, spec: spec) }
    }

    private func rows(start s: Int, spec: CalibrationSpec) -> [TraceRow] {
        guard let data = FileManager.default.contents(atPath: url(start: s).path), let text = String(data: data, encoding: .utf8),
              text.hasPrefix(marker(s)) else { return [] }
        let rows = TraceFile.rows(String(text.dropFirst(marker(s).count)), spec: spec) ?? []
        return rows.allSatisfy { $0.start == s } ? rows : []
    }

    /// Starts the files of `starts` afresh with the rows known so far (cut lines dropped, files
    /// of another calibration replaced). Refuses to replace a file that is not a cardsim trace.
    public func begin(spec: CalibrationSpec, rows: [TraceRow], starts: [Int]) throws {
        for s in starts {
            let file = url(start: s)
            if let data = FileManager.default.contents(atPath: file.path),
               !String(decoding: data.prefix(200), as: UTF8.self).hasPrefix(PartialTrace.markerPrefix) {
                throw OutputError(.write, "\(file.path) exists and is not a cardsim calibration trace",
                                  help: "Move it away or choose another --out; cardsim replaces only files it wrote.")
            }
            let mine = rows.filter { $0.start == s }.enumerated().map { i, row in
                var r = row
                r.number = i + 1
                return r
            }
            try write(marker(s) + TraceFile.text(mine, spec: spec), to: file, truncate: true)
        }
    }

    /// Appends `row` to its start's file, numbered `position` within the start.
    public func append(_ row: TraceRow, position: Int) throws {
        var r = row
        r.number = position
        try write(TraceFile.line(r), to: url(start: row.start), truncate: false)
    }

    /// Removes the files (once the output directory holds the finished trace).
    public func remove(starts: Int) {
        for s in 0...starts { try? FileManager.default.removeItem(at: url(start: s)) }
    }

    private func write(_ text: String, to file: URL, truncate: Bool) throws {
        let fd = open(file.path, O_WRONLY | O_CREAT | (truncate ? O_TRUNC : O_APPEND), 0o644)
        guard fd >= 0 else {
            throw OutputError(.write, "cannot write \(file.path): \(String(cString: strerror(errno)))", help: "Check the folder's permissions and free space.")
        }
        defer { close(fd) }
        let bytes = Array(text.utf8)
        let written = bytes.withUnsafeBytes { Foundation.write(fd, $0.baseAddress, $0.count) }
        guard written == bytes.count, fsync(fd) == 0 else {
            throw OutputError(.write, "cannot write \(file.path): \(String(cString: strerror(errno)))", help: "Check the free space.")
        }
    }
}
