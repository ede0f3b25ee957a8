import Foundation

/// Byte-for-byte comparison of two directories' files (not recursive).
public enum DirectoryComparison {
    /// Differences, one line each: files present in only one directory, and files whose bytes
    /// differ (with the first differing line). Empty when the directories are identical.
    public static func differences(_ a: URL, _ b: URL) -> [String] {
        let fm = FileManager.default
        let left = Set((try? fm.contentsOfDirectory(atPath: a.path)) ?? [])
        let right = Set((try? fm.contentsOfDirectory(atPath: b.path)) ?? [])
        var out: [String] = []
        for name in left.symmetricDifference(right).sorted() {
            out.append("\(name) only in \(left.contains(name) ? a.path : b.path)")
        }
        for name in left.intersection(right).sorted() {
            let x = fm.contents(atPath: a.appendingPathComponent(name).path) ?? Data()
            let y = fm.contents(atPath: b.appendingPathComponent(name).path) ?? Data()
            guard x != y else { continue }
            let xl = String(decoding: x, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            let yl = String(decoding: y, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            let line = zip(xl, yl).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(xl.count, yl.count)
            let l = line < xl.count ? String(xl[line]) : "<end>", r = line < yl.count ? String(yl[line]) : "<end>"
            out.append("\(name) differs at line \(line + 1): '\(l.prefix(120))' vs '\(r.prefix(120))'")
        }
        return out
    }
}
