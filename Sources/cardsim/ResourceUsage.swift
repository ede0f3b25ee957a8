import Foundation

enum ResourceUsage {
    /// Peak resident set size of this process so far: `getrusage`'s `ru_maxrss`, in KiB on
    /// Linux (bytes on macOS, converted here to KiB).
    static var peakResidentKiB: Int {
        var usage = rusage()
        #if os(Linux)
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        #else
        getrusage(RUSAGE_SELF, &usage)
        #endif
        #if os(macOS)
        return Int(usage.ru_maxrss) / 1024
        #else
        return Int(usage.ru_maxrss)
        #endif
    }
}
