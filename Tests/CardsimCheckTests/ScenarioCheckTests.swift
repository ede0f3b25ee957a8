@testable import CardsimCheck
import CardsimEngine
import Testing

/// Mode choice, exact comparison and statistical verdicts of one scenario's check.
@Suite("checking one scenario")
struct ScenarioCheckTests {
    func check(_ baseline: RunOutput, _ run: RunOutput, policy: TolerancePolicy = TolerancePolicy(),
               mode: CheckMode? = nil) throws -> ScenarioCheck {
        try ScenarioCheck(scenario: "scenarios/sample.yaml", baselineFile: "B/sample.json", baseline: try Baseline(run: baseline),
                          run: run, policy: policy, mode: mode)
    }

    @Test("the same run passes in exact mode, chosen because the identities match, and in statistical mode")
    func unchanged() throws {
        let run = CheckFixtures.sampleRun()
        let exact = try check(run, run)
        #expect(exact.mode == .exact)
        #expect(!exact.forced)
        #expect(exact.passed)
        #expect(exact.comparisons.count == 2 * KPI.all.count)
        #expect(exact.moved.isEmpty)
        #expect(CheckReport.text(exact).hasSuffix("  PASS: summary.json and monthly.csv are byte-identical (\(KPI.all.count) KPIs x 2 strategies)\n"))
        let statistical = try check(run, run, mode: .statistical)
        #expect(statistical.passed && statistical.forced && statistical.mode == .statistical)
        #expect(CheckReport.text(statistical).contains("PASS: \(KPI.all.count) KPIs x 2 strategies, none moved"))
    }

    @Test("a different seed, paths, version or platform makes the check statistical")
    func modeChoice() throws {
        let base = CheckFixtures.sampleRun()
        var run = base
        run.identity.seed = 7
        #expect(try check(base, run).mode == .statistical)
        #expect(try check(base, run).identityDifferences == ["seed 42 -> 7"])
        run = base; run.identity.paths = 4
        #expect(try check(base, run).identityDifferences == ["paths 3 -> 4"])
        run = base; run.identity.version = "9.0.0"
        #expect(try check(base, run).identityDifferences == ["cardsim version \(base.identity.version) -> 9.0.0"])
        run = base; run.identity.platform = "elsewhere"
        #expect(try check(base, run).mode == .statistical)
        run = base; run.identity.scenarioHash = "ffffffffffffffff"; run.identity.overrides = ["x=1"]
        #expect(try check(base, run).identityDifferences == ["scenario hash 0123456789abcdef -> ffffffffffffffff (the file, the overrides or a model file changed)"])
        // The overrides alone do not decide: the hash covers them.
        run = base; run.identity.overrides = []
        #expect(try check(base, run).mode == .exact)
        // Forcing exact when the identities differ compares bytes anyway.
        run = base; run.identity.seed = 7
        #expect(try check(base, run, mode: .exact).mode == .exact)
    }

    @Test("exact mode: a changed number fails, with the first differing line and the KPI it belongs to")
    func exactDifference() throws {
        let base = CheckFixtures.run()
        let run = CheckFixtures.run(["net_income": CheckFixtures.summary(100.5, 1)])
        let result = try check(base, run)
        #expect(result.mode == .exact)
        #expect(!result.passed)
        #expect(result.failures.map(\.kpi) == ["net_income"])
        let difference = try #require(result.fileDifferences.first)
        #expect(difference.file == "summary.json")
        #expect(difference.location == "strategy 's', KPI net_income, mean")
        #expect(difference.baseline == "          \"mean\": 100.0,")
        #expect(difference.current == "          \"mean\": 100.5,")
        #expect(result.fileDifferences.count == 1)   // monthly.csv is the same text here
        let text = CheckReport.text(result)
        #expect(text.contains("  summary.json differs from line \(difference.line!) (strategy 's', KPI net_income, mean):\n    baseline: \"mean\": 100.0,\n    now:      \"mean\": 100.5,\n"))
        #expect(text.contains("FAIL (within tolerance)"))
        #expect(text.hasSuffix("  FAIL: 1 of \(KPI.all.count) KPIs x 1 strategy moved (1 of them within the statistical tolerance): net_income (s)\n"))
    }

    @Test("exact mode: bytes that differ outside the KPI means still fail")
    func exactOtherBytes() throws {
        let base = CheckFixtures.run()
        var run = base
        run.summaryText = run.summaryText.replacingOccurrences(of: "\"p95\": 102.0", with: "\"p95\": 103.0")
        run.monthlyText += "1,s,npv,1,1,1,1\n"
        let result = try check(base, run)
        #expect(!result.passed)
        #expect(result.failures.isEmpty)
        #expect(result.fileDifferences.map(\.file) == ["summary.json", "monthly.csv"])
        // summary.json lists KPIs by id in byte order: the first one's p95 is the first changed line.
        let first = try #require(KPI.all.map(\.id).sorted().first)
        #expect(result.fileDifferences[0].location == "strategy 's', KPI \(first), p95")
        #expect(result.fileDifferences[1].line == nil && result.fileDifferences[1].fingerprints != nil)
        #expect(CheckReport.text(result).hasSuffix("FAIL: the outputs differ from the baseline's, though no KPI's mean or standard error moved\n"))
    }

