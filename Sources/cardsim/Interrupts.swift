import CardsimOutput
import Dispatch
import Foundation

/// On SIGINT or SIGTERM: undo the output write in progress (temporary directories removed, an
/// exchanged directory swapped back), say so, exit 130, so that exit 130 always means nothing
/// new at the output path and the old output intact.
///
/// Once a command that writes one output (`run`, `merge`) has it in place
/// (`AtomicDirectory.nextWriteIsFinal`), what is left is printing its results: a signal then
/// is ignored and the command ends as it would have, exit 0.
enum Interrupts {
    private static let queue = DispatchQueue(label: "cardsim.signals")
    nonisolated(unsafe) private static var sources: [DispatchSourceSignal] = []

    /// Installs the handlers; call once, before any work.
    static func install() {
        for sig in [SIGINT, SIGTERM] {
            signal(sig, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: sig, queue: queue)
            source.setEventHandler {
                guard AtomicDirectory.abandonInProgress() else { return }
                DirectoryLock.removeHeldFiles()
                StandardError.writeControl((StandardError.isTerminal ? "\r\u{1B}[K" : "") + "Error: interrupted\n")
                exit(ExitCodes.interrupted.rawValue)
            }
            source.resume()
            sources.append(source)
        }
    }
}
