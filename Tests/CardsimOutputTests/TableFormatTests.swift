import CardsimEngine
import CardsimOutput
import CardsimTestSupport
import Foundation
import Testing

/// The output files of `SampleRuns` (3 paths, 2 months, agent weight 100), against values
/// worked out by hand from `SampleRuns.record`.
@Suite("summary.json, monthly.csv, paths.csv")
struct TableFormatTests {
    let scenario = SampleRuns.scenario(paths: 3, months: 2)
    var results: [PathResult] { SampleRuns.results(scenario) }
    var info: RunInfo { RunInfo(scenario: scenario, scenarioHash: "0123456789abcdef") }

    @Test("paths.csv holds each path's KPIs")
    func paths() {
        // Path p, strategy s: cards in force 2 (11 + p + s) x 100 in the last month; 8 applications
        // and 2 (2 + p) new accounts x 100; interest 2 x 1.5 (p + 1) x 100; acquisition 2 x 30 x 100;
        // net income = interest - acquisition; NPV = net income (discount rate 0).
        let expected = #"""
            path,strategy,cards_in_force,applications,new_accounts,approval_rate,acquisition_cost_per_account,bank_share_new_accounts,attrition_to_competitors,active_rate,dormant_share,long_dormant_share,dormant_cleanup_closures,issuance_stopped_share,spend,spend_groceries,spend_dining,spend_fuel,spend_travel,spend_online,spend_education,spend_other,spend_per_active_card,swipes_per_active_card,light_user_active_rate,installment_volume,installment_volume_growth,target_segment_share,complaint_rate,balance_transfers_out,balance_transferred_out,bank_share_card_spend,receivables,receivables_per_card,spend_per_card,interest_income,installment_fee_income,annual_fee_income,late_fee_income,cash_advance_fee_income,interchange_income,acquiring_share_income,merchant_acquiring_income,membership_income,loan_interest_income,revenue,revenue_share_interest,revenue_share_installment_fees,revenue_share_annual_fees,revenue_share_late_fees,revenue_share_cash_advance_fees,revenue_share_interchange,revenue_share_acquiring,revenue_share_membership,revenue_share_loan_interest,rewards_cost,alliance_cost,campaign_cost,collections_cost,funding_cost,operating_cost,acquisition_cost,membership_benefit_cost,loan_funding_cost,loan_losses,members,loan_balances,loans_booked,credit_losses,overdue_rate,npl_ratio,overdue_6m_ratio,charge_off_12m_ratio,utilization,charge_off_rate,bad_debt_rate,net_income,npv
            0,champion,2200.0,800.0,400.0,0.5,15.0,1.0,0.0,0.5,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,300.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,300.0,1.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,6000.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,-5700.0,-5700.0
            0,"fee, ""cut""",2400.0,800.0,400.0,0.5,15.0,1.0,0.0,0.5,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,300.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,300.0,1.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,6000.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,-5700.0,-5700.0
            1,champion,2400.0,800.0,600.0,0.75,10.0,1.0,0.0,0.5,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,600.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,600.0,1.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,6000.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,-5400.0,-5400.0
            1,"fee, ""cut""",2600.0,800.0,600.0,0.75,10.0,1.0,0.0,0.5,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,600.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,600.0,1.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,6000.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,-5400.0,-5400.0
            2,champion,2600.0,800.0,800.0,1.0,7.5,1.0,0.0,0.5,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,900.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,900.0,1.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,6000.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,-5100.0,-5100.0
            2,"fee, ""cut""",2800.0,800.0,800.0,1.0,7.5,1.0,0.0,0.5,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,900.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,900.0,1.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,6000.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,-5100.0,-5100.0

            """#
        #expect(PathTable.text(scenario: scenario, results: results) == expected)
    }

    @Test("monthly.csv holds each month's KPI distribution over paths")
    func monthly() {
        let text = MonthlyTable.text(scenario: scenario, results: results)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.first == "month,strategy,kpi,mean,p5,p50,p95")
        #expect(lines.last == "")
        #expect(lines.count == 1 + 2 * 2 * KPI.all.count + 1)
        // Month 1, champion: cards in force 2 (10 + p) x 100 = 2000, 2200, 2400.
        #expect(lines[1] == "1,champion,cards_in_force,2200.0,2020.0,2200.0,2380.0")
        // Month 1, champion: approval rate (2 + p) / 4 = 0.5, 0.75, 1.
        #expect(lines[4] == "1,champion,approval_rate,0.75,0.525,0.75,0.975")
        // Month 2, challenger: net income (1.5 (p + 1) - 30) x 100 = -2850, -2700, -2550.
        let k = KPI.all.firstIndex { $0.id == "net_income" }!
        #expect(lines[1 + 3 * KPI.all.count + k] == "2,\"fee, \"\"cut\"\"\",net_income,-2700.0,-2835.0,-2700.0,-2565.0")
        // Nesting: month, then strategy, then KPI in KPI.all order.
        #expect(lines[1..<(1 + KPI.all.count)].map { $0.split(separator: ",")[2] }.map(String.init) == KPI.all.map(\.id))
        #expect(lines[1 + KPI.all.count].hasPrefix("1,\"fee, \"\"cut\"\"\",cards_in_force,"))
        #expect(lines[1 + 2 * KPI.all.count].hasPrefix("2,champion,cards_in_force,"))
    }

    @Test("summary.json: header, sorted keys, every KPI with its statistics")
    func summary() throws {
        let text = SummaryFile.text(info: info, scenario: scenario, results: results)
        #expect(text.hasPrefix("""
            {
              "agent_weight": 100.0,
              "agents": 10,
              "cardsim_version": "\(CardsimVersion.current)",
              "months": 2,
              "paths": 3,
              "scenario": {
                "hash": "0123456789abcdef",
                "name": "sample"
              },
              "seed": 42,
              "strategies": [
                {
                  "kpis": {
                    "acquiring_share_income": {
            """))
        #expect(text.hasSuffix("""
                  "name": "fee, \\"cut\\""
                }
              ]
            }

            """))
        // Champion cards in force over paths: 2200, 2400, 2600; standard error 200 / sqrt(3).
        #expect(text.contains("""
                    "cards_in_force": {
                      "mean": 2400.0,
                      "p5": 2220.0,
                      "p50": 2400.0,
                      "p95": 2580.0,
                      "standard_error": 115.47005383792516,
                      "unit": "cards"
                    },
            """))
        #expect(!text.contains("\"shard\""))

        let json = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let strategies = try #require(json["strategies"] as? [[String: Any]])
        #expect(strategies.map { $0["name"] as? String } == ["champion", "fee, \"cut\""])
        for strategy in strategies {
            let kpis = try #require(strategy["kpis"] as? [String: [String: Any]])
            #expect(Set(kpis.keys) == Set(KPI.all.map(\.id)))
            for (_, stats) in kpis {
                #expect(Set(stats.keys) == ["mean", "standard_error", "p5", "p50", "p95", "unit"])
            }
        }
    }

    @Test("a shard's summary.json says which paths it holds")
    func shardSummary() throws {
        var info = self.info
        info.shard = ShardInfo(index: 2, count: 3, paths: 1..<2)
        let text = SummaryFile.text(info: info, scenario: scenario, results: SampleRuns.results(scenario, paths: 1..<2))
        #expect(text.contains("""
              "seed": 42,
              "shard": {
                "count": 3,
                "index": 2,
                "paths": [1, 2]
              },
              "strategies": [
            """))
        #expect(try SummaryFile.readInfo(Data(text.utf8), file: "summary.json") == info)
    }

    @Test("the header reads back, including a seed beyond Int64")
    func readInfo() throws {
        var info = self.info
        info.seed = UInt64.max
        let text = SummaryFile.text(info: info, scenario: scenario, results: results)
        #expect(text.contains("\"seed\": 18446744073709551615,"))
        #expect(try SummaryFile.readInfo(Data(text.utf8), file: "summary.json") == info)
        #expect(throws: OutputError.self) { try SummaryFile.readInfo(Data("{}".utf8), file: "summary.json") }
    }

    @Test("equal results give equal bytes")
    func deterministic() {
        let a = SummaryFile.text(info: info, scenario: scenario, results: results)
            + MonthlyTable.text(scenario: scenario, results: results) + PathTable.text(scenario: scenario, results: results)
        let b = SummaryFile.text(info: info, scenario: scenario, results: SampleRuns.results(scenario))
            + MonthlyTable.text(scenario: scenario, results: SampleRuns.results(scenario))
            + PathTable.text(scenario: scenario, results: SampleRuns.results(scenario))
        #expect(a == b)
    }

    @Test("the terminal table shows mean ± standard error in readable units")
    func resultsTable() {
        let text = ResultsTable.text(info: info, scenario: scenario, results: results)
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines[0] == "sample (hash 0123456789abcdef): 3 paths x 2 months, 10 agents (100 adults each), seed 42")
        #expect(lines.contains { $0.hasPrefix("cards in force ") && $0.contains("2.40K ± 115 cards") && $0.contains("2.60K ± 115 cards") })
        #expect(lines.contains { $0.hasPrefix("active-card rate ") && $0.contains("50.0% ± 0%") })
        #expect(lines.contains { $0.hasPrefix("net income ") && $0.contains("-5.40K ± 173 yuan") })
        #expect(lines.contains { $0.hasPrefix("NPV ") })
    }

    @Test("a long-dormant share above 20% is flagged, at or below it is not")
    func longDormantFlag() throws {
        let k = try #require(KPI.all.firstIndex { $0.id == "long_dormant_share" })
        func table(_ share: Double) -> String {
            var summaries = KPI.all.map { _ in Summary([1, 2]) }
            summaries[k] = Summary(mean: share, standardError: 0, p5: share, p50: share, p95: share)
            return ResultsTable.text(info: info, strategyNames: ["plan"], summaries: [summaries])
        }
        #expect(table(0.25).contains("flag: plan: long-dormant cards are 25.0% of cards in force, above the 20.0% regulatory threshold"))
        #expect(!table(0.20).contains("flag:"))
    }
}
