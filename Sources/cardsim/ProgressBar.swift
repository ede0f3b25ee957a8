import Foundation

/// A progress bar with ETA on standard error, drawn only when standard error is a terminal:
///
///     [#############...............]  12/40 paths   30%  ETA 1m05s
///
/// `advance` may be called from any thread; redraws are limited to ten a second.
final class ProgressBar: @unchecked Sendable {
    private let total: Int
    /// What is counted: "paths", "points".
    private let unit: String
    private let enabled: Bool
    private let start = DispatchTime.now()
    private let lock = NSLock()
    private var lastDraw: UInt64 = 0
    private var drawn = false

    init(total: Int, unit: String = "paths", enabled: Bool = StandardError.isTerminal) {
        self.total = total; self.unit = unit; self.enabled = enabled && total > 0
    }

    /// Reports `done` finished paths.
    func advance(to done: Int) {
        guard enabled else { return }
        lock.lock(); defer { lock.unlock() }
        let now = DispatchTime.now().uptimeNanoseconds
        guard done == total || now - lastDraw >= 100_000_000 else { return }
        lastDraw = now
        let elapsed = Double(now - start.uptimeNanoseconds) / 1e9
        let width = 28
        let filled = done * width / total
        var line = "[" + String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled) + "]"
        line += "  \(done)/\(total) \(unit)  \(String(format: "%3d", done * 100 / total))%"
        if done > 0 && done < total {
            line += "  ETA " + ProgressBar.duration(elapsed / Double(done) * Double(total - done))
        }
        StandardError.writeControl("\r")
        StandardError.write(line)
        StandardError.writeControl("\u{1B}[K")
        drawn = true
    }

    /// Erases the bar, leaving the cursor at the start of an empty line.
    func finish() {
        lock.lock(); defer { lock.unlock() }
        if drawn { StandardError.writeControl("\r\u{1B}[K") }
        drawn = false
    }

    /// `42s`, `3m07s`, `1h02m`.
    static func duration(_ seconds: Double) -> String {
        let s = Int(seconds.rounded(.up))
        if s < 60 { return "\(s)s" }
        if s < 3600 { return String(format: "%dm%02ds", s / 60, s % 60) }
        return String(format: "%dh%02dm", s / 3600, (s % 3600) / 60)
    }
}
