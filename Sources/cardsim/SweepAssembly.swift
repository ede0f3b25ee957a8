import CardsimEngine
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
            try Tornado(plan: plan, kpi: kpi) { point in
                let r = byNumber[point.number]!
                return Tornado.PointValue(mean: r.means[0][kpi] ?? .nan, standardError: r.standardErrors[0][kpi] ?? .nan,
                                          paths: try store.pathValues(point, kpi: kpi, strategy: 0, of: r.strategies))
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
            lines.append("  \(s.objective) = \(best.mean(s.objective)) ± \(best.results.standardErrors[best.strategy][s.objective] ?? .nan)")
            for c in optimum.checks {
                lines.append("  \(c.constraint.constraintText): \(c.mean) \(c.met ? "met" : "NOT met")")
            }
            lines.append("  \(optimum.feasible) of \(optimum.rows) rows meet the constraints")
        } else {
            lines.append("optimum: none of the \(optimum.rows) rows meets the constraints")
        }
        lines.append("tornado of \(tornado.kpi) (scenario: \(tornado.base)), largest first:")
        for b in tornado.bars.prefix(5) {
            lines.append("  \(b.path): \(ValueText.text(b.low)) -> \(b.changeLow >= 0 ? "+" : "")\(b.changeLow), "
                         + "\(ValueText.text(b.high)) -> \(b.changeHigh >= 0 ? "+" : "")\(b.changeHigh)")
        }
        return lines.joined(separator: "\n")
    }
}
