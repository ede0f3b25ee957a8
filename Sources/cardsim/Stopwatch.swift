import Dispatch

/// Wall-clock time of a piece of work.
struct Stopwatch {
    private let start = DispatchTime.now()

    /// Seconds since the stopwatch was made.
    var seconds: Double { Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9 }
}
