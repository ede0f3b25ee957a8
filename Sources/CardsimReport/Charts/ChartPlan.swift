import CardsimEngine

/// The charts of a run: a fan chart per selected KPI; with challengers, the comparison chart
/// and a waterfall per challenger; the delinquency stack, the funnel and the champion's vintage
/// curves. `notes` says what was left out and why.
public struct ChartPlan: Sendable {
    public var charts: [Chart]
    public var notes: [String]
    /// The comparisons the charts show (empty with a single strategy).
    public var comparisons: [Comparison]
    /// The KPIs of the fan and comparison charts.
    public var kpis: [String]

    public init(_ run: RunData, kpis requested: [String] = []) throws {
        kpis = try ChartPlan.selectKPIs(requested, run: run)
        comparisons = Comparison.all(run)
        charts = kpis.compactMap { FanChart.make(run, kpi: $0) }
        notes = []
        if comparisons.isEmpty {
            notes.append("comparison and waterfall charts skipped: the run has a single strategy (\(run.strategyNames[0])), so there is nothing to compare")
        } else {
            if let c = ComparisonChart.make(run, comparisons: comparisons, kpis: kpis) { charts.append(c) }
            charts += comparisons.map { WaterfallChart.make(run, comparison: $0) }
            let sources = Set(comparisons.map(\.source))
            notes.append(sources == [.summary]
                ? "comparisons read from summary.json's comparison blocks"
                : "comparisons computed from paths.csv and ledger.csv (paired differences over paths, 95% t intervals)")
        }
        charts.append(DelinquencyChart.make(run))
        charts.append(FunnelChart.make(run))
        if let vintages = VintageChart.make(run) {
            charts.append(vintages)
        } else {
            notes.append("vintage chart skipped: the run directory has no vintages.csv (written by an older cardsim) or the champion booked no accounts")
        }
        notes.append("sensitivity tornado skipped: a run varies no parameter; 'cardsim sweep' draws it (docs/sweeps.md)")
    }

    /// The KPIs named by `requested` (ids, comma-separated lists, `all`, `headline`), in the
    /// order given; the headline KPIs when nothing is requested.
    public static func selectKPIs(_ requested: [String], run: RunData) throws -> [String] {
        let known = run.kpiIDs.filter { KPI.named($0) != nil }
        let names = requested.flatMap { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } }
            .filter { !$0.isEmpty }
        if names.isEmpty { return KPIText.headline.filter(known.contains) }
        var chosen: [String] = []
        for name in names {
            let add: [String]
            switch name {
            case "all": add = known
            case "headline": add = KPIText.headline.filter(known.contains)
            default:
                guard known.contains(name) else {
                    throw ReportError(.input, "unknown KPI '\(name)'",
                                      help: "Use a KPI id of paths.csv, 'headline' or 'all': \(known.joined(separator: ", ")).")
                }
                add = [name]
            }
            for id in add where !chosen.contains(id) { chosen.append(id) }
        }
        return chosen
    }
}
