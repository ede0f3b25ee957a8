import CardsimAnalysis
import CardsimEngine
import CardsimTestSupport
import Foundation
import Testing

@Suite struct ComparisonReportTests {
    /// Every KPI of the catalogue has a direction, so "better" means something for each; ids
    /// are unique; headline KPIs and P&L lines are marked.
    @Test func everyKPIHasADirection() {
        // Neither more nor less is better in itself: utilisation, closures of long-dormant cards,
        // and the revenue mix.
        for kpi in KPI.all where !["utilization", "dormant_cleanup_closures"].contains(kpi.id) && !kpi.id.hasPrefix("revenue_share_") {
            #expect(kpi.direction != nil, "\(kpi.id)")
        }
        #expect(Set(KPI.all.map(\.id)).count == KPI.all.count)
        #expect(KPI.headline.map(\.id).contains("npv"))
        #expect(KPI.profitLines.allSatisfy { $0.unit == "yuan" && $0.kind == .flow })
        #expect(KPIDirection.of("npv") == .higherIsBetter)
        #expect(KPIDirection.of("credit_losses") == .lowerIsBetter)
        #expect(KPIDirection.of("some_new_cost") == .lowerIsBetter)
        #expect(KPIDirection.of("some_new_income") == .higherIsBetter)
        #expect(KPIDirection.of("something") == nil)
    }

    /// `ProfitLine.all` names every stored line of `ProfitAndLoss`, once.
    @Test func profitLinesCoverTheProfitAndLoss() {
        let stored = Mirror(reflecting: ProfitAndLoss()).children.compactMap(\.label)
        var pnl = ProfitAndLoss()
        // Give each stored line a distinct value through its key path and read it back.
        for (k, line) in ProfitLine.all.enumerated() { pnl[keyPath: line.value] = Double(k + 1) }
        let values = Mirror(reflecting: pnl).children.compactMap { $0.value as? Double }
        #expect(values.count == stored.count)
        #expect(Set(values) == Set((1...ProfitLine.all.count).map(Double.init)), "lines \(stored) vs \(ProfitLine.all.map(\.id))")
        #expect(ProfitLine.all.count == stored.count)
        // Each line is also a KPI, the one that totals it.
        for line in ProfitLine.all { #expect(KPI.named(line.id) != nil, "\(line.id)") }
    }

    /// The signed lines sum to net income in every month.
    @Test func signedLinesSumToNetIncome() {
        var pnl = ProfitAndLoss()
        for (k, line) in ProfitLine.all.enumerated() {
            pnl[keyPath: line.value] = Double(k * k) * 1.37 + 0.1
        }
        var sum = 0.0
        for line in ProfitLine.all { sum += line.contribution(pnl) }
        #expect(abs(sum - pnl.netIncome) <= 1e-12 * abs(pnl.netIncome))
    }

    /// A strategy run against a copy of itself: every difference is exactly zero.
    @Test func aStrategyAgainstItselfDiffersByExactlyZero() throws {
        var scenario = AnalysisFixtures.smallScenario(paths: 3, months: 12)
        var copy = scenario.strategies[0]
        copy.name = "copy"
        scenario.strategies = [scenario.strategies[0], copy]
        let report = ComparisonReport(results: MonteCarlo.run(scenario, paths: 0..<3, threads: 2), scenario: scenario)
        let c = try #require(report.strategies[1].comparison)
        for d in c.differences {
            #expect(d.difference.mean == 0, "\(d.kpi)")
            #expect(d.difference.standardError == 0, "\(d.kpi)")
            #expect(d.probabilityBetter == (KPIDirection.of(d.kpi) == nil ? nil : 0.5), "\(d.kpi)")
        }
        for line in c.npvAttribution.lines + c.netIncomeAttribution.lines {
            #expect(line.difference.mean == 0 && line.difference.standardError == 0, "\(line.id)")
        }
        #expect(c.risk.quantile == 0 && c.risk.expectedShortfall == 0)
        #expect(report.strategies[0].risk == report.strategies[1].risk)
    }

    /// On every shipped scenario (with a challenger added where none ships): the attribution sums
    /// to the NPV and net-income differences, path by path and on average, to rounding; and
    /// pairing makes the standard error of the NPV difference smaller than independent runs would.
    @Test func attributionSumsAndPairingHelpsOnEveryShippedScenario() throws {
        for (file, document) in try AnalysisFixtures.shippedScenarios(paths: 4) {
            let scenario = document.scenario
            let results = MonteCarlo.run(scenario, paths: 0..<scenario.run.paths, threads: 2)
            let report = ComparisonReport(results: results, scenario: scenario,
                                          targets: document.targets.map { TargetRule(kpi: $0.kpi, relation: .init(rawValue: $0.relation.rawValue)!, threshold: $0.threshold) })
            #expect(report.strategies.count == scenario.strategies.count)
            for s in report.strategies.dropFirst() {
                let c = try #require(s.comparison)
                for a in [c.npvAttribution, c.netIncomeAttribution] {
                    let scale = a.lines.reduce(abs(a.total.mean)) { $0 + abs($1.difference.mean) }
                    #expect(abs(a.sumOfLines - a.total.mean) <= 1e-12 * max(scale, 1),
                            "\(file) \(s.name) \(a.kpi): lines \(a.sumOfLines) vs total \(a.total.mean)")
                }
                let npv = try #require(c.differences.first { $0.kpi == "npv" })
                #expect(npv.difference.mean == c.npvAttribution.total.mean)
                #expect(npv.difference.standardError < npv.unpairedStandardError,
                        "\(file) \(s.name): paired \(npv.difference.standardError) vs unpaired \(npv.unpairedStandardError)")
            }
            // Path by path: the lines' contributions sum to each path's NPV.
            let w = scenario.agentWeight
            for (s, strategy) in scenario.strategies.enumerated() {
                let f = KPI.discountFactors(rate: strategy.economics.discountRate, months: scenario.run.months)
                for result in results {
                    let npv = KPI.named("npv")!.path(result.months[s], weight: w, discountFactors: f)
                    var sum = 0.0, scale = 0.0
                    for line in ProfitLine.all {
                        var c = 0.0
                        for (t, r) in result.months[s].enumerated() { c += line.contribution(r.pnl) * (w * f[t]) }
                        sum += c; scale += abs(c)
                    }
                    #expect(abs(sum - npv) <= 1e-12 * max(scale, 1), "\(file) \(strategy.name) path \(result.path)")
                }
            }
            #expect(report.strategies.allSatisfy { $0.targets.count == document.targets.count })
        }
    }

    @Test func targetsAreCheckedForEveryStrategy() throws {
        let scenario = AnalysisFixtures.smallScenario(paths: 3, months: 12)
        let results = MonteCarlo.run(scenario, paths: 0..<3, threads: 2)
        let rules = [TargetRule(kpi: "active_rate", relation: .atLeast, threshold: 0), TargetRule(kpi: "npv", relation: .below, threshold: -1e30),
                     TargetRule(kpi: "no_such_kpi", relation: .below, threshold: 1)]
        let report = ComparisonReport(results: results, scenario: scenario, targets: rules)
        for s in report.strategies {
            #expect(s.targets.map(\.rule) == Array(rules.prefix(2)))
            #expect(s.targets[0].meanMeets && s.targets[0].shareOfPathsMeeting == 1)
            #expect(!s.targets[1].meanMeets && s.targets[1].shareOfPathsMeeting == 0)
        }
        #expect(report.strategies[0].comparison == nil)
        #expect(report.strategies[2].comparison?.against == scenario.strategies[0].name)
    }
}
