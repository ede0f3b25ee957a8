import CardsimTestSupport
import Foundation
import Testing

/// `cardsim baseline` and `cardsim check` end to end, on the built binary, with small runs of
/// scenarios/baseline.yaml.
@Suite("cardsim baseline and check")
struct CheckCommandTests {
    static let scenario = "scenarios/baseline.yaml"
    static let small = ["--paths", "4", "--agents", "2000", "--months", "12"]

    /// A directory with the baseline of the small run recorded.
    static func recorded(_ extra: [String] = []) throws -> TemporaryDirectory {
        let dir = try TemporaryDirectory(prefix: "cardsim-check")
        let outcome = try CardsimBinary.run(["baseline", scenario, "--out", dir.path("base").path] + small + extra)
        #expect(outcome.status == 0, "stderr: \(outcome.stderr)")
        #expect(outcome.stdout.hasPrefix("recorded \(dir.path("base").path)/baseline.json: 'baseline: city commercial bank, current plan' (hash "))
        #expect(outcome.stdout.contains("4 paths x 12 months, 2000 agents, seed 20241231"))
        return dir
    }

    static func check(_ dir: TemporaryDirectory, _ extra: [String] = []) throws -> CardsimBinary.Outcome {
        try CardsimBinary.run(["check", scenario, "--baselines", dir.path("base").path] + extra)
    }

    @Test("an unchanged model passes: exact mode by default, and statistical mode when forced")
    func unchanged() throws {
        let dir = try Self.recorded()
        #expect(dir.entries == ["base"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path("base").path).sorted() == ["baseline.json", "baseline.summary.json", "manifest.json"])
        let exact = try Self.check(dir)
        #expect(exact.status == 0, "\(exact.stdout)\(exact.stderr)")
        #expect(exact.stdout.hasPrefix("\(Self.scenario): exact check against \(dir.path("base").path)/baseline.json\n"))
        #expect(exact.stdout.contains("  PASS: summary.json and monthly.csv are byte-identical (\(KPIIdentifiers.all.count) KPIs x 1 strategy)\n"))
        #expect(exact.stdout.hasSuffix("checked 1 scenario: 1 passed, 0 failed\n"))
        let statistical = try Self.check(dir, ["--mode", "statistical"])
        #expect(statistical.status == 0, "\(statistical.stdout)\(statistical.stderr)")
        #expect(statistical.stdout.contains(": statistical check against "))
        #expect(statistical.stdout.contains("  PASS: \(KPIIdentifiers.all.count) KPIs x 1 strategy, none moved\n"))
    }

    @Test("another seed is a statistical check, and noise alone stays within 4 combined standard errors")
    func otherSeed() throws {
        let dir = try TemporaryDirectory(prefix: "cardsim-check")
        let size = ["--paths", "16", "--agents", "1000", "--months", "12"]
        let record = try CardsimBinary.run(["baseline", Self.scenario, "--out", dir.path("base").path] + size)
        #expect(record.status == 0, "stderr: \(record.stderr)")
        let outcome = try Self.check(dir, ["--seed", "7"])
        #expect(outcome.stdout.contains("  the run differs from the baseline's: scenario hash "))
        #expect(outcome.stdout.contains("; seed 20241231 -> 7\n"))
        #expect(outcome.status == 0, "\(outcome.stdout)\(outcome.stderr)")
        #expect(outcome.stdout.contains(" moved, all within tolerance\n"))
    }

