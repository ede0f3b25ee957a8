import CardsimScenario

/// What a calibration found: the best parameters seen, how well each target is met, the
/// standard errors and what the targets cannot identify.
public struct CalibrationOutcome: Sendable {
    public var spec: CalibrationSpec
    /// The best evaluation of the search.
    public var best: TraceRow
    /// The fitted values (as evaluated), in `spec.parameters` order.
    public var values: [Double]
    /// The moments at the fitted values, path by path.
    public var sample: MomentSample
    /// d model_k / d parameter_j at the fitted values.
    public var jacobian: [[Double]]
    public var rows: [TraceRow]
    /// Whether the start that found the best point converged (its simplex shrank to a
    /// thousandth of each range) within its budget.
    public var converged: Bool
    public var identification: Identification
    /// The best distance of the search itself; above `distance` when a finite-difference step
    /// of the standard errors found a better point.
    public var searchDistance: Double

    init(spec: CalibrationSpec, best: TraceRow, values: [Double], sample: MomentSample, jacobian: [[Double]],
         rows: [TraceRow], converged: Bool, searchDistance: Double) {
        self.spec = spec; self.best = best; self.values = values; self.sample = sample; self.jacobian = jacobian
        self.rows = rows; self.converged = converged; self.searchDistance = searchDistance
        identification = Identification(jacobian: jacobian, ranges: spec.parameters.map { $0.high - $0.low },
                                        tolerances: spec.targets.map(\.tolerance), covariance: sample.covarianceOfMeans)
    }

    public var distance: Double { best.distance }
    /// The distance at the first evaluation (the middle of the bounds).
    public var startDistance: Double { rows[0].distance }
    public var model: [Double] { best.model }

    /// Monte Carlo standard error of each target's model moment at the fitted values.
    public var modelStandardErrors: [Double] {
        sample.covarianceOfMeans.indices.map { sample.covarianceOfMeans[$0][$0].squareRoot() }
    }

    public var contributions: [Double] { MomentDistance.contributions(model: model, targets: spec.targets) }

    /// Whether the model is within each target's tolerance.
    public var withinTolerance: [Bool] { zip(model, spec.targets).map { abs($0 - $1.value) <= $1.tolerance } }

    /// The findings in words: targets not reached, parameters not identified, flat directions,
    /// bounds reached, and whether the search converged.
    public var findings: [String] {
        var lines: [String] = []
        for (i, t) in spec.targets.enumerated() where !withinTolerance[i] {
            lines.append("target \(t.kpi) (\(t.window.text)) is not reached within its tolerance: the model gives "
                         + "\(Self.text(model[i])) ± \(Self.text(modelStandardErrors[i])), the target is \(Self.text(t.value)) ± \(Self.text(t.tolerance)) "
                         + "(\(Self.text(abs(model[i] - t.value) / t.tolerance)) tolerances away) at the best fit: the other targets or the bounds hold it there")
        }
        let id = identification
        for (j, p) in spec.parameters.enumerated() where !id.identified[j] {
            lines.append("\(p.path) is not identified by these targets: moving it across its whole range "
                         + "(\(Self.text(p.low)) to \(Self.text(p.high))) alone moves the moments by \(Self.text(id.reach[j])) "
                         + "tolerances (root sum of squares), less than one; its fitted value is arbitrary and has no standard error")
        }
        for d in id.flatDirections where d.loadings.filter({ $0 * $0 > Identification.flatLoading }).count > 1 {
            let parts = zip(spec.parameters, d.loadings).filter { $0.1 * $0.1 > 0.01 }
                .map { "\($0.1 >= 0 ? "+" : "-")\(Self.text(abs($0.1))) \($0.0.path)" }
            lines.append("the targets cannot tell apart changes along \(parts.joined(separator: " ")) (in units of each range): "
                         + "moving along it across the range moves the moments by \(Self.text(d.movement)) tolerances")
        }
        for (j, p) in spec.parameters.enumerated() {
            if values[j] == p.low || values[j] == p.high {
                lines.append("\(p.path) ends at its \(values[j] == p.low ? "lower" : "upper") bound \(Self.text(values[j])): "
                             + "the targets may want it beyond; widen the bounds if the value is plausible")
            }
        }
        if searchDistance > distance {
            lines.append("a finite-difference step of the standard errors found a better point (distance \(Self.text(distance))) than the search "
                         + "(\(Self.text(searchDistance))), which is reported: the distance is rough at the scale of the search; more paths or agents smooth it")
        }
        if !converged {
            lines.append("the search did not converge within \(spec.run.maxEvaluations) evaluations: raise run.max_evaluations or --max-evaluations")
        }
        return lines
    }

    /// A number in 4 significant digits for sentences.
    static func text(_ x: Double) -> String {
        guard x.isFinite else { return "n/a" }
        let s = "\(Double(String(format: "%.4g", x)) ?? x)"
        return s.hasSuffix(".0") ? String(s.dropLast(2)) : s
    }
}
