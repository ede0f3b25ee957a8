import CardsimEngine
@testable import CardsimOutput
import CardsimTestSupport
import Foundation
import Testing

@Suite("campaigns.csv and the campaigns of summary.json")
struct CampaignsFileTests {
    /// A champion without campaigns and a challenger calling dormant cards with a 20% holdout
    /// and precision-marketing a third of the open cards with a 30% holdout: 4 paths of 3,000
    /// agents over 12 months (agent weight 1,000).
    static func scenario(shards: Bool = false) -> Scenario {
        var run = RunSettings()
        run.paths = 4; run.months = 12; run.agents = 3_000; run.seed = 7; run.spinUpMonths = 24
        var champion = Strategy(name: "champion")
        champion.economics.discountRate = 0
        var calls = Strategy(name: "calls, \"aimed\"")
        calls.campaigns.reactivation.reach = 0.6
        calls.campaigns.reactivation.response = 0.2
        calls.campaigns.reactivation.holdout = 0.2
        calls.campaigns.precision.targetShare = 0.3
        calls.campaigns.precision.holdout = 0.3
        let market = Market(adults: 3_000_000, segments: [Segment(name: "everyone", share: 1, incomeMedian: 8_000)])
        return Scenario(name: "campaigns", market: market, run: run, strategies: [champion, calls])
    }

    static let results = MonteCarlo.run(scenario(), paths: 0..<4, threads: 2)

    @Test("every active campaign has four arms of every month; the champion has none")
    func shape() {
        for r in Self.results {
            #expect(r.campaigns[0].isEmpty)
            #expect(r.campaigns[1].map(\.kind) == [.reactivation, .precision])
            for c in r.campaigns[1] { #expect(c.arms.count == 4 && c.arms.allSatisfy { $0.count == 12 }) }
            // Both arms of both campaigns have customers on every path.
            for c in r.campaigns[1] { #expect(c.total(.treated).assigned > 0 && c.total(.holdout).assigned > 0) }
        }
    }

    @Test("write then read gives the same records, and the same text again")
    func roundTrip() throws {
        let names = Self.scenario().strategies.map(\.name)
        let text = CampaignsFile.text(results: Self.results, strategyNames: names)
        var back = Self.results.map { PathResult(path: $0.path, months: $0.months) }
        try CampaignsFile.read(text, into: &back, strategyNames: names, campaigns: [[], [.reactivation, .precision]], months: 12)
        #expect(back.map(\.campaigns) == Self.results.map(\.campaigns))
        #expect(CampaignsFile.text(results: back, strategyNames: names) == text)
        #expect(text.split(separator: "\n").count == 1 + 4 * 2 * 4 * 12)
        // A month missing is refused by name.
        let cut = text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            .filter { $0.offset != 5 }.map(\.element).joined(separator: "\n")
        #expect(throws: OutputError.self) {
            try CampaignsFile.read(cut, into: &back, strategyNames: names, campaigns: [[], [.reactivation, .precision]], months: 12)
        }
    }

    /// ROI worked out by hand from `campaigns.csv`, path by path: (net income of the treated
    /// minus net income of the same customers without the campaign) / cost of the treated, then
    /// the mean over paths, equals `roi.true_effect.mean` of `summary.json`; the holdout ROI
    /// likewise from the treated and holdout rows.
    @Test("ROI by hand from campaigns.csv equals summary.json")
    func roiByHand() throws {
        let scenario = Self.scenario()
        let dir = try TemporaryDirectory()
        let url = dir.path("run")
        try RunDirectory.write(to: url, info: RunInfo(scenario: scenario, scenarioHash: "00000000000000aa"), scenario: scenario,
                               source: ScenarioSource(yaml: "name: campaigns\n", overrides: []), results: Self.results)
        let csv = try String(contentsOf: url.appendingPathComponent(CampaignsFile.fileName), encoding: .utf8)
        // sums[campaign][arm][path] = (assigned, cost, net income)
        var sums: [String: [String: [Int: (Double, Double, Double)]]] = [:]
        for line in csv.split(separator: "\n").dropFirst() {
            // The strategy name is quoted and holds a comma: split off the fields after it.
            let tail = line.split(separator: ",").suffix(15).map(String.init)
            let path = Int(line.prefix { $0 != "," })!
            let (campaign, arm) = (tail[0], tail[1])
            let v = sums[campaign, default: [:]][arm, default: [:]][path] ?? (0, 0, 0)
            sums[campaign, default: [:]][arm, default: [:]][path] = (v.0 + Double(tail[3])!, v.1 + Double(tail[13])!, v.2 + Double(tail[14])!)
        }
        let summary = try JSONSerialization.jsonObject(with: Data(contentsOf: url.appendingPathComponent(SummaryFile.fileName))) as! [String: Any]
        let strategies = summary["strategies"] as! [[String: Any]]
        #expect(strategies[0]["campaigns"] == nil)
        let campaigns = strategies[1]["campaigns"] as! [[String: Any]]
        #expect(campaigns.map { $0["name"] as! String } == ["reactivation", "precision"])
        for c in campaigns {
            let name = c["name"] as! String
            let arms = sums[name]!
            var trueROI: [Double] = [], holdoutROI: [Double] = []
            for p in 0..<4 {
                let t = arms["treated"]![p]!, h = arms["holdout"]![p]!, t0 = arms["treated_without"]![p]!
                trueROI.append((t.2 - t0.2) / t.1)
                holdoutROI.append((t.2 - t.0 / h.0 * h.2) / t.1)
            }
            let roi = c["roi"] as! [String: [String: Any]]
            let stored = roi["true_effect"]!["mean"] as! Double, storedHoldout = roi["holdout_estimate"]!["mean"] as! Double
            let mean = trueROI.reduce(0, +) / 4, meanHoldout = holdoutROI.reduce(0, +) / 4
            #expect(abs(stored - mean) <= 1e-9 * max(1, abs(mean)), "\(name): \(stored) vs \(mean)")
            #expect(abs(storedHoldout - meanHoldout) <= 1e-9 * max(1, abs(meanHoldout)), "\(name): \(storedHoldout) vs \(meanHoldout)")
            let cost = (c["cost"] as! [String: Any])["mean"] as! Double
            let byHand = (0..<4).map { arms["treated"]![$0]!.1 * scenario.agentWeight }.reduce(0, +) / 4
            #expect(abs(cost - byHand) <= 1e-9 * byHand)
        }
        // Reading the directory back gives the same campaign records.
        let stored = try RunDirectory.read(url)
        #expect(try stored.results(of: scenario).map(\.campaigns) == Self.results.map(\.campaigns))
    }
}
