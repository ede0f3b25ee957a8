import CardsimOutput
import Foundation

extension PointStore {
    /// One KPI's value on every path of a finished point, for strategy `strategy` (0 = the
    /// champion) of `strategies` (the point's strategies in scenario order), read from the
    /// point's `paths.csv` (`PathTable`: one row per path and strategy, path-major; the last
    /// columns are the KPIs). Values are in path order, in the KPI's unit.
    public func pathValues(_ point: SweepPoint, kpi: String, strategy: Int, of strategies: [String]) throws -> [Double] {
        let file = url(point).appendingPathComponent(PathTable.fileName)
        func bad(_ what: String) -> SweepError {
            SweepError(.input, "\(file.path): \(what)",
                       help: "Remove that point's directory and run the sweep again; it will be recomputed.")
        }
        guard let data = FileManager.default.contents(atPath: file.path) else { throw bad("cannot be read") }
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: true)
        guard let head = lines.first?.split(separator: ",", omittingEmptySubsequences: false).map(String.init),
              head.count > 2, head[0] == "path", head[1] == "strategy" else {
            throw bad("not a cardsim paths table (expected a header 'path,strategy,…')")
        }
        guard let k = head.dropFirst(2).firstIndex(of: kpi) else { throw bad("has no column '\(kpi)'") }
        let fromEnd = head.count - k  // the KPI's position counted from the end (strategy names may hold commas)
        let rows = lines.dropFirst()
        guard !strategies.isEmpty, rows.count % strategies.count == 0 else {
            throw bad("\(rows.count) rows are not one per path for each of \(strategies.count) strategies")
        }
        let name = CSV.field(strategies[strategy])
        var values: [Double] = []
        for (r, line) in rows.enumerated() where r % strategies.count == strategy {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            let path = r / strategies.count
            guard fields.count >= head.count, fields[0] == "\(path)",
                  fields[1..<(fields.count - head.count + 2)].joined(separator: ",") == name else {
                throw bad("line \(r + 2) is not path \(path) of strategy \(name)")
            }
            guard let v = Double(fields[fields.count - fromEnd]) else {
                throw bad("line \(r + 2): '\(fields[fields.count - fromEnd])' is not a number")
            }
            values.append(v)
        }
        return values
    }
}
