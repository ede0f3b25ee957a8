import CardsimEngine

/// `campaigns.csv`: every active campaign's arms month by month (`CampaignRecord`), one row
/// per path, strategy, campaign, arm and month, in that nesting. Columns:
///
/// | column | unit | meaning |
/// |---|---|---|
/// | `path`, `strategy` | | the path (0-based) and the strategy's name |
/// | `campaign` | | `reactivation`, `first_swipe` or `precision` |
/// | `arm` | | `treated`, `holdout`; `treated_without`, `holdout_without` = the same customers in the run without the campaign |
/// | `month` | | run month |
/// | `assigned` | agents | customers who joined the arm this month |
/// | `contacts` | units | contacts, gifts or targeted card-months paid for |
/// | `activations`, `active_cards`, `closures`, `charge_off_accounts`, `cards_in_force` | agents | the arm's cards |
/// | `spend`, `revenue`, `credit_losses`, `cost`, `net_income` | yuan | the arm's P&L (`CampaignTally`) |
///
/// Counts and amounts are per agent, not scaled to the region (multiply by `agent_weight` of
/// `summary.json`); numbers are written in round-trip spelling, so reading the file back
/// rebuilds the records exactly and a merge of shards writes the same bytes as one run.
public enum CampaignsFile {
    public static let fileName = "campaigns.csv"
    static let header = ["path", "strategy", "campaign", "arm", "month", "assigned", "contacts", "activations",
                         "active_cards", "closures", "charge_off_accounts", "cards_in_force", "spend", "revenue",
                         "credit_losses", "cost", "net_income"]

    static let fields: [WritableKeyPath<CampaignTally, Double>] = [
        \.assigned, \.contacts, \.activations, \.activeCards, \.closures, \.chargeOffAccounts, \.cardsInForce,
        \.spend, \.revenue, \.creditLosses, \.cost, \.netIncome,
    ]

    /// The text for results sorted by path index; `strategyNames[s]` names `campaigns[s]`.
    public static func text(results: [PathResult], strategyNames: [String]) -> String {
        var out = CSV.record(header)
        let names = strategyNames.map(CSV.field)
        for result in results {
            for (s, records) in result.campaigns.enumerated() {
                for record in records {
                    for arm in CampaignArm.allCases {
                        for (t, tally) in record.arms[arm.rawValue].enumerated() {
                            out += "\(result.path),\(names[s]),\(record.kind.name),\(arm.name),\(t + 1)"
                            for f in fields { out += "," + NumberText.double(tally[keyPath: f]) }
                            out += "\n"
                        }
                    }
                }
            }
        }
        return out
    }

    /// Reads the text back into `results` (which must hold the paths it lists): each path gets,
    /// per strategy, the campaigns `campaigns[s]` names (the scenario's active campaigns), each
    /// with four arms of `months` months. `file` names the file in errors.
    public static func read(_ text: String, into results: inout [PathResult], strategyNames: [String],
                            campaigns: [[CampaignKind]], months: Int, file: String = fileName) throws {
        let reader = PathRowsReader(fileName: fileName, file: file), bad = reader.bad
        let rows = try reader.records(text, header: header)
        let position = PathRowsReader.positions(results)
        for k in results.indices {
            results[k].campaigns = campaigns.map { kinds in
                kinds.map { CampaignRecord(kind: $0, arms: Array(repeating: [], count: CampaignArm.allCases.count)) }
            }
        }
        for (r, row) in rows.enumerated().dropFirst() {
            let line = r + 1
            let (k, path, s) = try reader.locate(row, line: line, width: header.count, positions: position, strategyNames: strategyNames)
            guard let c = results[k].campaigns[s].firstIndex(where: { Substring($0.kind.name) == row[2] }) else {
                throw bad("line \(line): '\(row[2])' is not an active campaign of '\(row[1])'")
            }
            guard let arm = CampaignArm.allCases.first(where: { Substring($0.name) == row[3] }) else {
                throw bad("line \(line): unknown arm '\(row[3])'; expected treated, holdout, treated_without or holdout_without")
            }
            guard let month = Int(row[4]), month == results[k].campaigns[s][c].arms[arm.rawValue].count + 1 else {
                throw bad("line \(line): expected the next month of path \(path), '\(row[1])', \(row[2]), \(row[3]); found month '\(row[4])'")
            }
            var tally = CampaignTally()
            for (f, field) in fields.enumerated() {
                guard let v = Double(row[5 + f]) else { throw bad("line \(line): '\(row[5 + f])' in \(header[5 + f]) is not a number") }
                tally[keyPath: field] = v
            }
            results[k].campaigns[s][c].arms[arm.rawValue].append(tally)
        }
        for result in results {
            for (s, records) in result.campaigns.enumerated() {
                for record in records where record.arms.contains(where: { $0.count != months }) {
                    throw bad("path \(result.path) of '\(strategyNames[s])': \(record.kind.name) lacks months (expected \(months) per arm)")
                }
            }
        }
    }
}
