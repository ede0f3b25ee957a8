import CardsimEngine
import CardsimOutput
import CardsimScenario

/// The text of a sweep's tables. Numbers are written in their shortest round-trip spelling, so
/// the same points give the same bytes.
public enum SweepTables {
    public static let sweepFileName = "sweep.csv"
    public static let morrisFileName = "morris.csv"
    public static let tornadoFileName = "tornado.csv"
    public static let optimumFileName = "optimum.json"

    /// `sweep.csv`: one row per point and strategy:
    /// `point,role,PARAM...,strategy,KPI_mean,KPI_se,...` with every KPI of `KPI.all`. A
    /// parameter cell is empty where the point keeps the scenario's value (base, low, high rows
    /// of other parameters).
    public static func sweepCSV(_ plan: SweepPlan, results: [PointResults]) -> String {
        let kpis = KPI.all.map(\.id)
        var out = CSV.record(["point", "role"] + plan.settings.parameters.map(\.path) + ["strategy"]
                             + kpis.flatMap { ["\($0)_mean", "\($0)_se"] })
        for (point, r) in zip(plan.points, results) {
            for (s, name) in r.strategies.enumerated() {
                let values = point.values.map { $0.map(ValueText.text) ?? "" }
                let stats = kpis.flatMap { [number(r.means[s][$0]), number(r.standardErrors[s][$0])] }
                out += CSV.record([plan.name(point), point.role.name] + values + [name] + stats)
            }
        }
        return out
    }

    /// `morris.csv`: `strategy,kpi,parameter,mu,mu_star,sigma,rank` for every strategy, KPI
    /// and parameter (rank 1 = largest mu*), in KPI and parameter order.
    public static func morrisCSV(_ plan: SweepPlan, results: [PointResults]) -> String? {
        guard let design = plan.morris else { return nil }
        let designResults = zip(plan.points, results).filter { $0.0.role == .design }.map(\.1)
        var out = CSV.record(["strategy", "kpi", "parameter", "mu", "mu_star", "sigma", "rank"])
        guard let strategies = designResults.first?.strategies else { return out }
        for (s, name) in strategies.enumerated() {
            for kpi in KPI.all.map(\.id) {
                let effects = ElementaryEffects(design: design, outputs: designResults.map { $0.means[s][kpi] ?? .nan })
                var rank = [Int](repeating: 0, count: effects.indices.count)
                for (position, i) in effects.ranking.enumerated() { rank[i] = position + 1 }
                for (i, index) in effects.indices.enumerated() {
                    out += CSV.record([name, kpi, plan.settings.parameters[i].path, number(index.mu), number(index.muStar),
                                       number(index.sigma), String(rank[i])])
                }
            }
        }
        return out
    }

    /// `tornado.csv`: `kpi,parameter,low,high,base,at_low,at_high,change_low,change_high,`
    /// `base_se,at_low_se,at_high_se,change_low_se,change_high_se`, bars largest first. The
    /// `_se` columns are Monte Carlo standard errors in the KPI's unit: of each point's own mean
    /// (`base_se`, `at_low_se`, `at_high_se`, as in sweep.csv) and of the paired changes from
    /// the base point (`change_low_se`, `change_high_se`, from the per-path differences).
    public static func tornadoCSV(_ tornado: Tornado) -> String {
        var out = CSV.record(tornadoColumns)
        for b in tornado.bars {
            out += CSV.record([tornado.kpi, b.path, ValueText.text(b.low), ValueText.text(b.high), number(b.strategyBase ?? tornado.base),
                               number(b.atLow), number(b.atHigh), number(b.changeLow), number(b.changeHigh),
                               number(tornado.baseStandardError), number(b.atLowStandardError), number(b.atHighStandardError),
                               number(b.changeLowStandardError), number(b.changeHighStandardError), b.strategy ?? ""])
        }
        return out
    }

    /// The header of `tornado.csv`.
    /// `base` is the KPI at the scenario itself for the bar's strategy; `strategy` names the
    /// challenger a bar is measured on (empty: the champion).
    public static let tornadoColumns = ["kpi", "parameter", "low", "high", "base", "at_low", "at_high", "change_low", "change_high",
                                        "base_se", "at_low_se", "at_high_se", "change_low_se", "change_high_se", "strategy"]

    /// `optimum.json`: the objective, the constraints, how many rows met them and the best row
    /// (point, role, strategy, parameter values, every KPI's mean and standard error, and each
    /// constraint's mean and verdict); `best` is null when no row meets the constraints.
    public static func optimumJSON(_ optimum: Optimum, plan: SweepPlan) -> String {
        var root: [String: JSONText] = [
            "objective": .object(["kpi": .string(optimum.kpi), "goal": .string(optimum.goal.rawValue)]),
            "constraints": .array(optimum.constraints.map(constraint)),
            "rows": .integer(Int64(optimum.rows)),
            "feasible_rows": .integer(Int64(optimum.feasible)),
            "best": .null,
        ]
        if let best = optimum.best {
            var parameters: [String: JSONText] = [:]
            for (p, v) in zip(plan.settings.parameters, best.point.values) { parameters[p.path] = v.map(JSONText.double) ?? .null }
            var kpis: [String: JSONText] = [:]
            for id in KPI.all.map(\.id) {
                kpis[id] = .object(["mean": .double(best.results.means[best.strategy][id] ?? .nan),
                                    "standard_error": .double(best.results.standardErrors[best.strategy][id] ?? .nan)])
            }
            root["best"] = .object([
                "point": .string(plan.name(best.point)), "role": .string(best.point.role.name),
                "strategy": .string(best.results.strategies[best.strategy]),
                "parameters": .object(parameters), "kpis": .object(kpis),
                "constraints": .array(optimum.checks.map { c in
                    var members = constraintMembers(c.constraint)
                    members["mean"] = .double(c.mean); members["met"] = .bool(c.met)
                    return .object(members)
                }),
            ])
        }
        return JSONText.object(root).document
    }

    private static func constraint(_ c: KPITarget) -> JSONText { .object(constraintMembers(c)) }

    private static func constraintMembers(_ c: KPITarget) -> [String: JSONText] {
        ["kpi": .string(c.kpi), "relation": .string(c.relation.rawValue), "threshold": .double(c.threshold)]
    }

    private static func number(_ x: Double?) -> String { x.map { $0.isNaN ? "" : $0.description } ?? "" }
}
