import CardsimEngine

/// `moves.csv`: every competitor move that fired, one row per path, strategy and move, in path,
/// strategy and month order. Columns: `path,strategy,month,competitor,move,kind` (the move's
/// name, and `scripted` or `reactive`), then the
/// competitor's terms in force from that month, one column per `OfferField`.
///
/// The rows are read off the ledger's `moves_fired` and competitor terms, so a merged run writes
/// the same file as an unsharded one.
public enum MovesTable {
    public static let fileName = "moves.csv"

    public static func text(scenario: Scenario, results: [PathResult]) -> String {
        let fields = OfferField.allCases
        var out = CSV.record(["path", "strategy", "month", "competitor", "move", "kind"] + fields.map(\.rawValue))
        let moves = MoveIndex.all(scenario.competitors)
        let names = scenario.strategies.map { CSV.field($0.name) }
        for result in results {
            for (s, records) in result.months.enumerated() {
                for (t, record) in records.enumerated() where record.ledger.movesFired != 0 {
                    for (bit, m) in moves.enumerated() where record.ledger.movesFired & (1 << Int64(bit)) != 0 {
                        let competitor = scenario.competitors[m.competitor]
                        let terms = record.ledger.competitorTerms[(m.competitor * fields.count)...].prefix(fields.count)
                        let move = competitor.moves[m.move]
                        out += "\(result.path),\(names[s]),\(t + 1),\(CSV.field(competitor.name)),\(CSV.field(move.name)),"
                        out += move.kind.rawValue
                        for v in terms { out += ","; out += NumberText.double(v) }
                        out += "\n"
                    }
                }
            }
        }
        return out
    }
}
