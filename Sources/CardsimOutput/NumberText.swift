/// How numbers are spelled in output files.
///
/// Doubles use Swift's shortest round-trip spelling (`Double.description`), so reading a value
/// back with `Double(_:)` gives the same bits; integers are written as integers.
enum NumberText {
    /// The shortest text that reads back as exactly `x` (`"0.30000000000000004"`, `"1e-300"`,
    /// `"-0.0"`, `"nan"`, `"inf"`).
    @inline(__always)
    static func double(_ x: Double) -> String { x.description }
}
