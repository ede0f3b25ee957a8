import CardsimOutput
import Foundation

/// The terminal report of a check: what was compared and how, a table of every KPI that moved
/// (baseline, now, difference, tolerance, verdict), and the verdict.
///
///     scenarios/baseline.yaml: statistical check against Tests/Baselines/baseline.json
///       the run differs from the baseline's: seed 20241231 -> 7
///       tolerance: 4 combined standard errors
///
///       strategy      KPI          baseline  now     difference  tolerance      verdict
///       current plan  net_income   54.71M    61.02M  +6.31M      4.49M (4 se)   FAIL
///       ...
///       FAIL: 1 of 28 KPIs x 1 strategy moved beyond tolerance: net_income
public enum CheckReport {
    /// The report of one scenario's check, ending with a newline.
    public static func text(_ check: ScenarioCheck) -> String {
        var out = "\(check.scenario): \(check.mode.rawValue) check against \(check.baselineFile)\n"
        if check.forced {
            out += "  mode forced by --mode \(check.mode.rawValue)"
            out += check.identityDifferences.isEmpty ? "\n" : "; the run differs from the baseline's: \(check.identityDifferences.joined(separator: "; "))\n"
        } else if check.mode == .exact {
            out += "  same scenario hash, seed, paths, months, agents, cardsim version and platform as the baseline: outputs must be byte-identical\n"
        } else {
            out += "  the run differs from the baseline's: \(check.identityDifferences.joined(separator: "; "))\n"
        }
        if check.mode == .statistical || !check.passed {
            out += "  tolerance: \(policyText(check.policy))\n"
        }
        for difference in check.fileDifferences {
            if let line = difference.line {
                out += "  \(difference.file) differs from line \(line)" + (difference.location.map { " (\($0))" } ?? "") + ":\n"
                out += "    baseline: \((difference.baseline ?? "").trimmingCharacters(in: .whitespaces))\n"
                out += "    now:      \((difference.current ?? "").trimmingCharacters(in: .whitespaces))\n"
            } else if let prints = difference.fingerprints {
                out += "  \(difference.file) differs (fingerprint \(prints.baseline) in the baseline, \(prints.current) now)\n"
            }
        }
        let moved = check.moved
        if !moved.isEmpty {
            out += "\n" + table(moved, check: check).map { "  " + $0 + "\n" }.joined() + "\n"
        }
        out += "  " + verdictLine(check) + "\n"
        return out
    }

    /// The tolerance rule in words.
    static func policyText(_ policy: TolerancePolicy) -> String {
        var text = "\(Tolerance.plain(policy.sigmas)) combined standard errors"
        if !policy.declared.isEmpty {
            text += "; declared for " + StrategyStatistics.ordered(Set(policy.declared.keys)).joined(separator: ", ")
        }
        return text
    }

    private static func size(_ check: ScenarioCheck) -> String {
        "\(check.kpiCount) KPIs x \(check.strategyCount) \(check.strategyCount == 1 ? "strategy" : "strategies")"
    }

    static func verdictLine(_ check: ScenarioCheck) -> String {
        let moved = check.moved
        if check.passed {
            if check.mode == .exact { return "PASS: summary.json and monthly.csv are byte-identical (\(size(check)))" }
            if moved.isEmpty { return "PASS: \(size(check)), none moved" }
            return "PASS: \(size(check)); \(moved.count) moved, all within tolerance"
        }
        let failures = check.failures
        if check.mode == .exact {
            guard !failures.isEmpty else {
                return "FAIL: the outputs differ from the baseline's, though no KPI's mean or standard error moved"
            }
            let within = failures.filter(\.withinTolerance).count
            return "FAIL: \(failures.count) of \(size(check)) moved (\(within) of them within the statistical tolerance): \(names(failures))"
        }
        return "FAIL: \(failures.count) of \(size(check)) moved beyond tolerance: \(names(failures))"
    }

    /// `net_income, npv` or, with several strategies, `current plan: net_income; no_fee: npv`.
    static func names(_ comparisons: [KPIComparison]) -> String {
        var strategies: [String] = []
        for c in comparisons where !strategies.contains(c.strategy) { strategies.append(c.strategy) }
        if strategies.count == 1 { return comparisons.map(\.kpi).joined(separator: ", ") + " (\(strategies[0]))" }
        return strategies.map { s in "\(s): " + comparisons.filter { $0.strategy == s }.map(\.kpi).joined(separator: ", ") }
            .joined(separator: "; ")
    }

    /// The table's lines: header, then one row per comparison, columns padded.
    static func table(_ rows: [KPIComparison], check: ScenarioCheck) -> [String] {
        var cells = [["strategy", "KPI", "baseline", "now", "difference", "tolerance", "verdict"]]
        for c in rows {
            let tolerance = c.tolerance.map { "\(number($0.value)) (\($0.ruleText))" } ?? ""
            var verdict: String
            if c.baseline == nil { verdict = "FAIL (not in the baseline)" }
            else if c.current == nil { verdict = "FAIL (missing now)" }
            else if check.mode == .exact { verdict = c.withinTolerance ? "FAIL (within tolerance)" : "FAIL (beyond tolerance)" }
            else { verdict = c.withinTolerance ? "ok" : "FAIL" }
            cells.append([c.strategy, c.kpi, c.baseline.map { number($0.mean) } ?? "-", c.current.map { number($0.mean) } ?? "-",
                          c.difference.map { number($0, signed: true) } ?? "-",
                          check.mode == .exact ? "exact; " + tolerance : tolerance, verdict])
        }
        let widths = (0..<cells[0].count).map { column in cells.map { $0[column].count }.max() ?? 0 }
        return cells.map { row in
            row.enumerated().map { i, cell in
                i + 1 == row.count ? cell : cell + String(repeating: " ", count: widths[i] - cell.count)
            }.joined(separator: "  ")
        }
    }

    /// A number for the table: at most 4 significant digits (trailing zeros dropped), with K,
    /// M or B for large magnitudes, scientific notation below 0.001; `+` on positive differences.
    public static func number(_ x: Double, signed: Bool = false) -> String {
        guard x.isFinite else { return x.description }
        let sign = signed && x > 0 ? "+" : ""
        if x == 0 { return "0" }
        if abs(x) < 1e-3 { return sign + String(format: "%.3e", x) }
        var text = QuantityText.compact(x, digits: 4)
        let suffix = text.last.map { "KMB".contains($0) } == true ? String(text.removeLast()) : ""
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return sign + text + suffix
    }

    /// What `--update` changed, one line: KPIs that moved beyond tolerance (named), within it,
    /// and unchanged, judged with the statistical tolerances.
    public static func updateSummary(_ check: ScenarioCheck, file: String) -> String {
        let moved = check.moved
        let beyond = moved.filter { !$0.withinTolerance }
        var text = "updated \(file): "
        if moved.isEmpty {
            text += check.fileDifferences.isEmpty ? "no KPI moved" : "no KPI's mean or standard error moved (other output bytes changed)"
        } else {
            text += "\(beyond.count) KPI\(beyond.count == 1 ? "" : "s") moved beyond tolerance"
            if !beyond.isEmpty { text += " (\(names(beyond)))" }
            text += ", \(moved.count - beyond.count) within it"
        }
        text += ", \(check.comparisons.count - moved.count) unchanged, of \(size(check))"
        if !check.identityDifferences.isEmpty { text += "; identity: " + check.identityDifferences.joined(separator: "; ") }
        return text
    }
}
