import CardsimEngine
import Foundation

/// A targets file as read.
struct CalibrationDraft {
    var scenario = ""
    var parameters: [CalibrationBoundsDraft] = []
    var targets: [CalibrationTargetDraft] = []
    var run = CalibrationRunDraft()

    /// The spec, once every check passed; places are looked up in `context`.
    func spec(file: String, context: DecodeContext) -> CalibrationSpec {
        func place(_ paths: String...) -> FilePlace { FilePlace(context.location(paths)) }
        let folder = URL(fileURLWithPath: file).deletingLastPathComponent()
        let scenarioPath = scenario.hasPrefix("/") ? scenario
            : (file.contains("/") ? folder.appendingPathComponent(scenario).standardizedFileURL.path : scenario)
        let parameters = self.parameters.map { p in
            let here = "parameters.\(p.path)"
            return CalibrationParameter(path: p.path, low: p.low, high: p.high, pathPlace: FilePlace(context.keyLocation(here) ?? context.location([here])),
                                        lowPlace: place("\(here).low", here), highPlace: place("\(here).high", here))
        }
        let targets = self.targets.enumerated().map { index, t in
            let here = "targets[\(index)]"
            let window: MomentWindow = t.month.map { .month($0) } ?? t.window ?? .run
            return CalibrationTarget(kpi: t.kpi, window: window, value: t.value, tolerance: t.tolerance, source: t.source,
                                     place: place(here), windowPlace: place("\(here).month", "\(here).months", here))
        }
        return CalibrationSpec(file: file, scenario: scenario, scenarioPath: scenarioPath, scenarioPlace: place("scenario"), parameters: parameters, targets: targets,
                               run: CalibrationRun(paths: run.paths, agents: run.agents, months: run.months, seed: run.seed,
                                                   starts: run.starts, maxEvaluations: run.maxEvaluations))
    }
}

/// One entry of `parameters:` as read: the path (the entry's key) and its bounds.
struct CalibrationBoundsDraft {
    var path = ""
    var low = Double.nan
    var high = Double.nan
}

/// One item of `targets:` as read.
struct CalibrationTargetDraft {
    var kpi = ""
    var month: Int?
    var monthsText: String?
    var value = 0.0
    var tolerance = 0.0
    var source = ""

    /// `months:` read as a window: "A-B" or "all"; nil when absent or malformed.
    var window: MomentWindow? { monthsText.flatMap(CalibrationTargetDraft.window) }

    static func window(_ text: String) -> MomentWindow? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed == "all" { return .run }
        let parts = trimmed.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, let a = Int(parts[0].trimmingCharacters(in: .whitespaces)),
              let b = Int(parts[1].trimmingCharacters(in: .whitespaces)), a >= 1, a <= b else { return nil }
        return .months(a, b)
    }
}

/// `run:` of a targets file as read.
struct CalibrationRunDraft {
    var paths = CalibrationRun.defaultPaths
    var agents = CalibrationRun.defaultAgents
    var months: Int?
    var seed: UInt64?
    var starts = 3
    var maxEvaluations = 150
}

extension Tables {
    /// A targets file of `cardsim calibrate`.
    static var calibration: Section<CalibrationDraft> {
        Section(defaultValue: CalibrationDraft(), fields: [
            .text("scenario", \.scenario, doc: "The scenario to calibrate, relative to the targets file.", source: "required", required: true),
            .sectionMap("parameters", \.parameters, item: calibrationBounds, noun: "parameter", key: \.path, minimumCount: 1,
                        doc: "The parameters fitted: each a --set path (e.g. market.behaviour.activation_probability) mapped to its bounds {low, high}.",
                        source: "required", required: true),
            .list("targets", \.targets, item: calibrationTarget, noun: "target", name: \.kpi, minimumCount: 1, uniqueNames: false,
                  doc: "The observed moments: a KPI at a month or averaged over months, its value and tolerance (weight 1 / tolerance²).",
                  source: "required"),
            .section("run", \.run, calibrationRun, doc: "Run size of each evaluation and the optimiser's budget (command-line options override them)."),
        ], checks: [
            SectionCheck(fields: ["targets"]) { draft, context, path in
                if draft.targets.isEmpty && context.locations["targets"] == nil {
                    context.report(context.location(path), "missing required key 'targets' in the targets file; expected a list of targets, found no 'targets'")
                }
            },
        ])
    }

