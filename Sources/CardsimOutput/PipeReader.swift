import Dispatch
import Foundation

/// Reads a child process's standard output and standard error at the same time, each to its
/// end, so that neither pipe can fill up and block the child while the other is read (gnuplot,
/// sbatch).
public final class PipeReader: @unchecked Sendable {
    private let group = DispatchGroup()
    private let lock = NSLock()
    private var out = Data(), err = Data()

    /// Starts reading both pipes in the background.
    public init(output: Pipe, errors: Pipe) {
        group.enter()
        DispatchQueue.global().async { [self] in
            let data = output.fileHandleForReading.readDataToEndOfFile()
            lock.lock(); out = data; lock.unlock()
            group.leave()
        }
        group.enter()
        DispatchQueue.global().async { [self] in
            let data = errors.fileHandleForReading.readDataToEndOfFile()
            lock.lock(); err = data; lock.unlock()
            group.leave()
        }
    }

    /// Waits until both pipes are closed and returns what each held.
    public func wait() -> (output: Data, errors: Data) {
        group.wait()
        lock.lock(); defer { lock.unlock() }
        return (out, err)
    }
}