    @Test("a perturbed parameter fails with exit 1, naming the KPIs that moved")
    func perturbed() throws {
        let dir = try Self.recorded()
        // No annual fee: the fee income of 12 months falls to 0, far beyond its Monte Carlo error.
        let outcome = try Self.check(dir, ["--set", "bank.product.annual_fee=0", "--junit", dir.path("junit.xml").path])
        #expect(outcome.status == 1, "\(outcome.stdout)\(outcome.stderr)")
        #expect(outcome.stdout.contains(": statistical check against "))
        #expect(outcome.stdout.contains("  the run differs from the baseline's: scenario hash "))
        let verdict = try #require(outcome.stdout.split(separator: "\n").first { $0.hasPrefix("  FAIL: ") })
        #expect(verdict.contains("moved beyond tolerance: "))
        #expect(verdict.contains("annual_fee_income"))
        #expect(verdict.hasSuffix("(current plan)"))
        #expect(outcome.stdout.contains("\n  current plan  annual_fee_income "))
        #expect(outcome.stdout.contains("checked 1 scenario: 0 passed, 1 failed\n"))
        #expect(outcome.stdout.hasSuffix("If the changes are intended, re-record: cardsim check \(Self.scenario) --baselines \(dir.path("base").path) --update\n"))

        let xml = try PythonXML.run(try String(contentsOf: dir.path("junit.xml"), encoding: .utf8), """
            suite = root.find('testsuite')
            print(suite.get('name'), suite.get('tests'), suite.get('failures'))
            print(' '.join(c.get('name') for c in suite.findall('testcase') if c.find('failure') is not None))
            """)
        #expect(xml.status == 0, "\(xml.output)")
        let lines = xml.output.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("\(Self.scenario) \(KPIIdentifiers.all.count) ") == true)
        #expect(lines.last?.contains("current plan: annual_fee_income") == true)
    }

    @Test("a declared tolerance or sigmas from the scenario apply; sigmas 0 passes only unmoved KPIs")
    func scenarioTolerances() throws {
        let dir = try Self.recorded()
        // The same numbers with sigmas 0: the boundary |0| <= 0 passes.
        let same = try Self.check(dir, ["--set", "regression.sigmas=0"])
        #expect(same.status == 0, "\(same.stdout)\(same.stderr)")
        #expect(same.stdout.contains("  tolerance: 0 combined standard errors\n"))
        #expect(same.stdout.contains("none moved"))
        // Another seed with sigmas 0: every KPI that moved fails.
        let moved = try Self.check(dir, ["--set", "regression.sigmas=0", "--seed", "3"])
        #expect(moved.status == 1, "\(moved.stdout)\(moved.stderr)")
        // A perturbation covered by a declared tolerance on every KPI passes.
        let all = KPIIdentifiers.all.map { "regression.kpis.\($0)={absolute: 1000000000000}" }
        let covered = try Self.check(dir, ["--set", "bank.risk.cutoff=-0.15"] + all.flatMap { ["--set", $0] })
        #expect(covered.status == 0, "\(covered.stdout)\(covered.stderr)")
        #expect(covered.stdout.contains(" (abs 1000000000000)  ok\n"))
    }

    @Test("--update re-records, says what changed, and the next check passes exactly")
    func update() throws {
        let dir = try Self.recorded()
        let updated = try Self.check(dir, ["--set", "bank.product.annual_fee=0", "--update"])
        #expect(updated.status == 0, "\(updated.stdout)\(updated.stderr)")
        let line = try #require(updated.stdout.split(separator: "\n").first { $0.hasPrefix("updated \(dir.path("base").path)/baseline.json: ") })
        #expect(line.contains(" moved beyond tolerance (") && line.contains("annual_fee_income"))
        #expect(line.contains("; identity: scenario hash "))
        #expect(updated.stdout.hasSuffix("updated 1 of 1 baseline\n"))
        let json = try String(contentsOf: dir.path("base/baseline.json"), encoding: .utf8)
        #expect(json.contains("\"overrides\": [\"run.paths=4\", \"run.months=12\", \"run.agents=2000\", \"bank.product.annual_fee=0\"]"))
        let again = try Self.check(dir)
        #expect(again.status == 0, "\(again.stdout)\(again.stderr)")
        #expect(again.stdout.contains(": exact check against "))
    }

    @Test("a missing baseline is exit 2 with how to record it, never a pass")
    func missing() throws {
        let dir = try TemporaryDirectory(prefix: "cardsim-check")
        let outcome = try Self.check(dir, ["--junit", dir.path("j.xml").path])
        #expect(outcome.status == 2)
        #expect(outcome.stderrLines == [
            "Error: no baseline for \(Self.scenario): \(dir.path("base").path)/baseline.json does not exist",
            "Help: Record one with 'cardsim baseline \(Self.scenario) --out \(dir.path("base").path)' (for the shipped scenarios: 'make baselines'), review it and commit it.",
        ])
        #expect(!outcome.stdout.contains("PASS"))
        #expect(outcome.stdout.hasSuffix("checked 1 scenario: 0 passed, 0 failed, 1 could not be checked\n"))
        let xml = try PythonXML.run(try String(contentsOf: dir.path("j.xml"), encoding: .utf8),
                                    "print(root.get('errors'), root.find('testsuite/testcase/error').get('message'))")
        #expect(xml.output == "1 no baseline for \(Self.scenario): \(dir.path("base").path)/baseline.json does not exist\n")
    }

    @Test("a corrupt baseline is exit 2 naming the problem, never a pass")
    func corrupt() throws {
        let dir = try Self.recorded()
        let file = dir.path("base/baseline.json")
        let text = try String(contentsOf: file, encoding: .utf8)
        try String(text.dropLast(40)).write(to: file, atomically: true, encoding: .utf8)
        let truncated = try Self.check(dir)
        #expect(truncated.status == 2)
        #expect(truncated.stderrLines.first == "Error: \(file.path) is not a cardsim baseline: not valid JSON")
        #expect(!truncated.stdout.contains("PASS"))

        try text.write(to: file, atomically: true, encoding: .utf8)
        let summary = dir.path("base/baseline.summary.json")
        try (try String(contentsOf: summary, encoding: .utf8)).replacingOccurrences(of: "\"mean\": ", with: "\"mean\": 1")
            .write(to: summary, atomically: true, encoding: .utf8)
        let edited = try Self.check(dir)
        #expect(edited.status == 2)
        #expect(edited.stderrLines.first == "Error: \(file.path) does not match \(summary.path): that file has changed since it was recorded")
    }

    @Test("baseline refuses to replace a stored baseline without --update, and records with it")
    func replace() throws {
        let dir = try Self.recorded()
        let refused = try CardsimBinary.run(["baseline", Self.scenario, "--out", dir.path("base").path] + Self.small)
        #expect(refused.status == 2)
        #expect(refused.stderrLines.first == "Error: a baseline for \(Self.scenario) exists: \(dir.path("base").path)/baseline.json")
        let replaced = try CardsimBinary.run(["baseline", Self.scenario, "--out", dir.path("base").path, "--update"] + Self.small)
        #expect(replaced.status == 0, "\(replaced.stderr)")
        #expect(replaced.stdout.hasPrefix("updated \(dir.path("base").path)/baseline.json: no KPI moved, \(KPIIdentifiers.all.count) unchanged"))
    }

    @Test("bad input: an invalid scenario or --set is exit 2; a bad --mode is a usage error")
    func badInput() throws {
        let dir = try Self.recorded()
        let badSet = try Self.check(dir, ["--set", "bank.product.apr=18.25"])
        #expect(badSet.status == 2)
        #expect(badSet.stderrLines.first?.hasPrefix("--set bank.product.apr=18.25: error: value out of range for bank.product.apr") == true)
        let badMode = try Self.check(dir, ["--mode", "fuzzy"])
        #expect(badMode.status == 64)
    }
}
