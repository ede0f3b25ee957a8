import CardsimOutput
import CardsimScenario

/// `calibration.json`: the fitted parameters with their standard errors, each target beside
/// the model, the distance and the findings in words. Keys sorted, doubles in shortest
/// round-trip spelling; nothing in it depends on the thread count or on resuming.
public enum CalibrationJSON {
    public static let fileName = "calibration.json"
    public static let format = "cardsim-calibration-1"

    public static func text(_ o: CalibrationOutcome, identity: String, targetsFile: String) -> String {
        let id = o.identification
        var parameters: [String: JSONText] = [:]
        for (j, p) in o.spec.parameters.enumerated() {
            parameters[p.path] = .object([
                "value": .double(o.values[j]), "low": .double(p.low), "high": .double(p.high),
                "standard_error": id.standardErrors[j].map(JSONText.double) ?? .null,
                "monte_carlo_standard_error": id.monteCarloStandardErrors[j].map(JSONText.double) ?? .null,
                "identified": .bool(id.identified[j]),
                "reach_tolerances": .double(id.reach[j]),
            ])
        }
        let errors = o.modelStandardErrors, contributions = o.contributions, within = o.withinTolerance
        let targets: [JSONText] = o.spec.targets.enumerated().map { i, t in
            var m: [String: JSONText] = [
                "kpi": .string(t.kpi), "target": .double(t.value), "tolerance": .double(t.tolerance),
                "model": .double(o.model[i]), "model_standard_error": .double(errors[i]),
                "contribution": .double(contributions[i]), "within_tolerance": .bool(within[i]), "source": .string(t.source),
            ]
            switch t.window {
            case .month(let month): m["month"] = .integer(Int64(month))
            case .months(let a, let b): m["months"] = .string("\(a)-\(b)")
            case .run: m["months"] = .string("all")
            }
            return .object(m)
        }
        let flat: [JSONText] = id.flatDirections.map { d in
            .object(["loadings": .object(Dictionary(uniqueKeysWithValues: zip(o.spec.parameters.map(\.path), d.loadings.map(JSONText.double)))),
                     "movement_tolerances": .double(d.movement)])
        }
        let r = o.spec.run
        let root: JSONText = .object([
            "format": .string(format), "cardsim_version": .string(CardsimVersion.current), "identity": .string(identity),
            "targets_file": .string(targetsFile), "scenario": .string(o.spec.scenario),
            "run": .object(["paths": .integer(Int64(r.paths)), "agents": .integer(Int64(r.agents)),
                            "months": r.months.map { .integer(Int64($0)) } ?? .null, "seed": r.seed.map(JSONText.unsigned) ?? .null,
                            "starts": .integer(Int64(r.starts)), "max_evaluations": .integer(Int64(r.maxEvaluations))]),
            "parameters": .object(parameters), "targets": .array(targets),
            "distance": .double(o.distance), "start_distance": .double(o.startDistance),
            "evaluations": .integer(Int64(o.rows.count)), "best_evaluation": .integer(Int64(o.best.number)),
            "converged": .bool(o.converged), "flat_directions": .array(flat), "findings": .array(o.findings.map(JSONText.string)),
        ])
        return root.document
    }

    /// The `identity` of a finished calibration's file, if it is one.
    public static func identity(in text: String) -> String? {
        guard let range = text.range(of: "\"identity\": \"") else { return nil }
        let rest = text[range.upperBound...]
        return rest.firstIndex(of: "\"").map { String(rest[..<$0]) }
    }
}
