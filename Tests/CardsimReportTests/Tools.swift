import CardsimTestSupport
import Foundation
import Testing

/// Running the programs the tests check outputs with (python3, chromium, the built cardsim).
enum Tools {
    struct Outcome {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The first executable called `name` on PATH.
    static func find(_ name: String) -> URL? {
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
            let url = URL(fileURLWithPath: String(dir)).appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        return nil
    }

    /// Runs `executable` with `arguments` (and `environment` changes), output through files so
    /// that any amount is captured.
    static func run(_ executable: URL, _ arguments: [String], environment: [String: String] = [:],
                    in directory: URL = PackageRoot.url) throws -> Outcome {
        let scratch = try TemporaryDirectory(prefix: "cardsim-report-process")
        let outURL = scratch.path("stdout"), errURL = scratch.path("stderr")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outURL), err = try FileHandle(forWritingTo: errURL)
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var env = ProcessInfo.processInfo.environment
        for (k, v) in environment { env[k] = v }
        process.environment = env
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try out.close(); try err.close()
        return Outcome(status: process.terminationStatus,
                       stdout: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
                       stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
    }

    struct Missing: Error, CustomStringConvertible {
        var description: String
    }

    /// Runs a checking script of `scripts/` with python3 and decodes the JSON line it prints.
    static func check(_ script: String, _ arguments: [String]) throws -> [String: Any] {
        guard let python = find("python3") else {
            throw Missing(description: "python3 is not installed; run scripts/install-deps.sh --test (or apt-get install python3 python3-pip)")
        }
        let outcome = try run(python, [PackageRoot.file("scripts/\(script)").path] + arguments)
        guard outcome.status == 0 else {
            throw Missing(description: "scripts/\(script) \(arguments.joined(separator: " ")) failed (\(outcome.status)): \(outcome.stderr)"
                + (outcome.stderr.contains("install") ? "" : "\nPython packages come from scripts/install-deps.sh --test."))
        }
        let line = outcome.stdout.split(separator: "\n").last.map(String.init) ?? ""
        guard let json = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else {
            throw Missing(description: "scripts/\(script) printed no JSON: \(outcome.stdout)")
        }
        return json
    }

    /// Chromium, or a failure saying how to install it.
    static func chromium() throws -> URL {
        guard let url = find("chromium") ?? find("chromium-browser") else {
            throw Missing(description: "chromium is not installed; run scripts/install-deps.sh --test (apt-get install --no-install-recommends chromium)")
        }
        return url
    }
}
