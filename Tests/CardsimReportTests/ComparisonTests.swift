import CardsimEngine
import CardsimOutput
@testable import CardsimReport
import CardsimTestSupport
import Foundation
import Testing

@Suite("Comparisons and attribution")
struct ComparisonTests {
    @Test("paired differences are the mean, standard error and t interval of challenger - champion over paths")
    func pairedDifferences() throws {
        let run = Fixtures.engineRun.run
        let comparisons = Comparison.all(run)
        #expect(comparisons.map(\.name) == Array(Fixtures.strategyNames.dropFirst()))
        for c in comparisons {
            for id in ["npv", "active_rate", "cards_in_force", "overdue_rate"] {
                let a = try #require(run.pathValues[0][id]), b = try #require(run.pathValues[c.challenger][id])
                let d = zip(b, a).map { $0 - $1 }
                let n = Double(d.count)
                let mean = d.reduce(0, +) / n
                let sd = (d.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / (n - 1)).squareRoot()
                let half = 3.182446 * sd / n.squareRoot()     // t(0.975, 3 degrees of freedom)
                let e = try #require(c.differences[id])
                let tolerance = 1e-9 * max(1, abs(mean), sd)
                #expect(abs(e.mean - mean) <= tolerance, "\(c.name) \(id) mean")
                #expect(abs(e.standardError - sd / n.squareRoot()) <= tolerance, "\(c.name) \(id) se")
                #expect(abs((e.high ?? .nan) - (mean + half)) <= 1e-6 * max(1, half), "\(c.name) \(id) interval")
            }
        }
    }

    @Test("the attribution lines add up to the NPV difference")
    func attributionAddsUp() throws {
        for c in Comparison.all(Fixtures.engineRun.run) {
            let a = c.attribution
            #expect(a.kpi == "npv")
            #expect(!a.lines.isEmpty)
            #expect(abs(a.residual) <= 1e-6 * max(1, abs(a.total.mean)), "\(c.name): lines miss the total by \(a.residual)")
            if c.name == "免年费" {
                let fees = try #require(a.lines.first { $0.id == "annual_fee_income" })
                #expect(fees.difference.mean < 0, "waiving the annual fee loses fee income")
            }
        }
    }

