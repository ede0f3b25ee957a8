import CardsimEngine

extension Tables {
    /// Keys of the three macro variables, in the engine's order.
    static let macroVariables = ["unemployment", "consumption_growth", "funding_rate"]

    /// `macro:` the economy: long-run means, the AR(1) process around them and an optional
    /// imposed recession.
    static var macro: Section<MacroParameters> {
        let variables = macroVariables.enumerated().map { (name: $0.element, indices: [$0.offset]) }
        return Section(defaultValue: MacroParameters(), fields: [
            .number("unemployment_mean", \.unemploymentMean, .closed(0, 50), unit: "percent",
                    doc: "Long-run mean of the unemployment rate, in percent (5.2 means 5.2%).",
                    source: "China's surveyed urban unemployment averaged about 5.2% in 2023 (assumption; not in the product brief)"),
            .number("consumption_growth_mean", \.consumptionGrowthMean, .closed(-0.5, 0.5), unit: "fraction per year",
                    doc: "Long-run mean of year-on-year consumption growth.",
                    source: "assumption"),
            .number("funding_rate_mean", \.fundingRateMean, .closed(0, 0.5), unit: "fraction per year",
                    doc: "Long-run mean of the bank's funding rate.",
                    source: "assumption: deposit-funded regional bank"),
            .keyedValues("persistence", \.persistence, keys: variables, noun: "macro variable", .fractionBelowOne,
                         unit: "per month",
                         doc: "Monthly AR(1) persistence of each variable's deviation from its mean.",
                         source: "assumption (engine calibration)"),
            .keyedValues("volatility", \.volatility, keys: variables, noun: "macro variable", .closed(0, 10),
                         unit: "per month: percentage points for unemployment, fractions otherwise",
                         doc: "Standard deviation of each variable's monthly shock; all 0 holds the economy at its means.",
                         source: "assumption (engine calibration)"),
            .keyedValues("shock_correlations", \.correlation, keys: [
                ("unemployment_consumption_growth", [1, 3]), ("unemployment_funding_rate", [2, 6]),
                ("consumption_growth_funding_rate", [5, 7]),
            ], noun: "pair of macro variables", NumberRange(minimum: -1, maximum: 1, minimumExclusive: true, maximumExclusive: true),
                         unit: "correlation",
                         doc: "Correlation of the monthly shocks of each pair of variables; together they form a positive definite matrix.",
                         source: "assumption (engine calibration)"),
            .number("spend_elasticity", \.spendElasticity, .closed(0, 10), unit: "",
                    doc: "Card spend multiplier per unit of consumption growth above its mean: 1 + elasticity * (g - g0).",
                    source: "assumption"),
            .optionalSection("recession", \.recession, recession,
                             doc: "A recession imposed on every path, on top of the random path; leave out or set to null for none.",
                             source: "none"),
        ], checks: [
            SectionCheck(fields: ["shock_correlations"]) { macro, context, path in
                let a = macro.correlation[1], b = macro.correlation[2], c = macro.correlation[5]
                let determinant = 1 + 2 * a * b * c - a * a - b * b - c * c
                guard determinant <= 1e-12 else { return }
                context.report(context.location("\(path).shock_correlations"),
                               "shock correlations in \(path) are not consistent; expected a positive definite correlation matrix (determinant above 0), found determinant \(NumberText.rounded(determinant))")
            },
        ])
    }

    /// `macro.recession:`
    static var recession: Section<Recession> {
        Section(defaultValue: Recession(startMonth: 1, lengthMonths: 1, unemploymentRise: 0, consumptionDrop: 0), fields: [
            .integer("start_month", \.startMonth, .closed(1, 600), unit: "month",
                     doc: "First month of the recession.", source: "required", required: true),
            .integer("length_months", \.lengthMonths, .closed(1, 600), unit: "months",
                     doc: "Length of the recession.", source: "required", required: true),
            .number("unemployment_rise", \.unemploymentRise, .closed(0, 30), unit: "percentage points",
                    doc: "Points added to unemployment during the recession.", source: "required", required: true),
            .number("consumption_drop", \.consumptionDrop, .fraction, unit: "fraction per year",
                    doc: "Amount subtracted from consumption growth during the recession.", source: "required", required: true),
            .number("funding_rate_change", \.fundingRateChange, .closed(-0.1, 0.1), unit: "fraction per year",
                    doc: "Change of the funding rate during the recession (negative when policy rates are cut).",
                    source: "assumption: no change"),
        ])
    }
}
