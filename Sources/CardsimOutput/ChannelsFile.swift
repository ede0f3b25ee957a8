import CardsimEngine

/// `channels.csv`: each acquisition channel over the run (`ChannelTally`), one row per path,
/// strategy and channel. Columns:
///
/// | column | unit | meaning |
/// |---|---|---|
/// | `path`, `strategy`, `channel` | | |
/// | `applications`, `new_accounts` | agents | through the channel during the run |
/// | `acquisition_cost` | yuan | applications x the channel's cost per application |
/// | `cost_per_account` | yuan | acquisition cost / new accounts |
/// | `booked_for_3m`, `activated_within_3m`, `activation_within_3m` | agents, agents, fraction | accounts booked in months 1 ... T - 2, those making a first swipe within 3 months of booking, the share |
/// | `booked_for_12m`, `ever_90_within_12m`, `ever_90_within_12m_share` | agents, agents, fraction | accounts booked in months 1 ... T - 11, those 90+ days past due within 12 months of booking, the share |
///
/// Counts and cost are per agent, not scaled to the region; shares are `nan` with no account.
/// Numbers are written in round-trip spelling, so a merge of shards writes the same bytes.
public enum ChannelsFile {
    public static let fileName = "channels.csv"
    static let header = ["path", "strategy", "channel", "applications", "new_accounts", "acquisition_cost", "cost_per_account",
                         "booked_for_3m", "activated_within_3m", "activation_within_3m", "booked_for_12m", "ever_90_within_12m",
                         "ever_90_within_12m_share"]

    /// The text for results sorted by path; `channelNames[s]` are strategy s's channels.
    public static func text(results: [PathResult], strategyNames: [String], channelNames: [[String]]) -> String {
        var out = CSV.record(header)
        let names = strategyNames.map(CSV.field)
        for result in results {
            for (s, tallies) in result.channels.enumerated() {
                for (c, t) in tallies.enumerated() {
                    let channel = c < channelNames[s].count ? CSV.field(channelNames[s][c]) : String(c)
                    out += "\(result.path),\(names[s]),\(channel),\(t.applications),\(t.newAccounts),\(NumberText.double(t.cost)),"
                        + "\(NumberText.double(t.costPerAccount)),\(t.bookedFor3),\(t.activatedWithin3),"
                        + "\(NumberText.double(t.activationWithin3Share)),\(t.bookedFor12),\(t.badWithin12),"
                        + "\(NumberText.double(t.badWithin12Share))\n"
                }
            }
        }
        return out
    }

    /// Reads the text back into `results`: each path gets every strategy's channels, in
    /// `channelNames` order, or none if the file has no rows.
    public static func read(_ text: String, into results: inout [PathResult], strategyNames: [String],
                            channelNames: [[String]], file: String = fileName) throws {
        let reader = PathRowsReader(fileName: fileName, file: file), bad = reader.bad
        let rows = try reader.records(text, header: header)
        let position = PathRowsReader.positions(results)
        for k in results.indices { results[k].channels = [] }
        guard rows.count > 1 else { return }
        for k in results.indices { results[k].channels = Array(repeating: [], count: strategyNames.count) }
        for (r, row) in rows.enumerated().dropFirst() {
            let line = r + 1
            let (k, path, s) = try reader.locate(row, line: line, width: header.count, positions: position, strategyNames: strategyNames)
            let c = results[k].channels[s].count
            guard c < channelNames[s].count, row[2] == Substring(channelNames[s][c]) else {
                throw bad("line \(line): expected channel '\(c < channelNames[s].count ? channelNames[s][c] : "none")' of path \(path), '\(row[1])'; found '\(row[2])'")
            }
            let counts = [row[3], row[4], row[7], row[8], row[10], row[11]].map { Int64($0) }
            guard counts.allSatisfy({ $0 != nil }), let cost = Double(row[5]) else {
                throw bad("line \(line): expected counts and a cost, found '\(row.joined(separator: ","))'")
            }
            let n = counts.map { $0! }
            results[k].channels[s].append(ChannelTally(applications: n[0], newAccounts: n[1], cost: cost, bookedFor3: n[2],
                                                       activatedWithin3: n[3], bookedFor12: n[4], badWithin12: n[5]))
        }
        for result in results {
            for (s, tallies) in result.channels.enumerated() where tallies.count != channelNames[s].count {
                throw bad("path \(result.path) of '\(strategyNames[s])' has \(tallies.count) of \(channelNames[s].count) channels")
            }
        }
    }
}
