import Foundation

/// The repository root, found from this file's path (`<root>/Tests/CardsimScenarioTests/...`).
enum RepositoryRoot {
    static let url = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func path(_ relative: String) -> String { url.appendingPathComponent(relative).path }
}
