import CardsimEngine
@testable import CardsimScenario
import Testing

/// Every stored parameter of the engine's structs has a scenario key, so that a parameter the
/// engine adds cannot be silently left at its default.
@Suite struct CoverageTests {
    /// The engine property a key sets: snake_case to camelCase, unless renamed.
    static func property(_ key: String, renamed: [String: String]) -> String {
        if let name = renamed[key] { return name }
        let parts = key.split(separator: "_")
        return parts.enumerated().map { $0.offset == 0 ? String($0.element) : $0.element.capitalized }.joined()
    }

    static func check<Value>(_ value: Value, _ info: SectionInfo, renamed: [String: String] = [:],
                             notKeys: Set<String> = []) {
        let properties = Set(Mirror(reflecting: value).children.compactMap(\.label)).subtracting(notKeys)
        let keys = Set(info.keys.map { property($0, renamed: renamed) })
        #expect(properties == keys, "\(Value.self): not covered \(properties.subtracting(keys).sorted()), unknown \(keys.subtracting(properties).sorted())")
    }

    @Test func everyEngineParameterHasAKey() {
        Self.check(RunSettings(), Tables.run.info)
        Self.check(Market(adults: 1, segments: []), Tables.market.info)
        Self.check(Segment(name: "", share: 1, incomeMedian: 1), Tables.segment.info)
        Self.check(Behaviour(), Tables.behaviour.info)
        Self.check(CreditDynamics(), Tables.credit.info)
        Self.check(MacroParameters(), Tables.macro.info, renamed: ["shock_correlations": "correlation"])
        Self.check(Recession(startMonth: 1, lengthMonths: 1, unemploymentRise: 0, consumptionDrop: 0), Tables.recession.info)
        Self.check(Product(), Tables.product.info)
        let scorecardKeys = ["application_scorecard", "behaviour_scorecard", "approval_rate"]
        Self.check(RiskPolicy(), SectionInfo(fields: Tables.risk.info.fields.filter { !scorecardKeys.contains($0.key) }), notKeys: ["scorecards"])
        Self.check(RiskPolicy().scorecards, SectionInfo(fields: Tables.risk.info.fields.filter { scorecardKeys.contains($0.key) }),
                   renamed: ["application_scorecard": "application", "behaviour_scorecard": "behaviour"])
        Self.check(Channel(name: "", intensity: 0, costPerApplication: 0), Tables.channel.info)
        Self.check(Economics(), Tables.economics.info)
        // A strategy's name comes from `strategies:`; its other parts from `bank:`. The product and
        // risk windows are keys of `bank.product` and `bank.risk`; the fallback is the champion's.
        Self.check(Strategy(name: ""), Tables.bank.info, notKeys: ["name", "fallback", "productWindow", "riskWindow"])
        // A competitor's offer is written flat: apr, annual_fee, rewards_rate, interest_free_days.
        let offerKeys = ["apr", "annual_fee", "rewards_rate", "interest_free_days"]
        Self.check(Competitor(name: "", kind: .regionalBank, offer: Offer(apr: 0, annualFee: 0, rewardsRate: 0, interestFreeDays: 0)),
                   SectionInfo(fields: Tables.competitor.info.fields.filter { !offerKeys.contains($0.key) }),
                   notKeys: ["offer"])
        Self.check(Offer(apr: 0, annualFee: 0, rewardsRate: 0, interestFreeDays: 0),
                   SectionInfo(fields: Tables.competitor.info.fields.filter { offerKeys.contains($0.key) }))
        // A move's new values are written flat, one key per `OfferField`, into `set`.
        Self.check(CompetitorMove(),
                   SectionInfo(fields: Tables.competitorMove.info.fields.filter { OfferField(rawValue: $0.key) == nil }),
                   notKeys: ["set"])
        #expect(Tables.competitorMove.info.fields.compactMap { OfferField(rawValue: $0.key) } == OfferField.allCases)
    }
}
