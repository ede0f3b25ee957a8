import CardsimEngine
import CardsimReport

extension Tornado {
    /// The tornado chart of these bars (display order as stored, largest first), each bar end
    /// with an error bar of ±1 standard error of its paired change where known; `points` is
    /// the number of runs behind it (1 + 2 per parameter).
    public func chart() -> Chart {
        let unit = KPI.all.first { $0.id == kpi }?.unit ?? ""
        let shown = bars.map {
            TornadoBar(parameter: Self.label($0.path, strategy: $0.strategy), lowText: ValueText.text($0.low), highText: ValueText.text($0.high),
                       changeLow: $0.changeLow, changeHigh: $0.changeHigh,
                       errorLow: $0.changeLowStandardError, errorHigh: $0.changeHighStandardError)
        }
        return TornadoChart.make(kpi: kpi, unit: unit, base: base, bars: shown, points: 1 + 2 * bars.count)
    }

    /// A bar's label that fits beside the chart: the parameter path without the strategy's
    /// prefix (`bank.`, `strategies.challengers.NAME.bank.`), its last two components when
    /// longer than 28 characters, and the challenger's name in brackets; the full path is in
    /// tornado.csv.
    static func label(_ path: String, strategy: String?) -> String {
        var p = Substring(path)
        if let name = strategy, p.hasPrefix("strategies.challengers.\(name).") { p = p.dropFirst("strategies.challengers.\(name).".count) }
        if p.hasPrefix("bank.") { p = p.dropFirst(5) }
        var text = String(p)
        if text.count > 28 {
            let parts = text.split(separator: ".")
            text = "…" + parts.suffix(2).joined(separator: ".")
        }
        return strategy.map { "\(text) [\($0)]" } ?? text
    }
}
