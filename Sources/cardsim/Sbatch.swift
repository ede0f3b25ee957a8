import CardsimOutput
import Foundation

/// Slurm's `sbatch`, run once per submission with `--parsable`, which prints the new job's id
/// (`ID` or `ID;CLUSTER`) and nothing else on standard output.
struct Sbatch {
    let executable: URL

    static let installHelp = "Run this on a Slurm login node, or install the Slurm client ('sudo apt-get install "
        + "--no-install-recommends slurm-client' on Debian); give the program's path with --sbatch; "
        + "or use --dry-run to print the scripts without submitting them."

    /// The program `--sbatch` names, else the first `sbatch` on `PATH`.
    static func locate(_ given: String?, environment: [String: String] = ProcessInfo.processInfo.environment) throws -> Sbatch {
        if let given {
            guard isProgram(given) else {
                throw CommandFailure("--sbatch \(given) is not an executable program", help: installHelp,
                                     exitCode: ExitCodes.toolUnavailable)
            }
            return Sbatch(executable: URL(fileURLWithPath: given).standardizedFileURL)
        }
        for dir in (environment["PATH"] ?? "").split(separator: ":") where !dir.isEmpty {
            let candidate = "\(dir)/sbatch"
            if isProgram(candidate) { return Sbatch(executable: URL(fileURLWithPath: candidate)) }
        }
        throw CommandFailure("sbatch is not installed (no 'sbatch' program on PATH); jobs are submitted with it",
                             help: installHelp, exitCode: ExitCodes.toolUnavailable)
    }

    /// Submits `script` with `options` before it and returns the job id.
    ///
    /// Throws a `CommandFailure` with exit 69 and sbatch's own message when it fails or prints
    /// no job id.
    func submit(_ script: String, options: [String]) throws -> String {
        let arguments = ["--parsable"] + options + [script]
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        let shown = ([executable.path] + arguments).map(ShellQuote.word).joined(separator: " ")
        do {
            try process.run()
        } catch {
            throw CommandFailure("cannot start \(executable.path): \(error.localizedDescription)", help: Sbatch.installHelp,
                                 exitCode: ExitCodes.toolUnavailable)
        }
        // Both pipes are read at once, so that a long message on either cannot block sbatch.
        let reader = PipeReader(output: output, errors: errors)
        let (outData, errData) = reader.wait()
        process.waitUntilExit()
        let out = String(decoding: outData, as: UTF8.self), err = String(decoding: errData, as: UTF8.self)
        let message = err.trimmingCharacters(in: .whitespacesAndNewlines)
        guard process.terminationStatus == 0 else {
            throw CommandFailure("\(shown) failed with exit status \(process.terminationStatus)"
                                 + (message.isEmpty ? "" : ": \(message)"),
                                 help: "Fix what sbatch reports (partition, account, time limit, memory) and submit again.",
                                 exitCode: ExitCodes.toolUnavailable)
        }
        guard let id = Sbatch.jobID(parsable: out) else {
            throw CommandFailure("\(shown) printed no job id; expected a number, found '\(out.trimmingCharacters(in: .whitespacesAndNewlines))'",
                                 help: "Check that --sbatch names Slurm's sbatch.", exitCode: ExitCodes.toolUnavailable)
        }
        return id
    }

    /// The job id in `sbatch --parsable` output: the digits before an optional `;CLUSTER`.
    static func jobID(parsable text: String) -> String? {
        let line = text.split(separator: "\n").last.map(String.init)?.trimmingCharacters(in: .whitespaces) ?? ""
        let id = line.split(separator: ";", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
        return !id.isEmpty && id.allSatisfy(\.isASCII) && id.allSatisfy(\.isNumber) ? id : nil
    }

    private static func isProgram(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && !isDirectory.boolValue
            && FileManager.default.isExecutableFile(atPath: path)
    }
}
