@testable import CardsimCheck
import CardsimEngine
import Testing

/// The JUnit XML parses (with Python's xml.etree), holds one testsuite per scenario and one
/// testcase per strategy and KPI, and escapes what it quotes.
@Suite("JUnit XML")
struct JUnitReportTests {
    @Test("a failing statistical check, a passing exact check and an error, read back by xml.etree")
    func parses() throws {
        let base = CheckFixtures.run(strategies: ["a & <b>", "c \"d\" 'e'\u{1}"])
        let moved = CheckFixtures.run(["npv": CheckFixtures.summary(1000, 1)], seed: 5, strategies: ["a & <b>", "c \"d\" 'e'\u{1}"])
        let failing = try ScenarioCheck(scenario: "scenarios/x&y.yaml", baselineFile: "B/x&y.json", baseline: try Baseline(run: base),
                                        run: moved, policy: TolerancePolicy())
        let passing = try ScenarioCheck(scenario: "scenarios/same.yaml", baselineFile: "B/same.json", baseline: try Baseline(run: base),
                                        run: base, policy: TolerancePolicy())
        let xml = JUnitReport.xml([.checked(failing), .checked(passing),
                                   .error(scenario: "scenarios/new.yaml", message: "no baseline for scenarios/new.yaml <here>",
                                          help: "Record one & commit it.")])
        #expect(xml.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"cardsim check\""))
        let n = KPI.all.count
        let result = try PythonXML.run(xml, """
            print(root.tag, root.get('tests'), root.get('failures'), root.get('errors'))
            for suite in root.findall('testsuite'):
                cases = suite.findall('testcase')
                failures = [c for c in cases if c.find('failure') is not None]
                errors = [c for c in cases if c.find('error') is not None]
                print(suite.get('name'), len(cases), suite.get('tests'), len(failures), suite.get('failures'), len(errors), suite.get('errors'))
                for c in failures + errors:
                    node = c.find('failure') if c.find('failure') is not None else c.find('error')
                    print(' ', c.get('classname'), '|', c.get('name'), '|', node.get('message'))
            """)
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output == """
            testsuites \(2 * n + 2 * n + 2 + 1) 2 1
            scenarios/x&y.yaml \(2 * n) \(2 * n) 2 2 0 0
              x&y | a & <b>: npv | npv of 'a & <b>' moved by +900 (baseline 100, now 1K), beyond the tolerance 5.657 (4 se)
              x&y | c "d" 'e'\u{FFFD}: npv | npv of 'c "d" 'e'\u{FFFD}' moved by +900 (baseline 100, now 1K), beyond the tolerance 5.657 (4 se)
            scenarios/same.yaml \(2 * n + 2) \(2 * n + 2) 0 0 0 0
            scenarios/new.yaml 1 1 0 0 1 1
              new | baseline | no baseline for scenarios/new.yaml <here>

            """)
    }

    @Test("an exact failure names the file and the line")
    func exactFailure() throws {
        let base = CheckFixtures.run()
        let moved = CheckFixtures.run(["npv": CheckFixtures.summary(101, 1)])
        let check = try ScenarioCheck(scenario: "s.yaml", baselineFile: "B/s.json", baseline: try Baseline(run: base), run: moved,
                                      policy: TolerancePolicy())
        let result = try PythonXML.run(JUnitReport.xml([.checked(check)]), """
            for c in root.iter('testcase'):
                f = c.find('failure')
                if f is not None: print(c.get('name'), '|', f.get('message'), '|', f.text.splitlines()[0])
            """)
        #expect(result.status == 0, "\(result.output)")
        let lines = result.output.split(separator: "\n").map(String.init)
        #expect(lines.count == 2)
        #expect(lines.first == "s: npv | npv of 's' moved by +1 (baseline 100, now 101) in an exact check | baseline: mean 100.0, standard error 1.0")
        #expect(lines.last?.hasPrefix("summary.json bytes | summary.json differs from line ") == true)
        #expect(lines.last?.contains("(strategy 's', KPI npv, mean) | baseline:") == true)
    }

    @Test("escaping covers markup, quotes and characters XML cannot hold")
    func escaping() {
        #expect(JUnitReport.escape("a<b>&\"c\"'d'") == "a&lt;b&gt;&amp;&quot;c&quot;&apos;d&apos;")
        #expect(JUnitReport.escape("x\u{0}y\u{1B}z\tw\n") == "x\u{FFFD}y\u{FFFD}z&#9;w&#10;")
        #expect(JUnitReport.escape("收入 ünï") == "收入 ünï")
    }
}
