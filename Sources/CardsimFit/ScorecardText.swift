import Foundation

/// YAML scalars written the same way every time.
enum YAMLText {
    /// A double-quoted string with `\` escapes, so any column name reads back as itself.
    static func string(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    out += String(format: "\\u%04X", scalar.value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    /// The shortest text that reads back as the same double (`-7.62e-07`, `0.724`, `1e+16`).
    static func number(_ v: Double) -> String { "\(v)" }
}

extension ScorecardResult {
    /// The model file: deterministic (same data and options give the same bytes), in the shape
    /// of a scenario's `bank.risk.scorecard` section.
    public var yaml: String {
        let card = scorecard
        let file = (source as NSString).lastPathComponent
        var lines = [
            "# Logistic scorecard fitted by `cardsim fit scorecard` from \(file).",
            "# P(\(card.target) = \(card.positive)) = 1 / (1 + exp(-(intercept + sum of coefficient x value))), with each",
            "# value in the units of its column. standard_error: from the inverse Fisher information;",
            "# mean, sd: the column's mean and sample standard deviation in the fitting data.",
            "# \(card.metrics.n) rows, \(card.metrics.events) events; IRLS converged in \(fit.iterations) iteration\(fit.iterations == 1 ? "" : "s"),"
                + " log-likelihood \(NumberFormat.fixed(fit.logLikelihood, 4)) (intercept only: \(NumberFormat.fixed(fit.nullLogLikelihood, 4))).",
            "# The mapping is the value of a scenario's bank.risk.scorecard section.",
            "name: \(YAMLText.string(card.name))",
            "target: \(YAMLText.string(card.target))",
            "features:",
        ]
        for f in card.features {
            lines.append("  - {name: \(YAMLText.string(f.name)), coefficient: \(YAMLText.number(f.coefficient)), "
                         + "standard_error: \(YAMLText.number(f.standardError)), mean: \(YAMLText.number(f.mean)), "
                         + "sd: \(YAMLText.number(f.sd))}")
        }
        lines.append("intercept: \(YAMLText.number(card.intercept))  # standard error \(YAMLText.number(card.interceptStandardError))")
        let m = card.metrics
        lines.append("metrics: {auc: \(YAMLText.number(m.auc)), ks: \(YAMLText.number(m.ks)), gini: \(YAMLText.number(m.gini)), "
                     + "n: \(m.n), events: \(m.events)}")
        return lines.joined(separator: "\n") + "\n"
    }

    /// What `cardsim fit scorecard` prints: the data, the coefficients with standard errors,
    /// AUC, KS, Gini and the calibration table.
    public var report: String {
        let card = scorecard
        let m = card.metrics
        var out: [String] = []
        out.append("scorecard \(card.name): \(card.target) = \(card.positive) from \(source)")
        out.append("\(m.n) rows, \(m.events) events (\(NumberFormat.fixed(100 * Double(m.events) / Double(m.n), 2))%), \(card.features.count) features")
        if !skipped.isEmpty { out.append("left out (not numeric): \(skipped.joined(separator: ", "))") }
        out.append("IRLS converged in \(fit.iterations) iteration\(fit.iterations == 1 ? "" : "s"); log-likelihood \(NumberFormat.fixed(fit.logLikelihood, 2)) "
                   + "(intercept only: \(NumberFormat.fixed(fit.nullLogLikelihood, 2)))")
        out.append("")

        var rows = [["feature", "coefficient", "std. error", "z", "p-value", "per sd"]]
        func pValue(_ z: Double) -> String {
            let p = erfc(abs(z) / 2.0.squareRoot())
            return p < 1e-300 ? "<1e-300" : NumberFormat.significant(p, 2)
        }
        let z0 = card.intercept / card.interceptStandardError
        rows.append(["(intercept)", NumberFormat.significant(card.intercept, 6), NumberFormat.significant(card.interceptStandardError, 4),
                     NumberFormat.fixed(z0, 2), pValue(z0), ""])
        for (j, f) in card.features.enumerated() {
            let z = f.coefficient / f.standardError
            rows.append([f.name, NumberFormat.significant(f.coefficient, 6), NumberFormat.significant(f.standardError, 4),
                         NumberFormat.fixed(z, 2), pValue(z), NumberFormat.fixed(fit.standardizedCoefficients[j], 4)])
        }
        out += TextTable.render(rows, leftAligned: [0])
        out.append("")
        out.append("AUC \(NumberFormat.fixed(m.auc, 4))   KS \(NumberFormat.fixed(m.ks, 4))   Gini \(NumberFormat.fixed(m.gini, 4))")
        out.append("")
        out.append("calibration by decile of predicted probability (1 = lowest)")
        var table = [["decile", "rows", "events", "mean predicted", "observed rate", "predicted range"]]
        for band in calibration {
            table.append([String(band.decile), String(band.count), String(band.events), NumberFormat.fixed(band.meanPredicted, 4),
                          NumberFormat.fixed(band.observedRate, 4),
                          "\(NumberFormat.fixed(band.lowest, 4)) - \(NumberFormat.fixed(band.highest, 4))"])
        }
        out += TextTable.render(table)
        return out.joined(separator: "\n") + "\n"
    }
}

/// Plain-text tables with right-aligned numbers.
enum TextTable {
    static func render(_ rows: [[String]], leftAligned: Set<Int> = []) -> [String] {
        let columns = rows.map(\.count).max() ?? 0
        let widths = (0..<columns).map { c in rows.map { c < $0.count ? $0[c].count : 0 }.max() ?? 0 }
        return rows.map { row in
            row.enumerated().map { c, cell in
                let pad = String(repeating: " ", count: widths[c] - cell.count)
                return leftAligned.contains(c) ? cell + pad : pad + cell
            }.joined(separator: "  ").replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)
        }
    }
}
