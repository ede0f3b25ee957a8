import CardsimOutput
import CardsimScenario
import Foundation

/// The trace of a calibration in progress, `DIR.partial-trace.csv` beside the output directory
/// `DIR`: an identity line, then `trace.csv`'s header and rows, one line appended (and flushed)
/// per evaluation. An interrupted calibration leaves only this file (nothing at `DIR` looks
/// complete); a rerun with the same identity resumes from its rows, and a finished calibration
/// removes it once `DIR` is in place.
public struct PartialTrace {
    public let url: URL
    public let identity: String
    private let marker: String

    public init(output: URL, identity: String) {
        url = URL(fileURLWithPath: output.standardizedFileURL.path + ".partial-trace.csv")
        self.identity = identity
        marker = "# cardsim calibration in progress, identity \(identity)\n"
    }

    /// Whether `text` is a partial trace written by cardsim (of any calibration).
    static func isPartialTrace(_ text: Substring) -> Bool { text.hasPrefix("# cardsim calibration in progress, identity ") }

    /// The rows an earlier run of the same calibration left, if any.
    public func rows(spec: CalibrationSpec) -> [TraceRow] {
        guard let data = FileManager.default.contents(atPath: url.path), let text = String(data: data, encoding: .utf8),
              text.hasPrefix(marker) else { return [] }
        return TraceFile.rows(String(text.dropFirst(marker.count)), spec: spec) ?? []
    }

    /// Starts the file afresh with `rows` (the evaluations known so far). Refuses to replace a
    /// file that is not a cardsim partial trace.
    public func begin(spec: CalibrationSpec, rows: [TraceRow]) throws {
        if let data = FileManager.default.contents(atPath: url.path),
           !PartialTrace.isPartialTrace(Substring(String(decoding: data.prefix(200), as: UTF8.self))) {
            throw OutputError(.write, "\(url.path) exists and is not a cardsim calibration trace",
                              help: "Move it away or choose another --out; cardsim replaces only files it wrote.")
        }
        try write(marker + TraceFile.text(rows, spec: spec), truncate: true)
    }

    /// Appends one row.
    public func append(_ row: TraceRow) throws { try write(TraceFile.line(row), truncate: false) }

    /// Removes the file (once the output directory holds the finished trace).
    public func remove() { try? FileManager.default.removeItem(at: url) }

    private func write(_ text: String, truncate: Bool) throws {
        let flags = O_WRONLY | O_CREAT | (truncate ? O_TRUNC : O_APPEND)
        let fd = open(url.path, flags, 0o644)
        guard fd >= 0 else {
            throw OutputError(.write, "cannot write \(url.path): \(String(cString: strerror(errno)))", help: "Check the folder's permissions and free space.")
        }
        defer { close(fd) }
        let bytes = Array(text.utf8)
        let written = bytes.withUnsafeBytes { Foundation.write(fd, $0.baseAddress, $0.count) }
        guard written == bytes.count, fsync(fd) == 0 else {
            throw OutputError(.write, "cannot write \(url.path): \(String(cString: strerror(errno)))", help: "Check the free space.")
        }
    }
}
