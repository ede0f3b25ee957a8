import Foundation

/// The one switch for every golden file of the tests (gnuplot scripts, resolved shipped
/// scenarios, the parameter guide): `CARDSIM_RECORD_GOLDEN=1 swift test --filter ...` writes
/// them anew, and the recording test fails, so that nothing passes by recording.
public enum GoldenFiles {
    /// The environment variable that switches recording on.
    public static let variable = "CARDSIM_RECORD_GOLDEN"

    /// Whether this test process records golden files instead of comparing with them.
    public static var isRecording: Bool { ProcessInfo.processInfo.environment[variable] == "1" }
}