    @Test("a comparison block in summary.json is used when present")
    func storedBlock() throws {
        let dir = try TemporaryDirectory(prefix: "cardsim-stored")
        let copy = dir.path("run")
        try FileManager.default.copyItem(at: Fixtures.engineRun.directory, to: copy)
        let file = copy.appendingPathComponent("summary.json")
        var root = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any])
        var strategies = try #require(root["strategies"] as? [[String: Any]])
        strategies[1]["comparison"] = [
            "against": Fixtures.strategyNames[0],
            "kpis": ["npv": ["mean": 123.0, "standard_error": 4.0, "ci_low": 110.0, "ci_high": 136.0]],
            "attribution": ["npv": ["lines": ["interest_income": ["mean": 100.0, "standard_error": 1.0, "ci_low": 98.0, "ci_high": 102.0],
                                              "credit_losses": ["mean": 23.0, "standard_error": 1.0, "half_width": 2.0]],
                                    "total": ["mean": 123.0, "standard_error": 4.0, "ci_low": 110.0, "ci_high": 136.0]]],
        ]
        root["strategies"] = strategies
        try JSONSerialization.data(withJSONObject: root).write(to: file)
        try Reseal.manifest(of: copy)
        let run = try Fixtures.load(copy)
        let comparisons = Comparison.all(run)
        let stored = comparisons[0], computed = comparisons[1]
        #expect(stored.source == .summary)
        #expect(stored.differences["npv"] == PathEstimate(count: 0, mean: 123, standardError: 4, low: 110, high: 136))
        #expect(stored.differences["active_rate"] == Comparison.all(Fixtures.engineRun.run)[0].differences["active_rate"],
                "KPIs the block lacks are computed")
        #expect(stored.attribution.lines.map(\.id) == ["interest_income", "credit_losses"])
        #expect(stored.attribution.lines[1].difference.low == 21 && stored.attribution.lines[1].difference.high == 25)
        #expect(computed.source == .computed)
        let plan = try ChartPlan(run)
        #expect(plan.notes.contains { $0.contains("computed") })
    }

    @Test("comparison blocks that 'cardsim run' writes agree with the comparisons computed from the files")
    func storedAgreesWithComputed() throws {
        let dir = try TemporaryDirectory(prefix: "cardsim-blocks")
        try Data(Fixtures.yaml.utf8).write(to: dir.path("s.yaml"))
        let outcome = try CardsimBinary.run(["run", dir.path("s.yaml").path, "--out", dir.path("run").path])
        try #require(outcome.status == 0, "\(outcome.stderr)")
        let run = try Fixtures.load(dir.path("run"))
        // The same directory without the blocks: everything computed here.
        let file = dir.path("run/summary.json")
        var root = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any])
        root["strategies"] = (root["strategies"] as? [[String: Any]] ?? []).map { s in s.filter { $0.key != "comparison" } }
        try JSONSerialization.data(withJSONObject: root).write(to: file)
        try Reseal.manifest(of: dir.path("run"))
        let computed = Comparison.all(try Fixtures.load(dir.path("run")))
        #expect(computed.allSatisfy { $0.source == .computed })
        let read = Comparison.all(run)
        #expect(read.count == computed.count)
        #expect(read.allSatisfy { $0.source == .summary }, "cardsim run writes a comparison block per challenger")
        func close(_ a: Double?, _ b: Double?, _ scale: Double) -> Bool {
            guard let a, let b else { return a == nil && b == nil }
            return abs(a - b) <= 1e-6 * max(1, scale)
        }
        for (r, c) in zip(read, computed) where r.source == .summary {
            for (id, e) in c.differences {
                guard let s = r.differences[id] else { continue }
                let scale = abs(e.mean) + abs(e.standardError)
                #expect(close(s.mean, e.mean, scale) && close(s.standardError, e.standardError, scale), "\(r.name) \(id)")
                #expect(close(s.low, e.low, scale) && close(s.high, e.high, scale), "\(r.name) \(id) interval")
            }
            #expect(r.attribution.lines.map(\.id) == c.attribution.lines.map(\.id))
            for (a, b) in zip(r.attribution.lines, c.attribution.lines) {
                #expect(close(a.difference.mean, b.difference.mean, abs(r.attribution.total.mean)), "\(r.name) \(a.id)")
            }
        }
    }

    @Test("with a single strategy the comparison and waterfall charts are skipped with a note")
    func singleStrategy() throws {
        let plan = try ChartPlan(Fixtures.singleRun.run)
        #expect(plan.comparisons.isEmpty)
        #expect(!plan.charts.contains { $0.kind == .comparison || $0.kind == .waterfall })
        #expect(plan.charts.map(\.kind).filter { $0 == .fan }.count == KPIText.headline.count)
        #expect(plan.notes.contains { $0.hasPrefix("comparison and waterfall charts skipped: the run has a single strategy") })
        #expect(plan.notes.contains { $0.hasPrefix("sensitivity tornado skipped") })
    }

    @Test("KPI selection: headline by default, ids, lists, all; unknown ids are errors")
    func kpiSelection() throws {
        let run = Fixtures.singleRun.run
        #expect(try ChartPlan.selectKPIs([], run: run) == KPIText.headline)
        #expect(try ChartPlan.selectKPIs(["npv,spend", "npv"], run: run) == ["npv", "spend"])
        #expect(try ChartPlan.selectKPIs(["all"], run: run).count == KPI.all.count)
        #expect(throws: ReportError.self) { try ChartPlan.selectKPIs(["nvp"], run: run) }
    }

    @Test("the 95% t multiplier matches reference values")
    func tMultiplier() {
        // R: qt(0.975, df)
        let reference: [(Int, Double)] = [(1, 12.706205), (3, 3.182446), (7, 2.364624), (30, 2.042272), (31, 2.039513),
                                          (39, 2.022691), (60, 2.000298), (120, 1.979930), (1000, 1.962339)]
        for (df, t) in reference {
            #expect(abs(StudentT95.multiplier(degreesOfFreedom: df) - t) < 2e-6, "df \(df)")
        }
    }

    @Test("month bands are ordered quantiles and their median matches monthly.csv's p50")
    func bands() throws {
        let run = Fixtures.engineRun.run
        let bands = try #require(run.monthlyBands("cards_in_force"))
        let text = try String(contentsOf: Fixtures.engineRun.directory.appendingPathComponent("monthly.csv"), encoding: .utf8)
        for line in text.split(separator: "\n").dropFirst() where line.contains(",cards_in_force,") {
            let cells = line.split(separator: ",")
            let month = Int(cells[0])!, p50 = Double(cells[cells.count - 2])!
            let s = Fixtures.strategyNames.firstIndex { line.hasPrefix("\(month),\($0),") || line.hasPrefix("\(month),\"\($0)") }
            guard let s else { continue }
            #expect(bands[s][month - 1].p50 == p50)
        }
        for b in bands.joined() { #expect(b.p5 <= b.p25 && b.p25 <= b.p50 && b.p50 <= b.p75 && b.p75 <= b.p95) }
    }
}
