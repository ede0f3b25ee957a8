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
            .unsigned("seed", \.seed,
                      doc: "Seed of the counter-based random generator; the same scenario and seed give bit-identical results.",
                      source: "assumption: any fixed value (reproducibility principle, product brief)"),
        ])
    }
}
