import CardsimAnalysis
import CardsimEngine
import CardsimScenario
import Foundation
import Testing

/// Value beyond the card (`Membership`, `ConsumerLoans`, kernel `CrossSell`): the loan book
/// balances exactly, members pay exactly one fee a month, and the levers move their own P&L lines.
@Suite(.serialized) struct BeyondTheCardTests {
    static let scenario = try! ScenarioLoader.load(path: RepositoryRoot.path("scenarios/campaign-holdout.yaml"),
                                                   overrides: ["run.paths=6", "run.agents=50000", "run.months=24"])
    static let results = MonteCarlo.run(scenario, paths: 0..<6, threads: max(1, ProcessInfo.processInfo.activeProcessorCount))
    static var beyond: Int { scenario.strategies.firstIndex { $0.name == "beyond_the_card" }! }

    @Test func theLoanBookBalancesAndMembersPayOneFeeAMonth() {
        let fee = Int64((Self.scenario.strategies[Self.beyond].membership.monthlyFee * 100).rounded())
        for r in Self.results {
            var opening: Int64? = nil
            for m in r.months[Self.beyond] {
                let l = m.ledger
                #expect(l.loanBalancesClosing == l.loanBalancesOpening + l.loanDisbursed + l.loanInterest - l.loanPayments - l.loanWriteOffs)
                if let opening { #expect(l.loanBalancesOpening == opening) }
                opening = l.loanBalancesClosing
                #expect(l.membershipFees == l.members * fee)
                #expect(abs(m.pnl.loanLosses - Double(l.loanWriteOffs - l.loanRecoveries) * 0.01) < 1e-9)
            }
            #expect(r.months[Self.beyond].last!.ledger.loanAccounts > 0 && r.months[Self.beyond].last!.ledger.members > 0)
            // The other strategies offer neither.
            #expect(r.months[0].allSatisfy { $0.ledger.members == 0 && $0.ledger.loanBalancesClosing == 0 })
        }
    }

    /// Against the champion on the same draws: the membership and loan lines are the only new
    /// revenue lines, and the card's own interest income barely moves (a member spends 5% more).
    @Test func theLeversMoveTheirOwnLines() throws {
        let values = Evaluation.pathValues(Self.results, scenario: Self.scenario)
        func difference(_ id: String) -> Estimate {
            let k = KPI.all.firstIndex { $0.id == id }!
            return Estimate(zip(values[Self.beyond][k], values[0][k]).map { $0 - $1 })
        }
        for id in ["membership_income", "loan_interest_income", "loan_funding_cost", "membership_benefit_cost"] {
            let d = difference(id)
            #expect(d.mean > 3 * d.standardError, "\(id): \(d.mean) ± \(d.standardError)")
        }
        // Each agent's default is w customers' loans at once, so losses are lumpy: never negative,
        // positive on some path, none without loans.
        let lossIndex = KPI.all.firstIndex { $0.id == "loan_losses" }!
        #expect(values[Self.beyond][lossIndex].allSatisfy { $0 >= 0 } && values[Self.beyond][lossIndex].contains { $0 > 0 })
        #expect(values[0][lossIndex].allSatisfy { $0 == 0 })
        let spend = difference("spend")
        #expect(spend.mean > 0)
        // A default probability 6.7 times higher loses more, beyond Monte Carlo error.
        let steep = try ScenarioLoader.load(path: RepositoryRoot.path("scenarios/campaign-holdout.yaml"),
                                            overrides: ["run.paths=6", "run.agents=50000", "run.months=24",
                                                        "strategies.challengers.beyond_the_card.bank.consumer_loans.monthly_default=0.01"])
        let steepResults = MonteCarlo.run(steep, paths: 0..<6, threads: max(1, ProcessInfo.processInfo.activeProcessorCount))
        let k = KPI.all.firstIndex { $0.id == "loan_losses" }!
        let steeper = Estimate(zip(Evaluation.pathValues(steepResults, scenario: steep)[Self.beyond][k], values[Self.beyond][k]).map { $0 - $1 })
        #expect(steeper.mean > 3 * steeper.standardError, "\(steeper.mean) ± \(steeper.standardError)")
    }
}
