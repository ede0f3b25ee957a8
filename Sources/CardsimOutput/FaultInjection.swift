import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A test-only hook that makes cardsim's writers fail, die or wait at a named step, so that
/// tests can check what every step leaves on disk. Read from one environment variable, once:
///
///     CARDSIM_FAULT_AT=STEP            the writer throws at STEP (reported, exit 3)
///     CARDSIM_FAULT_AT=STEP:kill       the process kills itself with SIGKILL at STEP
///     CARDSIM_FAULT_AT=STEP:pause      at STEP, the process writes "cardsim: paused at STEP"
///                                      to standard error and waits until its standard input
///                                      closes, then goes on (tests send signals meanwhile)
///
/// Steps: `directory.locked`, `directory.filled`, `directory.synced`, `directory.renamed`
/// (`AtomicDirectory`); `journal.prepared`, `journal.committed`, `journal.applied`
/// (`FileSetUpdate`). Not for use outside tests: nothing else reads the variable.
public enum FaultInjection {
    public static let variable = "CARDSIM_FAULT_AT"

    public enum Action: String, Sendable { case fail, kill, pause }

    /// The step and action set in the environment, if any.
    static let setting: (step: String, action: Action)? = {
        guard let value = ProcessInfo.processInfo.environment[variable], !value.isEmpty else { return nil }
        let parts = value.split(separator: ":", maxSplits: 1).map(String.init)
        let action = parts.count > 1 ? Action(rawValue: parts[1]) ?? .fail : .fail
        return (parts[0], action)
    }()

    /// Acts if the hook names `step`; `target` is the path being written, for the message.
    public static func reach(_ step: String, target: String) throws {
        guard let setting, setting.step == step else { return }
        switch setting.action {
        case .fail:
            throw OutputError(.write, "cannot write \(target): fault injected at \(step) (\(variable))",
                              help: "Unset \(variable); it is a test hook.")
        case .kill:
            kill(getpid(), SIGKILL)
        case .pause:
            FileHandle.standardError.write(Data("cardsim: paused at \(step)\n".utf8))
            _ = FileHandle.standardInput.readDataToEndOfFile()
        }
    }
}
