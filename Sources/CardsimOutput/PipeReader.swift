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

/// Writes to a child process's standard input without letting a child that stopped reading
/// kill cardsim: SIGPIPE is blocked on the writing thread alone while it writes (a broken pipe
/// then fails the write with EPIPE), a SIGPIPE the write raised is taken off the thread, and
/// the thread's mask is restored. The process's handling of SIGPIPE is never changed.
public enum PipeWriter {
    /// Writes `data` and closes `handle`; returns false when the reader went away first.
    @discardableResult
    public static func write(_ data: Data, to handle: FileHandle) -> Bool {
        var block = sigset_t(), previous = sigset_t()
        sigemptyset(&block)
        sigaddset(&block, SIGPIPE)
        pthread_sigmask(SIG_BLOCK, &block, &previous)
        defer {
            var pending = sigset_t()
            sigpending(&pending)
            if sigismember(&pending, SIGPIPE) == 1 {
                var now = timespec(tv_sec: 0, tv_nsec: 0)
                _ = sigtimedwait(&block, nil, &now)
            }
            pthread_sigmask(SIG_SETMASK, &previous, nil)
        }
        var written = true
        do { try handle.write(contentsOf: data) } catch { written = false }
        try? handle.close()
        return written
    }
}
