import CardsimTestSupport
import Foundation
import Testing

/// `cardsim compare` and `cardsim run --precision` end to end, on the built binary.
@Suite("cardsim compare and run --precision")
struct CompareCommandTests {
    /// The baseline with a challenger that drops the annual fee, small.
    static let challenger = ["--set", "strategies.challengers=[{name: no_fee, bank: {product: {annual_fee: 0}}}]"]
    static let small = ["--agents", "2000", "--months", "12"]

    func run(_ out: URL, _ extra: [String]) throws -> CardsimBinary.Outcome {
        let outcome = try CardsimBinary.run(["run", RunCommandTests.baseline, "--out", out.path] + Self.small + extra)
        #expect(outcome.status == 0, "stderr: \(outcome.stderr)")
        return outcome
    }

    static func json(_ url: URL) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
    }

    static func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test("summary.json holds the comparison, targets and risk; compare --format json gives the same numbers")
    func summaryAndJSON() throws {
        let dir = try TemporaryDirectory()
        let out = dir.path("out")
        _ = try run(out, ["--paths", "4"] + Self.challenger)
        let summary = try Self.json(out.appendingPathComponent("summary.json"))
        let intervals = try #require(summary["intervals"] as? [String: Any])
        #expect(intervals["confidence"] as? Double == 0.95)
        #expect(intervals["degrees_of_freedom"] as? Int == 3)
        #expect(abs((intervals["multiplier"] as? Double ?? 0) - 3.1824463052837078) < 1e-12)
        let strategies = try #require(summary["strategies"] as? [[String: Any]])
        #expect(strategies.map { $0["name"] as? String } == ["current plan", "no_fee"])
        #expect(strategies[0]["comparison"] == nil)
        let comparison = try #require(strategies[1]["comparison"] as? [String: Any])
        #expect(comparison["against"] as? String == "current plan")
        let kpis = try #require(comparison["kpis"] as? [String: [String: Any]])
        #expect(Set(kpis.keys) == Set(KPIIdentifiers.all))
        #expect(Set(kpis["npv"]!.keys) == ["mean", "standard_error", "ci_low", "ci_high", "half_width", "direction",
                                           "unpaired_standard_error", "variance_reduction", "share_of_paths_better",
                                           "probability_better", "reliable", "reason", "paths_needed"])
        // Dropping the fee loses annual-fee income on every path.
        let fees = try #require(kpis["annual_fee_income"])
        #expect((fees["mean"] as? Double ?? 0) < 0)
        #expect(fees["share_of_paths_better"] as? Double == 0)
        let attribution = try #require(comparison["attribution"] as? [String: [String: Any]])
        for kpi in ["npv", "net_income"] {
            let lines = try #require(attribution[kpi]?["lines"] as? [String: [String: Any]])
            let total = try #require((attribution[kpi]?["total"] as? [String: Any])?["mean"] as? Double)
            let sum = lines.values.reduce(0.0) { $0 + ($1["mean"] as? Double ?? .nan) }
            #expect(abs(sum - total) <= 1e-9 * max(1, abs(total)), "\(kpi): \(sum) vs \(total)")
        }
        for strategy in strategies {
            let targets = try #require(strategy["targets"] as? [[String: Any]])
            #expect(targets.map { "\($0["kpi"]!) \($0["relation"]!)" } == [
                "acquisition_cost_per_account at_most", "active_rate at_least", "long_dormant_share at_most",
                "overdue_rate at_most", "bad_debt_rate below"])
            let risk = try #require((strategy["risk"] as? [String: Any])?["npv"] as? [String: Any])
            #expect(Set(risk.keys) == ["p5", "expected_shortfall_5", "caveat"])
            #expect((risk["caveat"] as? String)?.hasPrefix("caveat: with 4 paths (fewer than 20)") == true, "\(risk)")
            #expect(Set((strategy["kpi_intervals"] as? [String: Any] ?? [:]).keys) == Set(KPIIdentifiers.all))
        }

        let compare = try CardsimBinary.run(["compare", out.path, "--format", "json"])
        #expect(compare.status == 0, "\(compare.stderr)")
        let printed = try Self.json(compare.stdout)
        #expect(NSDictionary(dictionary: printed["intervals"] as? [String: Any] ?? [:]).isEqual(to: intervals))
        let printedStrategies = try #require(printed["strategies"] as? [[String: Any]])
        for (a, b) in zip(strategies, printedStrategies) {
            // compare prints the comparison; the KPI statistics, the approval score's
            // discrimination and the competitors' totals are the run's own outputs.
            var stored = a
            for key in ["kpis", "approval_score", "competitors"] { stored[key] = nil }
            #expect(NSDictionary(dictionary: stored).isEqual(to: b), "\(a["name"] ?? "")")
        }
    }

    @Test("compare prints tables, Markdown and CSV")
    func formats() throws {
        let dir = try TemporaryDirectory()
        let out = dir.path("out")
        _ = try run(out, ["--paths", "3"] + Self.challenger)
        let table = try CardsimBinary.run(["compare", out.path])
        #expect(table.status == 0, "\(table.stderr)")
        for text in ["95% confidence intervals: Student t, 2 degrees of freedom", "\nno_fee vs current plan\n",
                     "\nWhere the difference comes from: no_fee - current plan, yuan\n", "\nKPI targets\n",
                     "\nNPV risk, yuan\n", "\nannual fees ", "\ntotal ", "active-card rate >= 70.0%"] {
            #expect(table.stdout.contains(text), "missing '\(text)' in:\n\(table.stdout)")
        }
        // The approval score's discrimination: the table's AUC cells are summary.json's
        // approval_score, rounded.
        let summary = try Self.json(out.appendingPathComponent("summary.json"))
        for strategy in try #require(summary["strategies"] as? [[String: Any]]) {
            let score = try #require(strategy["approval_score"] as? [String: Any])
            let name = try #require(strategy["name"] as? String)
            // No path with a bad account: the AUC does not exist, null and n/a.
            guard let auc = score["auc"] as? [String: Any] else {
                #expect(score["auc"] is NSNull && score["paths"] as? Int == 0, "\(name): \(score)")
                #expect(table.stdout.split(separator: "\n").contains { $0.hasPrefix(name) && $0.contains(" n/a ") }, "\(name)")
                continue
            }
            let cell = String(format: "%.3f ± %.3f", try #require(auc["mean"] as? Double), try #require(auc["standard_error"] as? Double))
            #expect(table.stdout.split(separator: "\n").contains { $0.hasPrefix(name) && $0.contains(cell) }, "\(name): \(cell)")
        }
        #expect(table.stdout.contains("\nApproval score discrimination\n"))
        let markdown = try CardsimBinary.run(["compare", out.path, "--format", "markdown"])
        #expect(markdown.stdout.contains("\n## Approval score discrimination\n"))
        #expect(markdown.stdout.hasPrefix("# Strategy comparison\n"))
        #expect(markdown.stdout.contains("\n## no_fee vs current plan\n"))
        #expect(markdown.stdout.contains("\n| KPI | current plan | no_fee | difference | 95% CI | P(better) | paths better | variance reduction |\n|---|---:|"))
        let csv = try CardsimBinary.run(["compare", out.path, "--format", "csv"])
        let lines = csv.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "section,strategy,against,item,statistic,value")
        #expect(lines.contains { $0.hasPrefix("difference,no_fee,current plan,npv,variance_reduction,") })
        #expect(lines.contains { $0.hasPrefix("attribution_npv,no_fee,current plan,annual_fee_income,mean,-") })
        #expect(lines.contains("target,current plan,,active_rate:at_least,threshold,0.7"))
        #expect(lines.allSatisfy { $0.split(separator: ",", omittingEmptySubsequences: false).count == 6 })
    }

    @Test("compare refuses a directory that is not a run")
    func notARun() throws {
        let dir = try TemporaryDirectory()
        let outcome = try CardsimBinary.run(["compare", dir.path("absent").path])
        #expect(outcome.status == 2)
        #expect(outcome.stderrLines.first == "Error: \(dir.path("absent").path) is not a directory")
        let bad = try CardsimBinary.run(["compare", dir.url.path, "--format", "xml"])
        #expect(bad.status == 64)
    }

    @Test("shards of a run with a challenger merge into the bytes of the whole run")
    func shardsWithAComparison() throws {
        let dir = try TemporaryDirectory()
        _ = try run(dir.path("whole"), ["--paths", "4"] + Self.challenger)
        for i in 1...2 { _ = try run(dir.path("shard\(i)"), ["--paths", "4", "--shard", "\(i)/2"] + Self.challenger) }
        let merge = try CardsimBinary.run(["merge", dir.path("shard2").path, dir.path("shard1").path, "--out", dir.path("merged").path])
        #expect(merge.status == 0, "\(merge.stderr)")
        #expect(DirectoryComparison.differences(dir.path("whole"), dir.path("merged")) == [])
    }

    /// The NPV difference's half-width after n paths, from a plain run of n paths.
    func halfWidth(_ dir: TemporaryDirectory, paths n: Int) throws -> Double {
        let out = dir.path("plain\(n)")
        _ = try run(out, ["--paths", "\(n)"] + Self.challenger)
        let strategies = try #require(try Self.json(out.appendingPathComponent("summary.json"))["strategies"] as? [[String: Any]])
        let comparison = try #require(strategies[1]["comparison"] as? [String: Any])
        let kpis = try #require(comparison["kpis"] as? [String: [String: Any]])
        return try #require(kpis["npv"]?["half_width"] as? Double)
    }

    @Test("run --precision stops at the first batch below target, as a plain run of that many paths, and re-runs to the same bytes")
    func precision() throws {
        let dir = try TemporaryDirectory()
        let counts = [2, 4, 6, 8]
        let widths = try counts.map { try halfWidth(dir, paths: $0) }
        // The first batch whose half-width is below everything before it; the target sits between.
        let j = try #require((1..<widths.count).first { widths[$0] < widths[..<$0].min()! }, "\(widths)")
        let target = (widths[j] + widths[..<j].min()!) / 2
        let expected = counts[j]
        let arguments = ["--precision", "npv=\(target)", "--batch", "2", "--max-paths", "8"] + Self.challenger
        let first = try run(dir.path("p1"), arguments)
        _ = try run(dir.path("p2"), arguments)
        #expect(try Self.json(dir.path("p1/summary.json"))["paths"] as? Int == expected, "half-widths \(widths), target \(target)")
        #expect(first.stdout.contains(": \(expected) paths (batches of 2, at most 8)"), "\(first.stdout)")
        #expect(DirectoryComparison.differences(dir.path("p1"), dir.path("p2")) == [])
        #expect(DirectoryComparison.differences(dir.path("p1"), dir.path("plain\(expected)")) == [])

        // A target out of reach stops at --max-paths and says so.
        let far = try run(dir.path("far"), ["--precision", "npv=0.001", "--batch", "3", "--max-paths", "5"] + Self.challenger)
        #expect(try Self.json(dir.path("far/summary.json"))["paths"] as? Int == 5)
        #expect(far.stdout.contains("not below"), "\(far.stdout)")
    }

    @Test("--precision needs --max-paths and a known KPI")
    func precisionUsage() throws {
        let dir = try TemporaryDirectory()
        for (extra, message) in [(["--precision", "npv=1e6"], "--max-paths"), (["--precision", "npvv=1e6", "--max-paths", "4"], "unknown KPI 'npvv'"),
                                 (["--precision", "npv=-1", "--max-paths", "4"], "positive number"),
                                 (["--precision", "npv=1", "--max-paths", "4", "--paths", "3"], "leave out --paths"),
                                 (["--max-paths", "4"], "go with --precision")] {
            let outcome = try CardsimBinary.run(["run", RunCommandTests.baseline, "--out", dir.path("out").path] + extra)
            #expect(outcome.status == 64, "\(extra)")
            #expect(outcome.stderr.contains(message), "\(outcome.stderr)")
        }
        #expect(dir.entries == [])
    }
}
