import CardsimEngine
@testable import CardsimOutput
import CardsimTestSupport
import Testing

@Suite("ledger.csv")
struct LedgerTableTests {
    @Test("write then read gives the same results, bit for bit")
    func roundTrip() throws {
        let results = SampleRuns.awkwardResults(paths: 5..<8, strategies: [4, 2, 0], months: 3)
        let names = ["champion", "fee, \"cut\"", "no channels"]
        let text = LedgerTable.text(results: results, strategyNames: names)
        let back = try LedgerTable.read(text, strategyNames: names)
        #expect(back == results)
        // Equality of doubles ignores the sign of zero; the text does not.
        #expect(LedgerTable.text(results: back, strategyNames: names) == text)
        #expect(text.contains(",-0.0,"))
        #expect(text.contains(",0.30000000000000004,"))
        #expect(text.contains(",1e-300,"))
        #expect(text.contains(",5e-324,"))
    }

    @Test("awkward doubles survive one by one")
    func awkwardDoubles() throws {
        for x in [0.1 + 0.2, 1e-300, -0.0, .leastNonzeroMagnitude, 1.7976931348623157e308, -1.0 / 3, 2.0.squareRoot(), .infinity] {
            var result = SampleRuns.results(SampleRuns.scenario(paths: 1, months: 1))
            result[0].months[0][0].pnl.funding = x
            result[0].months[1][0].ledger.spendByCategory[6] = x
            let text = LedgerTable.text(results: result, strategyNames: ["champion", "fee, \"cut\""])
            let back = try LedgerTable.read(text, strategyNames: ["champion", "fee, \"cut\""])
            #expect(back[0].months[0][0].pnl.funding.bitPattern == x.bitPattern, "\(x)")
            #expect(back[0].months[1][0].ledger.spendByCategory[6].bitPattern == x.bitPattern, "\(x)")
        }
    }

    @Test("rows are path, strategy, month in that nesting, with quoted names and empty cells for missing channels")
    func layout() {
        let scenario = SampleRuns.scenario(paths: 2, months: 2)
        let text = LedgerTable.text(results: SampleRuns.results(scenario), strategyNames: scenario.strategies.map(\.name))
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.count == 1 + 2 * 2 * 2)
        #expect(lines[0].hasPrefix("path,strategy,month,applications,new_accounts,activations,closures,charge_off_accounts,"
            + "applications_by_channel_0,applications_by_channel_1,applications_by_channel_2,applications_by_channel_3,cards_in_force,"))
        let suffix: String = [",spend_by_category_other,transactor_spend,swipes,installment_volume,balance_transfers,",
                              "balance_transferred,reactivation_contacts,first_swipe_gifts,precision_targets,precision_swipes,precision_spend,",
                              "line_increases,line_decreases,cleanup_notices,cleanup_closures,target_segment_new_accounts,annual_fees_on_barely_used_cards,",
                              "repeat_marketing_contacts,complaints,members,member_joins,membership_fees,loan_balances_opening,loans_booked,loan_disbursed,",
                              "loan_interest,loan_payments,loan_write_offs,loan_recoveries,loan_accounts,loan_balances_closing,",
                              "issuance_stopped,competitor_spend,moves_fired,pnl_interest,pnl_installment_fees,pnl_annual_fees,pnl_late_fees,",
                              "pnl_cash_advance_fees,pnl_interchange,pnl_acquiring_share,pnl_merchant_acquiring,pnl_rewards,pnl_alliance_cost,pnl_campaign_cost,",
                              "pnl_collections_cost,pnl_membership_fees,pnl_membership_benefits,pnl_loan_interest,pnl_loan_funding,pnl_loan_losses,",
                              "pnl_funding,pnl_operating,pnl_acquisition,pnl_credit_losses"].joined()
        #expect(lines[0].hasSuffix(suffix))
        let fee = "fee, \"cut\""
        #expect(CSV.records(text)!.dropFirst().map { $0.prefix(3).joined(separator: "|") } == [
            "0|champion|1", "0|champion|2", "0|\(fee)|1", "0|\(fee)|2", "1|champion|1", "1|champion|2", "1|\(fee)|1", "1|\(fee)|2",
        ])
        // Path 1 of the challenger in month 2: 4 applications, 3 new accounts, two channels of four.
        #expect(lines[8].hasPrefix("1,\"fee, \"\"cut\"\"\",2,4,3,0,0,0,4,0,,,26,13,"))
        #expect(lines[8].hasSuffix(",3.0," + String(repeating: "0.0,", count: 18) + "30.0,0.0"))
    }

    @Test("the columns cover every stored property of MonthLedger and ProfitAndLoss")
    func everyField() {
        // Built from the types themselves, so that a field added to the engine fails here until
        // ledger.csv carries it.
        func snake(_ s: String) -> String {
            s.reduce(into: "") { out, c in
                if c.isUppercase { out += "_" + c.lowercased() } else { out.append(c) }
            }
        }
        var expected: [String] = []
        let ledger = MonthLedger(channels: 3, alliances: 2, themeCards: 1, competitors: 2)
        for child in Mirror(reflecting: ledger).children {
            let name = snake(child.label!)
            switch child.value {
            case let a as [Int64]: expected += a.indices.map { "\(name)_\($0)" }
            case is [Double] where name == "competitor_terms":
                expected += (0..<2).flatMap { k in OfferField.allCases.map { "\(name)_\(k)_\($0.rawValue)" } }
            case let a as [Double] where name == "spend_by_category":
                expected += Category.allCases.prefix(a.count).map { "\(name)_\($0.name)" }
            case let a as [Double]:
                #expect(name == "alliance_spend" || name == "theme_spend")
                expected += a.indices.map { "\(name)_\($0)" }
            default: expected.append(name)
            }
        }
        for child in Mirror(reflecting: ProfitAndLoss()).children { expected.append("pnl_" + snake(child.label!)) }
        #expect(LedgerColumns(channels: 3, alliances: 2, themeCards: 1, competitors: 2).header == expected)
    }

    @Test("malformed ledgers are refused with the line and column")
    func malformed() throws {
        let scenario = SampleRuns.scenario(paths: 1, months: 2)
        let names = scenario.strategies.map(\.name)
        let text = LedgerTable.text(results: SampleRuns.results(scenario), strategyNames: names)
        var lines = text.split(separator: "\n").map(String.init)

        var bad = lines
        bad[1] = bad[1].replacingOccurrences(of: ",20,10,", with: ",20,x,")
        #expect(throws: OutputError.self) { try LedgerTable.read(bad.joined(separator: "\n"), strategyNames: names) }
        do {
            _ = try LedgerTable.read(bad.joined(separator: "\n"), strategyNames: names)
        } catch let e as OutputError {
            #expect(e.message.contains("line 2: column active_cards holds 'x'"), "\(e.message)")
        }

        lines.remove(at: 2)  // month 2 of the champion
        #expect(throws: OutputError.self) { try LedgerTable.read(lines.joined(separator: "\n"), strategyNames: names) }
        #expect(throws: OutputError.self) { try LedgerTable.read(text, strategyNames: ["champion", "other"]) }
        #expect(throws: OutputError.self) { try LedgerTable.read("", strategyNames: names) }
    }
}
