import CardsimOutput
@testable import CardsimReport
import CardsimTestSupport
import Foundation
import Testing

/// A gnuplot that stops reading is an error, not a SIGPIPE that kills cardsim, and drawing a
/// chart leaves the process's handling of SIGPIPE as it was.
@Suite("writing to gnuplot")
struct PipeWriterTests {
    static func sigpipeHandler() -> UInt {
        var action = sigaction()
        sigaction(SIGPIPE, nil, &action)
        return unsafeBitCast(action.__sigaction_handler.sa_handler, to: UInt.self)
    }

    @Test("a gnuplot that closes its input at once fails with its message; SIGPIPE's handling is unchanged")
    func brokenPipe() throws {
        let dir = try TemporaryDirectory(prefix: "cardsim-pipe")
        let fake = dir.path("gnuplot")
        // Closes standard input before reading anything, then reports and fails.
        try "#!/bin/sh\nexec 0<&-\necho 'fake gnuplot: no input read' >&2\nexit 3\n".write(to: fake, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: fake.path)
        let before = Self.sigpipeHandler()
        // 1 MiB of script: far more than a pipe buffer holds, so the write must meet the closed pipe.
        let script = String(repeating: "# padding line of a chart script, never read by the fake gnuplot\n", count: 16_000)
        #expect(throws: ReportError.self) { try Gnuplot(executable: fake).render(script, name: "big") }
        do { _ = try Gnuplot(executable: fake).render(script, name: "big") } catch let e as ReportError {
            #expect(e.message.contains("fake gnuplot: no input read"), "\(e.message)")
        }
        #expect(Self.sigpipeHandler() == before)
        // The real gnuplot still draws, and leaves the handling unchanged too.
        let chart = try ChartPlan(Fixtures.engineRun.run).charts[0]
        _ = try Fixtures.gnuplot().render(chart.script(.svg), name: chart.name)
        #expect(Self.sigpipeHandler() == before)
    }
}
