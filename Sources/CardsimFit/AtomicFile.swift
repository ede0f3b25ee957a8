import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a file so that readers see either the old file or the complete new one: the text
/// goes to a sibling `NAME.tmp-<random>`, which is renamed over `NAME` once written. Missing
/// parent directories are created. Failures throw a `FitError` of kind `.output`.
public enum AtomicFile {
    public static func write(_ text: String, to path: String) throws {
        let fm = FileManager.default
        let target = URL(fileURLWithPath: path).standardizedFileURL
        let parent = target.deletingLastPathComponent()
        var isDirectory: ObjCBool = false
        if fm.fileExists(atPath: target.path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw failure(path, "a directory of that name is in the way")
        }
        var ancestor = parent
        while ancestor.path != "/" {
            if fm.fileExists(atPath: ancestor.path, isDirectory: &isDirectory) {
                if !isDirectory.boolValue { throw failure(path, "\(ancestor.path) is a file, not a directory") }
                break
            }
            ancestor = ancestor.deletingLastPathComponent()
        }
        do {
            try fm.createDirectory(at: parent, withIntermediateDirectories: true)
        } catch {
            throw failure(path, (error as NSError).localizedDescription)
        }
        let suffix = String(UInt32.random(in: 0...UInt32.max), radix: 16)
        let temporary = parent.appendingPathComponent("\(target.lastPathComponent).tmp-\(suffix)").path
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard fd >= 0 else { throw failure(path, String(cString: strerror(errno))) }
        let bytes = Array(text.utf8)
        var written = 0
        while written < bytes.count {
            let r = bytes[written...].withUnsafeBytes { systemWrite(fd, $0.baseAddress, $0.count) }
            if r < 0 {
                if errno == EINTR { continue }
                let why = String(cString: strerror(errno))
                close(fd); unlink(temporary)
                throw failure(path, why)
            }
            written += r
        }
        if close(fd) != 0 {
            let why = String(cString: strerror(errno))
            unlink(temporary)
            throw failure(path, why)
        }
        if rename(temporary, target.path) != 0 {
            let why = String(cString: strerror(errno))
            unlink(temporary)
            throw failure(path, why)
        }
    }

    private static func failure(_ path: String, _ why: String) -> FitError {
        FitError(.output, file: path, "cannot write the output file: \(why)", hint: "choose another --out path")
    }
}

private func systemWrite(_ fd: Int32, _ buffer: UnsafeRawPointer?, _ count: Int) -> Int {
    #if canImport(Glibc)
    return Glibc.write(fd, buffer, count)
    #else
    return Darwin.write(fd, buffer, count)
    #endif
}
