import CardsimEngine
import CardsimReport

extension Tornado {
    /// The tornado chart of these bars (display order as stored, largest first), each bar end
    /// with an error bar of ±1 standard error of its paired change where known; `points` is
    /// the number of runs behind it (1 + 2 per parameter).
    public func chart() -> Chart {
        let unit = KPI.all.first { $0.id == kpi }?.unit ?? ""
        let shown = bars.map {
            TornadoBar(parameter: $0.path, lowText: ValueText.text($0.low), highText: ValueText.text($0.high),
                       changeLow: $0.changeLow, changeHigh: $0.changeHigh,
                       errorLow: $0.changeLowStandardError, errorHigh: $0.changeHighStandardError)
        }
        return TornadoChart.make(kpi: kpi, unit: unit, base: base, bars: shown, points: 1 + 2 * bars.count)
    }
}
