import Foundation

/// The package's root directory, found from this file's path
/// (`<root>/Tests/CardsimTestSupport/PackageRoot.swift`).
public enum PackageRoot {
    public static let url: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// A file under the root, e.g. `PackageRoot.file("scenarios/baseline.yaml")`.
    public static func file(_ relative: String) -> URL { url.appendingPathComponent(relative) }
}
