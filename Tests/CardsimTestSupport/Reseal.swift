import CardsimOutput
import Foundation

/// Output directories edited by a test on purpose, made to look as cardsim wrote them.
public enum Reseal {
    /// Rewrites `directory/manifest.json` for the files the directory holds now, so that a
    /// test that changes a file to reach a check behind the manifest's (a scenario text that
    /// no longer matches its hash, shards of different runs) gets that check.
    public static func manifest(of directory: URL) throws {
        try Manifest.of(directory: directory).text.write(to: directory.appendingPathComponent(Manifest.fileName),
                                                          atomically: true, encoding: .utf8)
    }
}
