import Foundation

/// The built `cardsim` executable, run as a user would run it.
public enum CardsimBinary {
    /// What one run of the binary printed and returned.
    public struct Outcome: Sendable {
        public var status: Int32
        public var stdout: String
        public var stderr: String

        /// Standard error's lines, without the empty last one.
        public var stderrLines: [String] { stderr.split(separator: "\n", omittingEmptySubsequences: false).map(String.init).filter { !$0.isEmpty } }
    }

    /// Where the executable is: `CARDSIM_BINARY` if set, else beside the test bundle (the
    /// build's products directory), else `.build/debug/cardsim` under the package root.
    public static var url: URL {
        if let path = ProcessInfo.processInfo.environment["CARDSIM_BINARY"] {
            return URL(fileURLWithPath: path)
        }
        var candidates: [URL] = []
        let runner = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var dir = runner.deletingLastPathComponent()
        // The runner is `…/debug/cardsimPackageTests.xctest` on Linux and
        // `…/debug/cardsimPackageTests.xctest/Contents/MacOS/…` on macOS.
        for _ in 0..<4 {
            candidates.append(dir.appendingPathComponent("cardsim"))
            dir = dir.deletingLastPathComponent()
        }
        if let bundle = Bundle.allBundles.first(where: { $0.bundlePath.hasSuffix(".xctest") }) {
            candidates.append(URL(fileURLWithPath: bundle.bundlePath).deletingLastPathComponent().appendingPathComponent("cardsim"))
        }
        candidates.append(PackageRoot.url.appendingPathComponent(".build/debug/cardsim"))
        let fm = FileManager.default
        return candidates.first { fm.isExecutableFile(atPath: $0.path) && !isDirectory($0) } ?? candidates.last!
    }

    /// Runs `cardsim` with `arguments` in `directory` (default: the package root) and waits,
    /// with `environment` set over the test's own. Output goes through files, so any amount of
    /// it is captured without blocking.
    public static func run(_ arguments: [String], in directory: URL = PackageRoot.url,
                           environment: [String: String] = [:]) throws -> Outcome {
        let scratch = try TemporaryDirectory(prefix: "cardsim-process")
        let outURL = scratch.url.appendingPathComponent("stdout")
        let errURL = scratch.url.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outURL)
        let err = try FileHandle(forWritingTo: errURL)
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        process.currentDirectoryURL = directory
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        }
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

    private static func isDirectory(_ url: URL) -> Bool {
        var d: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &d) && d.boolValue
    }
}