    /// The bounds of one fitted parameter.
    static var calibrationBounds: Section<CalibrationBoundsDraft> {
        Section(defaultValue: CalibrationBoundsDraft(), fields: [
            .number("low", \.low, NumberRange(), unit: "the parameter's unit", doc: "Lower bound of the parameter.", source: "required", required: true),
            .number("high", \.high, NumberRange(), unit: "the parameter's unit", doc: "Upper bound of the parameter.", source: "required", required: true),
        ], checks: [
            SectionCheck(fields: ["low", "high"]) { bounds, context, path in
                if !(bounds.low < bounds.high) {
                    context.report(context.location("\(path).high", path),
                                   "\(path) has low \(NumberText.format(bounds.low)) and high \(NumberText.format(bounds.high)); expected low below high")
                }
            },
        ])
    }

    /// One item of `targets:`.
    static var calibrationTarget: Section<CalibrationTargetDraft> {
        Section(defaultValue: CalibrationTargetDraft(), fields: [
            .choice("kpi", \.kpi, options: KPI.all.map { ($0.id, $0.id) }, doc: "KPI id (docs/model/accounting-and-kpis.md).",
                    source: "required", required: true),
            .optionalInteger("month", \.month, .closed(1, 600), unit: "month", doc: "The month whose value is the moment (1-based).", source: "none"),
            .optionalText("months", \.monthsText, doc: "Months whose monthly values are averaged: FIRST-LAST (e.g. 49-60) or all."),
            .number("value", \.value, NumberRange(), unit: "the KPI's unit", doc: "The value observed.", source: "required", required: true),
            .number("tolerance", \.tolerance, .positive, unit: "the KPI's unit",
                    doc: "How far the model may be from the value; the moment's weight in the distance is 1 / tolerance².", source: "required", required: true),
            .text("source", \.source, doc: "Where the value comes from.", source: "none"),
        ], checks: [
            SectionCheck(fields: ["month", "months"]) { t, context, path in
                switch (t.month, t.monthsText) {
                case (.some, .some):
                    context.report(context.location("\(path).months", path),
                                   "\(path) gives both month and months; expected one of the two, found both", hint: "keep month: M or months: FIRST-LAST")
                case (nil, nil):
                    context.report(context.location(path), "\(path) has no month; expected month: M, months: FIRST-LAST or months: all, found neither")
                case (nil, .some(let text)) where t.window == nil:
                    context.report(context.location("\(path).months", path),
                                   "malformed window for \(path).months; expected FIRST-LAST with 1 <= FIRST <= LAST (e.g. 49-60) or all, found \"\(text)\"")
                default: break
                }
            },
        ])
    }

    /// `run:` of a targets file.
    static var calibrationRun: Section<CalibrationRunDraft> {
        Section(defaultValue: CalibrationRunDraft(), fields: [
            .integer("paths", \.paths, .atLeast(2), unit: "paths", doc: "Monte Carlo paths of each evaluation (all on the same seed: common random numbers).", source: "assumption"),
            .integer("agents", \.agents, .atLeast(1), unit: "agents", doc: "Simulated customers of each evaluation.", source: "assumption"),
            .optionalInteger("months", \.months, .closed(1, 600), unit: "months", doc: "Months of each evaluation (null: the scenario's).", source: "none"),
            .optionalUnsigned("seed", \.seed, doc: "Seed of every evaluation (null: the scenario's run.seed)."),
            .integer("starts", \.starts, .closed(1, 100), unit: "starts", doc: "Starts of the optimiser: the middle of the bounds, then Halton points.", source: "assumption"),
            .integer("max_evaluations", \.maxEvaluations, .closed(1, 100_000), unit: "evaluations",
                     doc: "Most evaluations of the optimiser over all starts (the standard errors take 2 per parameter more).", source: "assumption"),
        ])
    }
}
