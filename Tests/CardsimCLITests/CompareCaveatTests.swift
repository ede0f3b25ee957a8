import CardsimTestSupport
import Foundation
import Testing

/// What `cardsim compare` says of figures that are absent or not to be trusted: unreliable
/// intervals, one path, the discounting line, the horizon of totals, tail caveats.
@Suite("cardsim compare: absent and unreliable figures")
struct CompareCaveatTests {
    /// A challenger that only discounts at a higher rate: NPV moves, nothing else does.
    static let dearer = ["--set", "strategies.challengers=[{name: dearer, bank: {economics: {discount_rate: 0.15}}}]"]

    @discardableResult
    func run(_ out: URL, _ extra: [String]) throws -> CardsimBinary.Outcome {
        let outcome = try CardsimBinary.run(["run", RunCommandTests.baseline, "--out", out.path] + CompareCommandTests.small + extra)
        #expect(outcome.status == 0, "stderr: \(outcome.stderr)")
        return outcome
    }

    func differences(_ out: URL) throws -> [String: [String: Any]] {
        let compare = try CardsimBinary.run(["compare", out.path, "--format", "json"])
        #expect(compare.status == 0, "\(compare.stderr)")
        let strategies = try #require(try CompareCommandTests.json(compare.stdout)["strategies"] as? [[String: Any]])
        let comparison = try #require(strategies[1]["comparison"] as? [String: Any])
        return try #require(comparison["kpis"] as? [String: [String: Any]])
    }

    @Test("a discount-rate-only challenger: the NPV difference is discounting, the other KPIs unreliable")
    func discountRateOnly() throws {
        let dir = try TemporaryDirectory()
        let out = dir.path("out")
        try run(out, ["--paths", "3"] + Self.dearer)
        let kpis = try differences(out)
        for (id, d) in kpis {
            #expect(d["reliable"] is Bool, "\(id) has no reliable flag")
            #expect(d.keys.contains("reason") && d.keys.contains("paths_needed"), "\(id): \(d.keys.sorted())")
        }
        #expect(kpis["npv"]?["reliable"] as? Bool == true, "\(kpis["npv"] ?? [:])")
        #expect(kpis["npv"]?["reason"] is NSNull)
        let income = try #require(kpis["net_income"])
        #expect(income["mean"] as? Double == 0)
        #expect(income["reliable"] as? Bool == false)
        #expect(income["reason"] as? String == "no path differs although the strategies differ on other KPIs")
        #expect(income["paths_needed"] is NSNull)

        let summary = try CompareCommandTests.json(out.appendingPathComponent("summary.json"))
        let strategies = try #require(summary["strategies"] as? [[String: Any]])
        let attribution = try #require((strategies[1]["comparison"] as? [String: Any])?["attribution"] as? [String: [String: Any]])
        let lines = try #require(attribution["npv"]?["lines"] as? [String: [String: Any]])
        let total = try #require((attribution["npv"]?["total"] as? [String: Any])?["mean"] as? Double)
        let discounting = try #require(lines["discounting"]?["mean"] as? Double, "no discounting line in \(lines.keys.sorted())")
        #expect(total < 0 && abs(discounting - total) <= 1e-9 * abs(total), "discounting \(discounting), total \(total)")
        for (id, line) in lines where id != "discounting" { #expect(line["mean"] as? Double == 0, "\(id)") }
        #expect((attribution["net_income"]?["lines"] as? [String: Any])?["discounting"] == nil)

        let table = try CardsimBinary.run(["compare", out.path])
        let text = table.stdout
        for expected in ["\ndiscounting ", "1-year NPV difference", "\n1-year net income (yuan) ",
                         "KPIs: interval not reliable, no path differs although the strategies differ on other KPIs: cards in force (cards), ",
                         "caveat: with 3 paths (fewer than 20)"] {
            #expect(text.contains(expected), "missing '\(expected)' in:\n\(text)")
        }
        // The row of an unreliable interval ends its interval with '?'; NPV's does not, and
        // the footnote lists every KPI but NPV.
        let rows = text.split(separator: "\n")
        let footnote = try #require(rows.first { $0.hasPrefix("? ") && $0.contains("no path differs") })
        #expect(footnote.hasSuffix(", 1-year net income (yuan)") && !footnote.contains("NPV"), "\(footnote)")
        #expect(rows.contains { $0.hasPrefix("1-year net income (yuan) ") && $0.contains("]?") })
        #expect(rows.contains { $0.hasPrefix("1-year NPV (yuan) ") && !$0.contains("]?") })
    }

    @Test("one path: standard errors and intervals are null in JSON and n/a in text")
    func onePath() throws {
        let dir = try TemporaryDirectory()
        let out = dir.path("out")
        let printed = try run(out, ["--paths", "1"] + CompareCommandTests.challenger)
        // The run's own table: no standard error either.
        #expect(printed.stdout.contains("mean ± standard error over paths (n/a: one path, so no standard error)"), "\(printed.stdout)")
        #expect(printed.stdout.contains(" ± n/a yuan"), "\(printed.stdout)")
        #expect(!printed.stdout.contains(" ± 0 "), "\(printed.stdout)")
        // summary.json's own statistics: no standard error either.
        let summary = try CompareCommandTests.json(out.appendingPathComponent("summary.json"))
        let levels = try #require((summary["strategies"] as? [[String: Any]])?.first?["kpis"] as? [String: [String: Any]])
        #expect(levels["npv"]?["standard_error"] is NSNull, "\(levels["npv"] ?? [:])")
        #expect(levels["npv"]?["mean"] is Double)
        let kpis = try differences(out)
        let npv = try #require(kpis["npv"])
        for key in ["standard_error", "ci_low", "ci_high", "half_width", "unpaired_standard_error"] {
            #expect(npv[key] is NSNull, "\(key) = \(npv[key] ?? "absent")")
        }
        #expect(npv["mean"] is Double)
        #expect(npv["reliable"] as? Bool == false)
        #expect(npv["reason"] as? String == "fewer than 2 paths: no interval")
        #expect(npv["paths_needed"] as? Int == 2)
        let table = try CardsimBinary.run(["compare", out.path])
        #expect(table.stdout.contains("\nn/a: one path, so no standard error or confidence interval\n"), "\(table.stdout)")
        #expect(table.stdout.split(separator: "\n").contains { $0.hasPrefix("1-year NPV (yuan) ") && $0.contains(" n/a ") })
    }

    @Test("run --precision does not stop on a narrow interval that is not reliable")
    func precisionGoesOnWhileUnreliable() throws {
        let dir = try TemporaryDirectory()
        let out = dir.path("out")
        // Net income never differs (half-width 0, below any target) while NPV does: the
        // interval is unreliable, so the search runs to --max-paths and says why.
        let outcome = try CardsimBinary.run(["run", RunCommandTests.baseline, "--out", out.path] + CompareCommandTests.small
            + ["--precision", "net_income=1000", "--batch", "2", "--max-paths", "4"] + Self.dearer)
        #expect(outcome.status == 0, "stderr: \(outcome.stderr)")
        #expect(try CompareCommandTests.json(out.appendingPathComponent("summary.json"))["paths"] as? Int == 4)
        #expect(outcome.stdout.contains(
            "Precision: net_income difference, 95% half-width 0 yuan, not reliable at --max-paths (dearer: no path differs although the strategies differ on other KPIs): 4 paths (batches of 2, at most 4)"),
            "\(outcome.stdout)")
    }
}
