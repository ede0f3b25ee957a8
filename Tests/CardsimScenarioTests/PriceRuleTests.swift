import CardsimEngine
import CardsimScenario
import Testing

/// Prices within the rules: the fee waiver spelled `none`, 0 refused with a hint, the APR
/// against the regulatory ceiling (24% by default, at most the 36% line), interchange under the
/// 0.45% cap.
@Suite struct PriceRuleTests {
    static let baseline = RepositoryRoot.path("scenarios/baseline.yaml")

    static func errors(_ overrides: [String]) -> String {
        do {
            _ = try ScenarioLoader.load(path: baseline, overrides: overrides)
            return ""
        } catch {
            return "\(error)"
        }
    }

    @Test func noWaiverIsSpelledNone() throws {
        let scenario = try ScenarioLoader.load(path: Self.baseline, overrides: ["bank.product.annual_fee_waiver_swipes=none"])
        #expect(scenario.strategies[0].product.annualFeeWaiverSwipes == nil)
        let three = try ScenarioLoader.load(path: Self.baseline, overrides: ["bank.product.annual_fee_waiver_swipes=3"])
        #expect(three.strategies[0].product.annualFeeWaiverSwipes == 3)
    }

    @Test func aWaiverOfZeroIsRefusedWithWhatToWrite() {
        let message = Self.errors(["bank.product.annual_fee_waiver_swipes=0"])
        #expect(message.contains("annual_fee_waiver_swipes"), "\(message)")
        #expect(message.contains("write none for no waiver"), "\(message)")
        let word = Self.errors(["bank.product.annual_fee_waiver_swipes=never"])
        #expect(word.contains("an integer from 1 to 1000 or none") || word.contains("or none"), "\(word)")
    }

    @Test func theAPRStaysUnderTheCeiling() throws {
        let high = Self.errors(["bank.product.apr=0.3"])
        #expect(high.contains("above market.regulation.apr_ceiling"), "\(high)")
        #expect(high.contains("36%"), "the hint names the 36% line: \(high)")
        let tier = Self.errors(["bank.pricing_tiers=[{minimum_score: 0.5, apr: 0.28, installment_fee_rate: 0.005}]"])
        #expect(tier.contains("above market.regulation.apr_ceiling"), "\(tier)")
        let raised = try ScenarioLoader.load(path: Self.baseline, overrides: ["market.regulation.apr_ceiling=0.36", "bank.product.apr=0.3"])
        #expect(raised.strategies[0].product.apr == 0.3)
        let beyond = Self.errors(["market.regulation.apr_ceiling=0.4"])
        #expect(beyond.contains("apr_ceiling"), "\(beyond)")
    }

    @Test func interchangeStaysUnderTheCap() {
        let message = Self.errors(["bank.economics.interchange_rates.travel=0.005"])
        #expect(message.contains("interchange_rates.travel is 0.005, above market.regulation.interchange_cap"), "\(message)")
        #expect(Self.errors(["bank.economics.interchange_rates.travel=0.0045"]).isEmpty)
    }
}
