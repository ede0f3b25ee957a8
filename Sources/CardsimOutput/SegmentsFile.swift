import CardsimEngine

/// `segments.csv`: every KPI count and amount by market segment, one row per path, strategy,
/// month and segment, in that nesting (`SegmentFlows`). Columns: `path`, `strategy`, `month`,
/// `segment`, then `applications`, `new_accounts`, `activations`, `closures`,
/// `charge_off_accounts`, `cards_in_force`, `active_cards` (agents) and `spend`,
/// `interest_and_fees`, `charge_offs`, `receivables` (yuan, fen written with two decimals).
///
/// Over the segments of a path, strategy and month the columns sum exactly to the same month of
/// `ledger.csv` (`applications`, `new_accounts`, `activations`, `closures`,
/// `charge_off_accounts`, `cards_in_force`, `active_cards`, `spend`, interest plus the four
/// fees, `charge_offs`, `receivables_closing`). Counts are agents, not scaled to the region.
public enum SegmentsFile {
    public static let fileName = "segments.csv"
    static let header = ["path", "strategy", "month", "segment"] + SegmentFlows.fields.map(\.name)

    /// The text for results sorted by path; `segmentNames` in `Market.segments` order.
    public static func text(results: [PathResult], strategyNames: [String], segmentNames: [String]) -> String {
        var out = CSV.record(header)
        let names = strategyNames.map(CSV.field), segments = segmentNames.map(CSV.field)
        for result in results {
            for (s, months) in result.segments.enumerated() {
                for (t, groups) in months.enumerated() {
                    for (g, flows) in groups.enumerated() {
                        out += "\(result.path),\(names[s]),\(t + 1),\(g < segments.count ? segments[g] : String(g))"
                        for f in SegmentFlows.fields {
                            let v = flows[keyPath: f.path]
                            out += "," + (f.fen ? NumberText.yuan(fen: v) : String(v))
                        }
                        out += "\n"
                    }
                }
            }
        }
        return out
    }

    /// Reads the text back into `results` (which must hold the paths it lists): each path gets
    /// `months` months of `segmentNames.count` segments per strategy, or none if the file has
    /// no rows. `file` names the file in errors.
    public static func read(_ text: String, into results: inout [PathResult], strategyNames: [String],
                            segmentNames: [String], months: Int, file: String = fileName) throws {
        let reader = PathRowsReader(fileName: fileName, file: file), bad = reader.bad
        let rows = try reader.records(text, header: header)
        let position = PathRowsReader.positions(results)
        for k in results.indices { results[k].segments = [] }
        guard rows.count > 1 else { return }
        for k in results.indices {
            results[k].segments = Array(repeating: Array(repeating: [], count: months), count: strategyNames.count)
        }
        for (r, row) in rows.enumerated().dropFirst() {
            let line = r + 1
            let (k, path, s) = try reader.locate(row, line: line, width: header.count, positions: position, strategyNames: strategyNames)
            guard let month = Int(row[2]), (1...max(months, 1)).contains(month) else { throw bad("line \(line): month '\(row[2])' is not in 1...\(months)") }
            let g = results[k].segments[s][month - 1].count
            guard g < segmentNames.count, row[3] == Substring(segmentNames[g]) else {
                throw bad("line \(line): expected segment '\(g < segmentNames.count ? segmentNames[g] : "none")' of path \(path), '\(row[1])', month \(month); found '\(row[3])'")
            }
            var flows = SegmentFlows()
            for (j, f) in SegmentFlows.fields.enumerated() {
                let cell = row[4 + j]
                guard let v = f.fen ? NumberText.fen(yuan: cell) : Int64(cell) else {
                    throw bad("line \(line): '\(cell)' in \(f.name) is not \(f.fen ? "a yuan amount" : "a count")")
                }
                flows[keyPath: f.path] = v
            }
            results[k].segments[s][month - 1].append(flows)
        }
        for result in results where result.segments.contains(where: { $0.contains { $0.count != segmentNames.count } }) {
            throw bad("path \(result.path) lacks segment rows (expected \(segmentNames.count) per strategy and month)")
        }
    }
}
