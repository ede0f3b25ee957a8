import CardsimEngine

extension Tables {
    /// `run:` sizes the Monte Carlo run.
    static var run: Section<RunSettings> {
        Section(defaultValue: RunSettings(), fields: [
            .integer("paths", \.paths, .atLeast(1), unit: "paths",
                     doc: "Monte Carlo paths; every strategy runs on the same paths (common random numbers).",
                     source: "assumption: enough for paired strategy differences; raise it for final figures"),
            .integer("months", \.months, .closed(1, 600), unit: "months",
                     doc: "Months simulated on each path.",
                     source: "assumption: a five-year planning horizon"),
            .integer("agents", \.agents, .atLeast(1), unit: "agents",
                     doc: "Simulated customers; each stands for market.adults / agents adults.",
                     source: "assumption: one agent per 15 adults in a region of 3,000,000"),
            .integer("spin_up_months", \.spinUpMonths, .closed(0, 240), unit: "months",
                     doc: "Months of the bank's history run before month 1 under the champion's month-1 product and policy (windowed levers off, macro at its month-0 level, competitors at their declared terms) and discarded, so that the starting book is the model's own steady state.",
                     source: "assumption: 60 months; in a stationary market the month 1-12 ratio KPIs come within about 10% of months 49-60 (measured in docs/model/steady-state.md); 0 starts from the month-0 draw"),
            .unsigned("seed", \.seed,
                      doc: "Seed of the counter-based random generator; the same scenario and seed give bit-identical results.",
                      source: "assumption: any fixed value (reproducibility principle, product brief)"),
        ])
    }
}
