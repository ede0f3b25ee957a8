import CardsimOutput
import Dispatch
import Foundation

/// On SIGINT or SIGTERM: remove temporary output directories, say so, exit 130.
enum Interrupts {
    private static let queue = DispatchQueue(label: "cardsim.signals")
    nonisolated(unsafe) private static var sources: [DispatchSourceSignal] = []

    /// Installs the handlers; call once, before any work.
    static func install() {
        for sig in [SIGINT, SIGTERM] {
            signal(sig, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: sig, queue: queue)
            source.setEventHandler {
                AtomicDirectory.abandonInProgress()
                StandardError.writeControl((StandardError.isTerminal ? "\r\u{1B}[K" : "") + "Error: interrupted\n")
                exit(ExitCodes.interrupted.rawValue)
            }
            source.resume()
            sources.append(source)
        }
    }
}
