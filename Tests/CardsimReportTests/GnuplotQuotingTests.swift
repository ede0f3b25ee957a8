@testable import CardsimReport
import CardsimTestSupport
import Foundation
import Testing

/// Text from a scenario reaches gnuplot as inert data: single-quoted literals that gnuplot
/// neither expands (back-quotes, `@` macros) nor lets the text leave, checked on the literal
/// itself and by running the real gnuplot on every chart writer with hostile text.
@Suite("gnuplot quoting")
struct GnuplotQuotingTests {
    static let hostile = [
        "plain", "", "it's", "''", "'", "\"", "\\", "\\'", "`touch x`", "$(touch x)", "@macro", "system(\"touch x\")",
        "a\nb", "tab\there", "\u{1B}]0;title\u{07}", "中文 '名称'", "\u{85}next-line", "x' . system('touch x') . '",
    ]

    /// Reads a single-quoted gnuplot literal back: `''` is one quote, any other quote ends it.
    static func unquote(_ literal: String) -> String? {
        let chars = Array(literal)
        guard chars.count >= 2, chars.first == "'", chars.last == "'" else { return nil }
        var out = "", i = 1
        while i < chars.count - 1 {
            if chars[i] == "'" {
                guard i + 1 < chars.count - 1, chars[i + 1] == "'" else { return nil }  // an unescaped quote ends the string early
                out.append("'"); i += 2
            } else { out.append(chars[i]); i += 1 }
        }
        return out
    }

    @Test("a literal is single-quoted, ends only at its last character and holds the text verbatim", arguments: hostile)
    func literal(text: String) throws {
        let literal = GnuplotScript.string(text)
        let back = try #require(Self.unquote(literal), "\(literal) is not one single-quoted literal")
        let expected = String(String.UnicodeScalarView(text.unicodeScalars.map {
            $0.value < 0x20 || (0x7F...0x9F).contains($0.value) ? " " : $0
        }))
        #expect(back == expected)
        #expect(!literal.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) })
    }

    @Test("data-block text cells are one double-quoted cell on one line", arguments: hostile)
    func dataText(text: String) {
        let cell = GnuplotScript.dataText(text)
        #expect(cell.hasPrefix("\"") && cell.hasSuffix("\"") && cell.count >= 2)
        #expect(!cell.dropFirst().dropLast().contains("\""))
        #expect(!cell.unicodeScalars.contains { $0.value < 0x20 })
    }

    @Test("every chart writer, run by the real gnuplot on hostile text, executes nothing")
    func realGnuplot() throws {
        let gnuplot = try Fixtures.gnuplot()
        let dir = try TemporaryDirectory(prefix: "cardsim-quoting")
        let canary = dir.path("canary")
        try FileManager.default.createDirectory(at: canary, withIntermediateDirectories: true)
        let payloads = [
            "`touch \(canary.path)/backquote`", "x' . system('touch \(canary.path)/single') . '",
            "x\" . system(\"touch \(canary.path)/double\") . \"", "a\n`touch \(canary.path)/newline`",
        ]
        // The tornado chart (sweeps), with payloads as parameter names and end texts.
        let bars = payloads.enumerated().map { i, p in
            TornadoBar(parameter: p, lowText: p, highText: "\(i)", changeLow: -Double(i + 1), changeHigh: Double(i + 2), errorLow: 0.1, errorHigh: 0.2)
        }
        var charts = [TornadoChart.make(kpi: "net_income", unit: "yuan", base: 1e6, bars: bars, points: 9)]
        // Every chart of a run (fan, comparison, waterfall, delinquency, funnel), with the
        // strategy and scenario names replaced by payloads.
        var run = Fixtures.engineRun.run
        run.strategyNames = run.strategyNames.indices.map { payloads[$0 % payloads.count] }
        run.info.scenarioName = payloads[3]
        charts += try ChartPlan(run).charts
        for (i, chart) in charts.enumerated() {
            let script = chart.script(.png)
            #expect(!script.contains("\"`"), "\(chart.name): a back-quote opens a double-quoted string")
            _ = try gnuplot.render(script, name: "chart-\(i)")
        }
        let ran = (try? FileManager.default.contentsOfDirectory(atPath: canary.path)) ?? []
        #expect(ran.isEmpty, "gnuplot ran: \(ran.sorted())")
    }
}
