import Foundation

/// The built `cardsim` run in the background with the test hook `CARDSIM_FAULT_AT=STEP:pause`,
/// so that a test can act (start a second process, send a signal) while it waits at STEP: the
/// process says "cardsim: paused at STEP" on standard error and goes on when its standard
/// input closes. No sleeps: the test waits for that line.
public final class PausedProcess {
    public let process = Process()
    private let input = Pipe()
    private let error = Pipe()
    private var stderrText = ""

    /// Starts `cardsim arguments` to pause at `step`.
    public init(_ arguments: [String], pauseAt step: String, environment: [String: String] = [:]) throws {
        process.executableURL = CardsimBinary.url
        process.arguments = arguments
        process.currentDirectoryURL = PackageRoot.url
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
            .merging(["CARDSIM_FAULT_AT": "\(step):pause"]) { $1 }
        process.standardInput = input
        process.standardOutput = FileHandle.nullDevice
        process.standardError = error
        try process.run()
    }

    /// Waits until the process has paused; false if it ended first (its standard error is in
    /// `stderr`).
    public func waitUntilPaused() -> Bool { waitFor("cardsim: paused at ") }

    /// Waits until the process has written `text` on standard error; false if it ended first.
    public func waitFor(_ text: String) -> Bool {
        while !stderrText.contains(text) {
            let data = error.fileHandleForReading.availableData
            if data.isEmpty { return false }
            stderrText += String(decoding: data, as: UTF8.self)
        }
        return true
    }

    /// Lets the paused process go on.
    public func resume() { try? input.fileHandleForWriting.close() }

    /// Sends SIGINT.
    public func interrupt() { process.interrupt() }

    /// Waits for the end; returns the exit status and everything written on standard error.
    public func finish() -> (status: Int32, stderr: String) {
        resume()
        stderrText += String(decoding: error.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, stderrText)
    }

    /// What the process wrote on standard error so far.
    public var stderr: String { stderrText }
}
