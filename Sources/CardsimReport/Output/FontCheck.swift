import Foundation

/// Whether Chinese text will render in charts: a font for it must be installed.
public enum FontCheck {
    /// A warning when `texts` hold CJK characters and fontconfig knows no font for Chinese;
    /// nil when all is well or fontconfig (`fc-list`) is not there to ask.
    public static func cjkWarning(for texts: [String]) -> String? {
        let needsCJK = texts.contains { $0.unicodeScalars.contains { (0x2E80...0x9FFF).contains($0.value) || (0xF900...0xFAFF).contains($0.value) } }
        guard needsCJK else { return nil }
        let fm = FileManager.default
        let dirs = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map(String.init)
        guard let fcList = dirs.map({ URL(fileURLWithPath: $0).appendingPathComponent("fc-list") })
            .first(where: { fm.isExecutableFile(atPath: $0.path) }) else { return nil }
        let process = Process()
        process.executableURL = fcList
        process.arguments = [":lang=zh", "family"]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return nil }
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard output.isEmpty else { return nil }
        return "no font for Chinese is installed, so Chinese names will not render in the charts; "
            + "install one: sudo apt-get install --no-install-recommends fonts-wqy-microhei"
    }
}
