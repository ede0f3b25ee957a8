import CardsimEngine
import CardsimScenario

/// The printed report of a calibration: the moment table, the fitted parameters and the
/// findings in words.
public enum CalibrationText {
    public static func report(_ o: CalibrationOutcome, targetsFile: String) -> String {
        var lines = ["calibration of \(o.spec.scenario) to \(targetsFile): \(o.spec.targets.count) targets, \(o.spec.parameters.count) parameters, "
                     + "\(o.rows.count) evaluations of \(o.spec.run.paths) paths x \(o.spec.run.agents) agents"]
        lines.append("distance \(number(o.distance)) (from \(number(o.startDistance)) at the middle of the bounds); "
                     + (o.converged ? "converged" : "NOT converged"))
        lines.append("")
        let errors = o.modelStandardErrors
        var table = [["target", "months", "observed", "tolerance", "model", "± s.e.", "gap/tol", "met"]]
        for (i, t) in o.spec.targets.enumerated() {
            let window: String
            switch t.window {
            case .month(let m): window = "\(m)"
            case .months(let a, let b): window = "\(a)-\(b)"
            case .run: window = "all"
            }
            table.append([t.kpi, window, number(t.value), number(t.tolerance), number(o.model[i]), number(errors[i]),
                          String(format: "%+.2f", (o.model[i] - t.value) / t.tolerance), o.withinTolerance[i] ? "yes" : "NO"])
        }
        lines += aligned(table)
        lines.append("")
        var fitted = [["parameter", "value", "± s.e.", "low", "high"]]
        for (j, p) in o.spec.parameters.enumerated() {
            fitted.append([p.path, number(o.values[j]), o.identification.standardErrors[j].map(number) ?? "not identified",
                           number(p.low), number(p.high)])
        }
        lines += aligned(fitted)
        let findings = o.findings
        if !findings.isEmpty {
            lines.append("")
            lines += findings.map { "- " + $0 }
        }
        return lines.joined(separator: "\n")
    }

    /// Columns left-aligned (the first) and right-aligned (the others), two spaces apart.
    static func aligned(_ rows: [[String]]) -> [String] {
        let widths = rows[0].indices.map { c in rows.map { $0[c].count }.max()! }
        return rows.map { row in
            row.enumerated().map { c, cell in
                let pad = String(repeating: " ", count: widths[c] - cell.count)
                return c == 0 ? cell + pad : pad + cell
            }.joined(separator: "  ").trimmingTrailingSpaces
        }
    }

    /// 5 significant digits, without an exponent for everyday magnitudes.
    public static func number(_ x: Double) -> String {
        guard x.isFinite else { return "n/a" }
        if abs(x) >= 1e5 || (abs(x) < 1e-4 && x != 0) { return String(format: "%.4g", x) }
        let s = String(format: "%.5g", x)
        return s
    }
}

private extension String {
    var trimmingTrailingSpaces: String {
        var s = self
        while s.hasSuffix(" ") { s.removeLast() }
        return s
    }
}
