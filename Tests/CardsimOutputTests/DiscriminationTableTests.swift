import CardsimEngine
import Foundation
import CardsimTestSupport
@testable import CardsimOutput
import Testing

/// `discrimination.csv` and the `approval_score` summary.
@Suite("discrimination.csv")
struct DiscriminationTableTests {
    static func results() -> [PathResult] {
        let values: [[ScoreDiscrimination]] = [
            [.init(auc: 0.1 + 0.2, ks: 0.4, accounts: 120, bads: 7), .init(auc: 0.75, ks: 1.0 / 3, accounts: 130, bads: 9)],
            [.init(auc: .nan, ks: .nan, accounts: 40, bads: 0), .init(auc: 0.8, ks: 0.5, accounts: 41, bads: 1)],
            [.init(auc: 0.62, ks: 0.3, accounts: 90, bads: 4), .init(auc: 0.7, ks: 0.45, accounts: 95, bads: 5)],
        ]
        return values.enumerated().map { PathResult(path: $0.offset + 3, months: [[], []], discrimination: $0.element) }
    }

    @Test("the table reads back bit for bit, NaN included, with quoted strategy names")
    func roundTrip() throws {
        let names = ["basic, v1", "local \"data\""]
        let text = DiscriminationTable.text(results: Self.results(), strategyNames: names)
        var back = Self.results().map { PathResult(path: $0.path, months: $0.months) }
        try DiscriminationTable.read(text, into: &back, strategyNames: names)
        #expect(back == Self.results())
        #expect(text.hasPrefix("path,strategy,accounts,bads,auc,ks\n3,\"basic, v1\",120,7,0.30000000000000004,0.4\n"))
    }

    @Test("a row of the wrong strategy or a missing strategy is a read error naming the line")
    func refusesBadRows() throws {
        let names = ["a", "b"]
        var results = Self.results()
        let text = DiscriminationTable.text(results: results, strategyNames: names)
        let swapped = text.replacingOccurrences(of: "\n3,b,", with: "\n3,c,")
        #expect(throws: OutputError.self) { try DiscriminationTable.read(swapped, into: &results, strategyNames: names) }
        let short = text.split(separator: "\n").dropLast().joined(separator: "\n") + "\n"
        do {
            try DiscriminationTable.read(short, into: &results, strategyNames: names)
            Issue.record("a missing row was accepted")
        } catch let e as OutputError {
            #expect(e.message.contains("path 5 has 1 of 2 strategies"))
        }
    }

    /// Means and standard errors over the defined paths only; the paired difference over the
    /// paths where both are defined, computed here by hand.
    @Test("the summary skips undefined paths and pairs challengers with the champion")
    func summary() throws {
        let s = DiscriminationSummary.strategies(Self.results())
        #expect(s.count == 2)
        #expect(s[0].paths == 2 && s[1].paths == 3)
        #expect(abs(s[0].auc.mean - (0.1 + 0.2 + 0.62) / 2) < 1e-15)
        #expect(s[0].aucDifference == nil)
        let d = try #require(s[1].aucDifference)
        let gaps = [0.75 - (0.1 + 0.2), 0.7 - 0.62]
        #expect(abs(d.mean - (gaps[0] + gaps[1]) / 2) < 1e-15)
        #expect(abs(d.standardError - abs(gaps[0] - gaps[1]) / 2) < 1e-12)
        #expect(s[1].meanAccounts == (130 + 41 + 95) / 3.0)
    }
}

/// The `competitors` member of each strategy in `summary.json`, worked out by hand.
@Suite("competitors in summary.json")
struct CompetitorSummaryTests {
    @Test("each competitor's applications, new accounts and attrition are summed over months, scaled to adults and summarised over paths")
    func sums() throws {
        var scenario = SampleRuns.scenario(paths: 2, months: 2)
        scenario.competitors = [Competitor(name: "rival", kind: .regionalBank,
                                           offer: Offer(apr: 0.18, annualFee: 0, rewardsRate: 0, interestFreeDays: 50))]
        let results = (0..<2).map { p in
            PathResult(path: p, months: scenario.strategies.indices.map { s in
                (0..<2).map { t in
                    var r = SampleRuns.record(path: p, strategy: s, month: t, channels: scenario.strategies[s].channels.count)
                    r.ledger.competitorApplications = [Int64(10 + p)]
                    r.ledger.competitorNewAccounts = [Int64(3 * (p + 1))]
                    r.ledger.attritionToCompetitor = [Int64(t + s)]
                    return r
                }
            })
        }
        let info = RunInfo(version: "test", scenarioName: "sample", scenarioHash: "0", seed: 1, paths: 2, months: 2,
                           agents: 10, agentWeight: scenario.agentWeight)
        let text = SummaryFile.text(info: info, scenario: scenario, results: results)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let strategies = try #require(json["strategies"] as? [[String: Any]])
        func stat(_ s: Int, _ key: String) throws -> (Double, Double) {
            let c = try #require((strategies[s]["competitors"] as? [String: Any])?["rival"] as? [String: Any])
            let v = try #require(c[key] as? [String: Any])
            return (try #require(v["mean"] as? Double), try #require(v["standard_error"] as? Double))
        }
        let w = scenario.agentWeight   // 100 adults per agent
        // Applications: paths give 2 x (10 + p) = 20, 22 agents -> mean 21 x w, se 1 x w.
        #expect(try stat(0, "applications") == (21 * w, 1 * w))
        // New accounts: 6, 12 -> mean 9 x w, se 3 x w.
        #expect(try stat(1, "new_accounts") == (9 * w, 3 * w))
        // Attrition of strategy 1: months give 1 + 2 = 3 on both paths -> se 0.
        #expect(try stat(1, "attrition_from_bank") == (3 * w, 0))
    }
}
