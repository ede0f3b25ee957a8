/// Draws the macro path of one Monte Carlo path (see `MacroParameters` for the process).
/// Month t's three shocks are words 0-2 of the block (agent 0, month t, purpose `macro`), so
/// the economy is the same for every strategy and every shard.
public enum MacroPath {
    /// States for months 0...months (month 0 is the long-run mean).
    public static func draw(_ p: MacroParameters, months: Int, rng: PathRandom, factor: Matrix) -> [MacroState] {
        var x = SIMD4<Double>()
        let a = SIMD4<Double>(p.persistence[0], p.persistence[1], p.persistence[2], 0)
        var states = [p.longRun]
        states.reserveCapacity(months + 1)
        for t in 1...max(months, 1) where t <= months {
            let w = rng.words(agent: 0, month: t, .macro)
            let e = SIMD4<Double>(Draw.normal(w.0), Draw.normal(w.1), Draw.normal(w.2), 0)
            var shock = SIMD4<Double>()
            for i in 0..<3 { for j in 0...i { shock[i] += factor[i, j] * e[j] } }
            x = a * x + shock
            var s = MacroState(unemployment: p.unemploymentMean + x[0],
                               consumptionGrowth: p.consumptionGrowthMean + x[1],
                               fundingRate: p.fundingRateMean + x[2])
            if let r = p.recession, r.active(t) {
                s.unemployment += r.unemploymentRise
                s.consumptionGrowth -= r.consumptionDrop
                s.fundingRate += r.fundingRateChange
            }
            s.unemployment = max(s.unemployment, 0)
            s.fundingRate = max(s.fundingRate, 0)
            states.append(s)
        }
        return states
    }
}