    @Test("statistical mode: only KPIs beyond tolerance fail, and they are named")
    func statisticalVerdicts() throws {
        let base = CheckFixtures.run(["npv": CheckFixtures.summary(100, 3), "spend": CheckFixtures.summary(50, 0)])
        // npv: tolerance 4 x 5 = 20; spend: SE 0 on both sides.
        let run = CheckFixtures.run(["npv": CheckFixtures.summary(120, 4), "spend": CheckFixtures.summary(50, 0),
                                     "net_income": CheckFixtures.summary(100 + 4 * 2.0.squareRoot() + 1, 1),
                                     "revenue": CheckFixtures.summary(101, 1)], seed: 9)
        let result = try check(base, run)
        #expect(result.mode == .statistical)
        #expect(result.failures.map(\.kpi) == ["net_income"])
        #expect(Set(result.moved.map(\.kpi)) == ["npv", "net_income", "revenue"])
        let text = CheckReport.text(result)
        #expect(text.contains("  the run differs from the baseline's: seed 42 -> 9\n"))
        #expect(text.contains("  tolerance: 4 combined standard errors\n"))
        #expect(text.contains("strategy  KPI         baseline  now    difference  tolerance     verdict\n"))
        #expect(text.contains("  s         npv         100       120    +20         20 (4 se)     ok\n"))
        #expect(text.hasSuffix("  FAIL: 1 of \(KPI.all.count) KPIs x 1 strategy moved beyond tolerance: net_income (s)\n"))
        // The same move passes with a declared tolerance that covers it.
        let declared = try check(base, run, policy: TolerancePolicy(declared: ["net_income": DeclaredTolerance(relative: 0.07)]))
        #expect(declared.passed)
        #expect(CheckReport.text(declared).contains("tolerance: 4 combined standard errors; declared for net_income"))
    }

    @Test("a KPI or strategy missing on either side fails")
    func missingAndAdded() throws {
        let base = CheckFixtures.run(strategies: ["a", "b"])
        let run = CheckFixtures.run(strategies: ["a", "c"])
        let result = try check(base, run, mode: .statistical)
        #expect(!result.passed)
        #expect(Set(result.failures.map(\.strategy)) == ["b", "c"])
        #expect(result.failures.count == 2 * KPI.all.count)
        let text = CheckReport.text(result)
        #expect(text.contains("FAIL (missing now)"))
        #expect(text.contains("FAIL (not in the baseline)"))
        var dropped = CheckFixtures.run()
        dropped.summaryText = dropped.summaryText.replacingOccurrences(of: "\"npv\": {", with: "\"npv_renamed\": {")
        let renamed = try check(CheckFixtures.run(), dropped, mode: .statistical)
        #expect(Set(renamed.failures.map(\.kpi)) == ["npv", "npv_renamed"])
    }

    @Test("the update summary counts KPIs beyond tolerance, within it and unchanged")
    func updateSummary() throws {
        let base = CheckFixtures.run(["npv": CheckFixtures.summary(100, 3)])
        let run = CheckFixtures.run(["npv": CheckFixtures.summary(120, 4), "net_income": CheckFixtures.summary(200, 1)])
        let text = CheckReport.updateSummary(try check(base, run), file: "B/sample.json")
        #expect(text == "updated B/sample.json: 1 KPI moved beyond tolerance (net_income (s)), 1 within it, \(KPI.all.count - 2) unchanged, of \(KPI.all.count) KPIs x 1 strategy")
        #expect(CheckReport.updateSummary(try check(base, base), file: "f").hasPrefix("updated f: no KPI moved, \(KPI.all.count) unchanged"))
    }

    @Test("table numbers: 4 significant digits, K/M/B, tiny values in scientific notation")
    func numbers() {
        #expect(CheckReport.number(54_712_345.2) == "54.71M")
        #expect(CheckReport.number(0.006512) == "0.006512")
        #expect(CheckReport.number(2.5e-6, signed: true) == "+2.500e-06")
        #expect(CheckReport.number(-1234.6, signed: true) == "-1.235K")
        #expect(CheckReport.number(100) == "100")
        #expect(CheckReport.number(1000) == "1K")
        #expect(CheckReport.number(0.5) == "0.5")
        #expect(CheckReport.number(0, signed: true) == "0")
    }
}
