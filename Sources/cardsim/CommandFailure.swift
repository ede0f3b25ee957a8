import ArgumentParser
import CardsimOutput
import CardsimScenario

/// A failure to report to the user and the exit status that goes with it.
///
/// Printed on standard error in one shape: either scenario diagnostics, one per line
/// (`FILE:LINE:COL: error: …`), or
///
///     Error: what is wrong
///     Help: what to do about it
struct CommandFailure: Error {
    var lines: [String]
    var exitCode: ExitCode

    init(_ message: String, help: String?, exitCode: ExitCode) {
        lines = ["Error: \(message)"] + (help.map { ["Help: \($0)"] } ?? [])
        self.exitCode = exitCode
    }

    /// Scenario diagnostics, printed as they are.
    init(_ errors: ScenarioErrors) {
        lines = errors.diagnostics.map(\.description)
        exitCode = ExitCodes.invalidInput
    }

    /// An output error: exit 3 for writing, 75 for a directory another process is writing,
    /// 2 for unreadable, changed or inconsistent inputs.
    init(_ error: OutputError) {
        let code: ExitCode
        switch error.kind {
        case .write: code = ExitCodes.outputFailed
        case .locked: code = ExitCodes.locked
        case .read, .shards: code = ExitCodes.invalidInput
        }
        self.init(error.message, help: error.help, exitCode: code)
    }

    func report() {
        StandardError.write(lines.joined(separator: "\n") + "\n")
    }
}

extension CommandFailure {
    /// Runs `body`, turning scenario and output errors into `CommandFailure`s.
    static func catching<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let e as CommandFailure {
            throw e
        } catch let e as ScenarioErrors {
            throw CommandFailure(e)
        } catch let e as Diagnostic {
            throw CommandFailure(ScenarioErrors(diagnostics: [e]))
        } catch let e as OutputError {
            throw CommandFailure(e)
        }
    }
}
