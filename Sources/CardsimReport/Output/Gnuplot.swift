import CardsimOutput
import Dispatch
import Foundation

/// The gnuplot program, driven over pipes: the script (data inline) goes to its standard input
/// and the chart comes back on its standard output, so no file but the chart is ever written.
public struct Gnuplot: Sendable {
    public let executable: URL

    /// How to install gnuplot, for error messages.
    public static let installHelp = "Install gnuplot with cairo terminals: 'sudo apt-get install --no-install-recommends gnuplot-nox' "
        + "on Debian or Ubuntu (or run scripts/install-deps.sh), 'brew install gnuplot' on macOS; "
        + "or set CARDSIM_GNUPLOT to the program's path."

    public init(executable: URL) { self.executable = executable }

    /// The gnuplot named by `CARDSIM_GNUPLOT`, else the first `gnuplot` on `PATH`.
    public static func locate(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> Gnuplot {
        let fm = FileManager.default
        if let path = environment["CARDSIM_GNUPLOT"], !path.isEmpty {
            guard fm.isExecutableFile(atPath: path) else {
                throw ReportError(.missingTool, "CARDSIM_GNUPLOT is set to \(path), which is not an executable program", help: installHelp)
            }
            return Gnuplot(executable: URL(fileURLWithPath: path))
        }
        for dir in (environment["PATH"] ?? "").split(separator: ":") where !dir.isEmpty {
            let candidate = URL(fileURLWithPath: String(dir)).appendingPathComponent("gnuplot")
            var isDirectory: ObjCBool = false
            if fm.fileExists(atPath: candidate.path, isDirectory: &isDirectory), !isDirectory.boolValue,
               fm.isExecutableFile(atPath: candidate.path) {
                return Gnuplot(executable: candidate)
            }
        }
        throw ReportError(.missingTool, "gnuplot is not installed (no 'gnuplot' program on PATH); charts are drawn with it",
                          help: installHelp)
    }

    /// Runs `script` and returns what gnuplot wrote on standard output: the chart (an SVG made
    /// well-formed XML where gnuplot's is not).
    ///
    /// Throws `ReportError` of kind `.toolFailed` with gnuplot's own message if it exits with
    /// an error or writes nothing.
    public func render(_ script: String, name: String) throws -> Data {
        let process = Process()
        process.executableURL = executable
        process.arguments = []
        var environment = ProcessInfo.processInfo.environment
        environment["GNUTERM"] = nil
        process.environment = environment
        let input = Pipe(), output = Pipe(), errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        do {
            try process.run()
        } catch {
            throw ReportError(.missingTool, "cannot start \(executable.path): \(error.localizedDescription)", help: Gnuplot.installHelp)
        }
        // Read both outputs while the script is written, so that no pipe fills up and blocks.
        let reader = PipeReader(output: output, errors: errors)
        // A gnuplot that stops reading early shows up in its exit status and message below.
        PipeWriter.write(Data(script.utf8), to: input.fileHandleForWriting)
        process.waitUntilExit()
        let collected = reader.wait()
        let message = String(decoding: collected.errors, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        if process.terminationStatus != 0 || collected.output.isEmpty {
            let detail = message.isEmpty ? "exit status \(process.terminationStatus)" : message.split(separator: "\n").suffix(6).joined(separator: " | ")
            throw ReportError(.toolFailed, "gnuplot failed drawing \(name): \(detail)",
                              help: "cardsim needs gnuplot 5 with the pngcairo, svg and pdfcairo terminals; 'gnuplot -e \"set terminal\"' lists them.")
        }
        return Gnuplot.wellFormed(collected.output)
    }

    /// An SVG from gnuplot with `]]>` in text (which gnuplot writes as it is and XML forbids in
    /// character data) spelled `]]&gt;`; other output unchanged.
    static func wellFormed(_ data: Data) -> Data {
        guard data.starts(with: Data("<?xml".utf8)) else { return data }
        let text = String(decoding: data, as: UTF8.self)
        guard text.contains("]]>") else { return data }
        return Data(text.replacingOccurrences(of: "]]>", with: "]]&gt;").utf8)
    }
}
