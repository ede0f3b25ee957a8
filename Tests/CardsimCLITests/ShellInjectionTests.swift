import CardsimTestSupport
import Foundation
import Testing

/// Names are data, never code: scenario, strategy, channel and competitor names that try every
/// way into a shell through gnuplot (back-quotes, `system(…)`, `$(…)`, breaking out of a double-
/// or single-quoted string, a line break that starts a new command) reach the real gnuplot
/// through `chart`, `report` and `notebook`, and none of them runs: the canary folder the
/// payloads would write into stays empty, and every command still succeeds.
@Suite("No shell commands from names")
struct ShellInjectionTests {
    /// Payloads that each create a file in `canary` if gnuplot (or a shell) ever executes them.
    static func payloads(_ canary: String) -> [String] {
        [
            "`touch \(canary)/backquote`",
            "x\"; system(\"touch \(canary)/double-quote-escape\"); print \"",
            "x'; system('touch \(canary)/single-quote-escape'); print '",
            "x\\'; system('touch \(canary)/backslash-quote'); print '",
            "$(touch \(canary)/dollar)",
            "line\n`touch \(canary)/newline-backquote`\nsystem('touch \(canary)/newline-system')",
            "a\r! touch \(canary)/carriage-return-bang",
            "@x `touch \(canary)/macro`",
        ]
    }

    /// The shipped baseline with every free-text name replaced by a payload and three challengers
    /// added under payload names (one with line breaks).
    static func hostileScenario(_ canary: String) throws -> String {
        // A JSON string literal is a YAML double-quoted string.
        let p = try payloads(canary).map {
            String(decoding: try JSONSerialization.data(withJSONObject: $0, options: [.fragmentsAllowed, .withoutEscapingSlashes]), as: UTF8.self)
        }
        var text = try String(contentsOf: PackageRoot.url.appendingPathComponent("scenarios/baseline.yaml"), encoding: .utf8)
        func replace(_ old: String, _ new: String) {
            #expect(text.contains(old), "baseline.yaml no longer holds \(old)")
            text = text.replacingOccurrences(of: old, with: new)
        }
        replace("name: \"baseline: city commercial bank, current plan\"", "name: \(p[0])")
        replace("champion: {name: \"current plan\"}",
                "champion: {name: \(p[1])}\n  challengers:\n    - name: \(p[2])\n      bank: {product: {annual_fee: 0}}\n"
                + "    - name: \(p[3])\n      bank: {risk: {cutoff: 0.3}}\n    - name: \(p[5])\n      bank: {product: {annual_fee: 50}}")
        replace("{name: branch,", "{name: \(p[4]),")
        replace("{name: online,", "{name: \(p[6]),")
        replace("{name: field,", "{name: \(p[7]),")
        return text
    }

    @Test("chart, report and notebook never run a payload hidden in a name")
    func namesNeverRun() throws {
        let dir = try TemporaryDirectory(prefix: "cardsim-injection")
        let canary = dir.path("canary")
        try FileManager.default.createDirectory(at: canary, withIntermediateDirectories: true)
        let scenario = dir.path("hostile.yaml")
        try Data(try Self.hostileScenario(canary.path).utf8).write(to: scenario)
        // Also through --set, the way the attack was first shown.
        let run = try CardsimBinary.run(["run", scenario.path, "--agents", "2000", "--paths", "2", "--months", "3",
                                         "--set", "name=`touch \(canary.path)/set-name`", "--out", dir.path("r").path],
                                        in: dir.url)
        try #require(run.status == 0, "\(run.stderr)")
        for format in ["png", "svg", "pdf"] {
            let chart = try CardsimBinary.run(["chart", dir.path("r").path, "--format", format, "--out", dir.path("c-\(format)").path], in: dir.url)
            #expect(chart.status == 0, "chart --format \(format): \(chart.stderr)")
            let drawn = (try? FileManager.default.contentsOfDirectory(atPath: dir.path("c-\(format)").path)) ?? []
            #expect(drawn.count >= 10, "chart --format \(format) drew \(drawn.count) files")
        }
        let report = try CardsimBinary.run(["report", dir.path("r").path, "--out", dir.path("r.html").path], in: dir.url)
        #expect(report.status == 0, "report: \(report.stderr)")
        let notebook = try CardsimBinary.run(["notebook", dir.path("r").path, "--out", dir.path("nb/n.ipynb").path], in: dir.url)
        #expect(notebook.status == 0, "notebook: \(notebook.stderr)")
        let ran = (try? FileManager.default.contentsOfDirectory(atPath: canary.path)) ?? []
        #expect(ran.isEmpty, "payloads ran: \(ran.sorted())")
        // Nothing was created beside the outputs either (a relative `touch`).
        let entries = Set(dir.entries)
        #expect(entries.isSubset(of: ["canary", "hostile.yaml", "r", "c-png", "c-svg", "c-pdf", "r.html", "nb"]), "\(entries.sorted())")
    }

    /// Names with terminal escape sequences (window title, screen clear, cursor home) and other
    /// control characters print as visible text: neither standard output nor standard error of
    /// `run`, `compare` and a failing `validate` holds an ESC, BEL or carriage return, and the
    /// escaped form is there instead.
    @Test("names print to the terminal with their control characters escaped")
    func controlCharactersAreEscaped() throws {
        let dir = try TemporaryDirectory(prefix: "cardsim-terminal")
        // YAML double-quoted escapes: ESC ] 0 ; title BEL (window title), ESC [2J (clear), ESC [H, CR.
        let title = #""\u001B]0;owned\u0007bank\u001B[2J\u001B[H\r""#
        let run = try CardsimBinary.run(["run", PackageRoot.file("scenarios/baseline.yaml").path, "--agents", "1000", "--paths", "2",
                                         "--months", "2", "--set", "name=\(title)",
                                         "--set", #"strategies.champion.name="plan\u001B[31m""#, "--out", dir.path("r").path], in: dir.url)
        try #require(run.status == 0, "\(run.stderr)")
        let compare = try CardsimBinary.run(["compare", dir.path("r").path], in: dir.url)
        #expect(compare.status == 0, "\(compare.stderr)")
        // A scenario error that quotes what it found: an unknown key holding escapes.
        let bad = dir.path("bad.yaml")
        try Data(#"run: {paths: 2, months: 2, agents: 100, seed: 1, "k\u001B[2J\u0007": 1}"#.utf8).write(to: bad)
        let validate = try CardsimBinary.run(["validate", bad.path], in: dir.url)
        #expect(validate.status != 0)
        for (label, text) in [("run stdout", run.stdout), ("run stderr", run.stderr), ("compare", compare.stdout),
                              ("validate", validate.stdout + validate.stderr)] {
            for control in ["\u{1B}", "\u{07}", "\r"] {
                #expect(!text.contains(control), "\(label) holds a raw control character \(control.unicodeScalars.first!.value)")
            }
        }
        #expect(run.stdout.contains("\\u{1B}]0;owned\\u{7}bank\\u{1B}[2J"), "\(run.stdout)")
        #expect(compare.stdout.contains("plan\\u{1B}[31m"), "\(compare.stdout)")
    }
}
