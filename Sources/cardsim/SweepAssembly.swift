import CardsimEngine
import CardsimOutput
import CardsimReport
import CardsimScenario
import CardsimSweep
import Foundation

/// The tables of a finished sweep: read every point's results, write sweep.csv, optimum.json,
/// tornado.csv, morris.csv (Morris designs) and tornado.png, and print the optimum and the
/// tornado's largest bars.
struct SweepAssembly {
    var plan: SweepPlan
    var store: PointStore
    var scenarioFile: String

    func write(chart: Bool) throws {
        let settings = plan.settings
        let results = try sweepCatching { try plan.points.map { try store.results($0) } }
        let dir = store.directory
        func put(_ name: String, _ text: String) throws {
            try sweepCatching { try store.write(text, to: dir.appendingPathComponent(name)) }
        }
        try put(SweepTables.sweepFileName, SweepTables.sweepCSV(plan, results: results))
        if let morris = SweepTables.morrisCSV(plan, results: results) { try put(SweepTables.morrisFileName, morris) }

        let rows = zip(plan.points, results).flatMap { point, r in
            r.strategies.indices.map { Optimum.Row(point: point, strategy: $0, results: r) }
        }
        let optimum = Optimum(rows: rows, kpi: settings.objective, goal: settings.goal, constraints: settings.constraints)
        try put(SweepTables.optimumFileName, SweepTables.optimumJSON(optimum, plan: plan))

        let byNumber = Dictionary(uniqueKeysWithValues: zip(plan.points.map(\.number), results))
        let kpi = settings.objective
        let tornado = try sweepCatching {
            try Tornado(plan: plan, kpi: kpi, strategyNames: results.first?.strategies ?? []) { point, s in
                let r = byNumber[point.number]!
                return Tornado.PointValue(mean: r.means[s][kpi] ?? .nan, standardError: r.standardErrors[s][kpi] ?? .nan,
                                          paths: try store.pathValues(point, kpi: kpi, strategy: s, of: r.strategies))
            }
        }
        try put(SweepTables.tornadoFileName, SweepTables.tornadoCSV(tornado))

        print(summary(optimum, tornado: tornado, pointCount: plan.points.count))
        if chart {
            let drawn = tornado.chart()
            let gnuplot = try ReportInput.gnuplot()
            let data = try ReportInput.catching { try gnuplot.render(drawn.script(.png), name: drawn.name) }
            try sweepCatching { try store.write(data, to: dir.appendingPathComponent("tornado.png")) }
        }
        print("Output: \(store.directory.path)")
        fflush(stdout)
    }

    /// The printed report: points, the optimum with its constraints, the largest tornado bars.
    private func summary(_ optimum: Optimum, tornado: Tornado, pointCount: Int) -> String {
        let s = plan.settings
        var lines = ["sweep of \(scenarioFile): \(s.design.rawValue) design, \(plan.designPoints.count) design points + "
                     + "\(pointCount - plan.designPoints.count) one-at-a-time points over \(s.parameters.count) parameters"]
        let constraintText = optimum.constraints.isEmpty ? "no constraints"
            : optimum.constraints.map(\.constraintText).joined(separator: ", ")
        lines.append("objective: \(s.goal.rawValue) \(s.objective) subject to \(constraintText)")
        if let best = optimum.best {
            let values = zip(s.parameters, best.point.values).map { p, v in "\(p.path)=\(v.map(ValueText.text) ?? "(scenario's)")" }
            lines.append("optimum: point \(plan.name(best.point)) (\(best.point.role.name)), strategy \(best.results.strategies[best.strategy]): "
                         + values.joined(separator: " "))
            let unit = KPI.named(s.objective)?.unit ?? ""
            lines.append("  \(s.objective) = " + QuantityText.withError(best.mean(s.objective), best.results.standardErrors[best.strategy][s.objective], unit: unit))
            for c in optimum.checks {
                let cUnit = KPI.named(c.constraint.kpi)?.unit ?? ""
                lines.append("  \(c.constraint.constraintText): \(QuantityText.withError(c.mean, nil, unit: cUnit)) \(c.met ? "met" : "NOT met")")
            }
            lines.append("  \(optimum.feasible) of \(optimum.rows) rows meet the constraints")
        } else {
            lines.append("optimum: none of the \(optimum.rows) rows meets the constraints")
        }
        lines.append("tornado of \(tornado.kpi) (scenario: \(QuantityText.withError(tornado.base, nil, unit: KPI.named(tornado.kpi)?.unit ?? ""))), largest first:")
        for b in tornado.bars.prefix(5) {
            let unit = KPI.named(tornado.kpi)?.unit ?? ""
            func change(_ x: Double, _ se: Double?) -> String { (x >= 0 ? "+" : "") + QuantityText.withError(x, se, unit: unit) }
            lines.append("  \(b.path): \(ValueText.text(b.low)) -> \(change(b.changeLow, b.changeLowStandardError)), "
                         + "\(ValueText.text(b.high)) -> \(change(b.changeHigh, b.changeHighStandardError))")
        }
        return lines.joined(separator: "\n")
    }
}
