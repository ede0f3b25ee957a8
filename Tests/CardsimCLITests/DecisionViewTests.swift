import CardsimTestSupport
import Foundation
import Testing

/// The decision view of `cardsim compare` and `run`: a ranking with the probability each
/// strategy is the best, targets first, a KPI filter, hidden all-zero rows, another reference
/// strategy, and the targets each strategy misses at the end of `run`.
@Suite("compare's decision view")
struct DecisionViewTests {
    static let strategies = ["--set", "strategies.challengers=[{name: no_fee, bank: {product: {annual_fee: 0}}}, {name: cheap_apr, bank: {product: {apr: 0.12}}}]"]

    @Test("ranking, targets first, --kpi, hidden zero rows, --against and the targets run says are missed")
    func decisionView() throws {
        let dir = try TemporaryDirectory()
        let out = dir.path("out")
        let run = try CardsimBinary.run(["run", RunCommandTests.baseline, "--out", out.path, "--paths", "4", "--agents", "2000", "--months", "12"] + Self.strategies)
        #expect(run.status == 0, "\(run.stderr)")
        // The baseline's five targets: run names those each strategy misses.
        #expect(run.stdout.contains("Targets missed by current plan ("))
        #expect(run.stdout.contains("active_rate >= 0.7 ("))

        let table = try CardsimBinary.run(["compare", out.path])
        #expect(table.status == 0, "\(table.stderr)")
        let text = table.stdout
        let ranking = try #require(text.range(of: "\nRanking by 1-year NPV (yuan)\n"))
        let targets = try #require(text.range(of: "\nKPI targets\n"))
        let differences = try #require(text.range(of: "\nno_fee vs current plan\n"))
        #expect(ranking.lowerBound < targets.lowerBound && targets.lowerBound < differences.lowerBound)
        // Three strategies ranked, P(best) summing to 100% over paths.
        let rows = text[ranking.upperBound...].split(separator: "\n").dropFirst(2).prefix(3)
        #expect(rows.map { $0.split(separator: " ").first.map(String.init) } == ["1", "2", "3"])
        #expect(text.contains("KPIs zero for every strategy not shown (--all-kpis shows them)"))

        let all = try CardsimBinary.run(["compare", out.path, "--all-kpis"])
        #expect(!all.stdout.contains("KPIs zero for every strategy not shown"))
        #expect(all.stdout.split(separator: "\n").count > text.split(separator: "\n").count)

        let filtered = try CardsimBinary.run(["compare", out.path, "--kpi", "npv,active_rate"])
        let block = try #require(filtered.stdout.components(separatedBy: "\nno_fee vs current plan\n").last)
        let kpiRows = block.split(separator: "\n").dropFirst(2).prefix { !$0.isEmpty && !$0.hasPrefix("Where") && !$0.hasPrefix("?") }
        #expect(kpiRows.count == 2, "\(kpiRows)")

        let against = try CardsimBinary.run(["compare", out.path, "--against", "cheap_apr"])
        #expect(against.status == 0)
        #expect(against.stdout.contains("\nno_fee vs cheap_apr\n") && against.stdout.contains("\ncurrent plan vs cheap_apr\n"))

        let unknown = try CardsimBinary.run(["compare", out.path, "--against", "nobody"])
        #expect(unknown.status == 64 && unknown.stderr.contains("no strategy 'nobody'"))
        let badKPI = try CardsimBinary.run(["compare", out.path, "--kpi", "npvv"])
        #expect(badKPI.status == 64 && badKPI.stderr.contains("unknown KPI 'npvv'"))
    }
}
