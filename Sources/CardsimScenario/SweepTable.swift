import CardsimEngine

/// `sweep:` of a scenario file: which parameters `cardsim sweep` varies, over which design, and
/// what it looks for (docs/sweeps.md). The engine does not read it; `ScenarioLoader.loadWithSweep`
/// returns it beside the scenario.
public struct SweepSettings: Sendable, Equatable {
    /// How the points of a sweep are chosen.
    public enum Design: String, Sendable, Equatable, CaseIterable {
        /// Every combination of every parameter's values.
        case grid
        /// `samples` points, each parameter's range cut into `samples` equal strata with one
        /// point in each (McKay, Beckman and Conover 1979).
        case latinHypercube = "latin_hypercube"
        /// `samples` one-at-a-time trajectories over a grid of `levels` levels (Morris 1991).
        case morris
    }

    /// Whether the objective KPI is to be made large or small.
    public enum Goal: String, Sendable, Equatable, CaseIterable {
        case maximize, minimize
    }

    public var design: Design
    /// Latin hypercube: the number of points; Morris: the number of trajectories.
    public var samples: Int
    /// Morris: the number of levels of each parameter's range.
    public var levels: Int
    /// Seed of the design's own generator (Latin hypercube and Morris); the runs keep the
    /// scenario's `run.seed`.
    public var seed: UInt64
    /// KPI id the optimum and the tornado chart speak of.
    public var objective: String
    public var goal: Goal
    /// Conditions on KPI means that the optimum must meet.
    public var constraints: [KPITarget]
    /// The parameters varied, in file order.
    public var parameters: [SweepParameter]

    public init(design: Design = .grid, samples: Int = 10, levels: Int = 4, seed: UInt64 = 1, objective: String = "npv",
                goal: Goal = .maximize, constraints: [KPITarget] = [], parameters: [SweepParameter] = []) {
        self.design = design; self.samples = samples; self.levels = levels; self.seed = seed
        self.objective = objective; self.goal = goal; self.constraints = constraints; self.parameters = parameters
    }
}

/// One varied parameter: a `--set` path and either its values or its range.
public struct SweepParameter: Sendable, Equatable {
    /// Dotted path, as in `--set PATH=VALUE`.
    public var path: String
    /// The grid's values: the listed `values`, or `low, low + step, ..., high`; empty when only
    /// a range is given (Latin hypercube, Morris).
    public var values: [Double]
    /// The range Latin hypercube and Morris sample and the tornado's two ends: the smallest
    /// and largest value, or `low` and `high`.
    public var low: Double
    public var high: Double

    public init(path: String, values: [Double], low: Double, high: Double) {
        self.path = path; self.values = values; self.low = low; self.high = high
    }

    /// Largest number of grid values one parameter may have.
    public static let maximumValues = 1000

    /// `low, low + step, ..., high` (high included when the steps reach it within 1e-9 steps),
    /// each rounded to 12 significant digits so that 0.1 + 0.2 reads 0.3; nil when that would
    /// be more than `maximumValues` values.
    public static func steps(low: Double, high: Double, step: Double) -> [Double]? {
        let count = ((high - low) / step + 1e-9).rounded(.down) + 1
        guard count.isFinite, count >= 1, count <= Double(maximumValues) else { return nil }
        return (0..<Int(count)).map { i in
            let v = low + Double(i) * step
            return Double(String(format: "%.12g", v)) ?? v
        }
    }
}

/// `sweep:` as read.
struct SweepDraft {
    var design = SweepSettings.Design.grid
    var samples = 10
    var levels = 4
    var seed: UInt64 = 1
    var objective = ObjectiveDraft()
    var constraints: TargetsDraft = [:]
    var vary: [VaryDraft] = []

    var settings: SweepSettings {
        SweepSettings(design: design, samples: samples, levels: levels, seed: seed, objective: objective.kpi,
                      goal: objective.goal, constraints: KPITarget.list(constraints), parameters: vary.compactMap(\.parameter))
    }
}

/// `sweep.objective:` as read.
struct ObjectiveDraft {
    var kpi = "npv"
    var goal = SweepSettings.Goal.maximize
}

/// One item of `sweep.vary:` as read.
struct VaryDraft {
    var path = ""
    var values: [Double] = []
    var low: Double?
    var high: Double?
    var step: Double?

    /// The parameter, once the item's checks passed.
    var parameter: SweepParameter? {
        if !values.isEmpty { return SweepParameter(path: path, values: values, low: values.min()!, high: values.max()!) }
        guard let low, let high else { return nil }
        let grid = step.flatMap { SweepParameter.steps(low: low, high: high, step: $0) } ?? []
        return SweepParameter(path: path, values: grid, low: low, high: high)
    }
}

extension Tables {
    /// `sweep:` the parameter sweep of `cardsim sweep`.
    static var sweep: Section<SweepDraft> {
        Section(defaultValue: SweepDraft(), fields: [
            .choice("design", \.design, options: SweepSettings.Design.allCases.map { ($0.rawValue, $0) },
                    doc: "How points are chosen: every combination of the values (grid), a Latin hypercube sample of the ranges, or Morris elementary-effects trajectories.",
                    source: "assumption"),
            .integer("samples", \.samples, .closed(1, 100_000), unit: "points (latin_hypercube) or trajectories (morris)",
                     doc: "Latin hypercube: number of points; Morris: number of trajectories r (r x (parameters + 1) points).",
                     source: "assumption: 10 trajectories is the usual minimum for Morris screening"),
            .integer("levels", \.levels, .closed(2, 1000), unit: "levels",
                     doc: "Morris: levels p of each range; each move is floor(p/2) / (p - 1) of the range (p / (2 (p - 1)) for even p).",
                     source: "assumption: 4 levels, as in Morris (1991) and Saltelli et al. (2004)"),
            .unsigned("seed", \.seed, doc: "Seed of the design's own generator (Latin hypercube, Morris); every point keeps run.seed, so all points share random numbers.",
                      source: "assumption"),
            .section("objective", \.objective, objective, doc: "The KPI mean the optimum makes largest or smallest; the tornado chart shows it."),
            .section("constraints", \.constraints, kpiTargets,
                     doc: "Conditions on KPI means the optimum must meet, as in kpi_targets: a KPI id maps to bounds at_least, above, at_most, below."),
            .list("vary", \.vary, item: varyItem, noun: "parameter", name: \.path, uniqueNames: false,
                  doc: "The parameters varied: each a --set path with values, or low and high (and step for a grid).",
                  source: "none", check: checkVary),
        ], checks: [
            SectionCheck(fields: ["design", "vary"]) { draft, context, path in
                guard draft.design == .grid else { return }
                for (index, item) in draft.vary.enumerated() where item.values.isEmpty && item.step == nil {
                    context.report(context.location("\(path).vary[\(index)]", "\(path).vary.\(item.path)", path),
                                   "\(path).vary[\(index)] (\(item.path)) has no values for a grid; expected values or a step, found only low and high",
                                   hint: "add step: … or values: [...], or choose design: latin_hypercube or morris")
                }
            },
        ])
    }

    /// `sweep.objective:`
    static var objective: Section<ObjectiveDraft> {
        Section(defaultValue: ObjectiveDraft(), fields: [
            .choice("kpi", \.kpi, options: KPI.all.map { ($0.id, $0.id) },
                    doc: "KPI id whose mean over paths the optimum seeks.", source: "assumption"),
            .choice("goal", \.goal, options: SweepSettings.Goal.allCases.map { ($0.rawValue, $0) },
                    doc: "Whether the best point has the largest (maximize) or smallest (minimize) mean.", source: "assumption"),
        ])
    }

    /// One item of `sweep.vary:`.
    static var varyItem: Section<VaryDraft> {
        Section(defaultValue: VaryDraft(), fields: [
            .text("path", \.path, doc: "Dotted path of the value, as in --set PATH=VALUE (e.g. bank.product.annual_fee).",
                  source: "required", required: true),
            .numberList("values", \.values, NumberRange(), minimumCount: 1, unit: "the parameter's unit",
                        doc: "The values to try (a grid's values; the smallest and largest bound the range)."),
            .optionalNumber("low", \.low, NumberRange(), unit: "the parameter's unit", doc: "Lower end of the range (with high)."),
            .optionalNumber("high", \.high, NumberRange(), unit: "the parameter's unit", doc: "Upper end of the range (with low)."),
            .optionalNumber("step", \.step, .positive, unit: "the parameter's unit",
                            doc: "Grid step from low to high: values low, low + step, ..., high."),
        ], checks: [
            SectionCheck(fields: ["values", "low", "high", "step"]) { item, context, path in
                let hasRange = item.low != nil || item.high != nil || item.step != nil
                if !item.values.isEmpty && hasRange {
                    context.report(context.location("\(path).low", "\(path).high", "\(path).step", path),
                                   "\(path) gives both values and low/high/step; expected one of the two, found both",
                                   hint: "keep values: [...] or low/high/step")
                } else if item.values.isEmpty {
                    guard let low = item.low, let high = item.high else {
                        context.report(context.location(path),
                                       "\(path) has no values; expected values: [...] or both low and high, found \(item.low == nil && item.high == nil ? "neither" : "only one of low and high")")
                        return
                    }
                    if low >= high {
                        context.report(context.location("\(path).high", path),
                                       "\(path) has low \(NumberText.format(low)) and high \(NumberText.format(high)); expected low below high")
                    } else if let step = item.step, SweepParameter.steps(low: low, high: high, step: step) == nil {
                        context.report(context.location("\(path).step", path),
                                       "\(path).step \(NumberText.format(step)) gives more than \(SweepParameter.maximumValues) values from \(NumberText.format(low)) to \(NumberText.format(high)); expected a larger step")
                    }
                }
            },
        ])
    }

    /// Refuses a path varied twice.
    static func checkVary(_ items: [VaryDraft], _ nodes: [DocumentNode], _ context: inout DecodeContext, _ path: String) {
        var first: [String: SourceLocation] = [:]
        for (item, node) in zip(items, nodes) where !item.path.isEmpty {
            let location = node["path"]?.location ?? node.location
            if let earlier = first[item.path] {
                context.report(location, "\(item.path) is varied twice in \(path); expected each path once, found it again",
                               hint: "first varied at \(earlier.humanReadable(seenFrom: location))")
            } else {
                first[item.path] = location
            }
        }
    }
}

extension Field {
    /// A list of at least `minimumCount` numbers within a range; replaces the current list.
    static func numberList(_ key: String, _ path: WritableKeyPath<Root, [Double]>, _ range: NumberRange, minimumCount: Int,
                           unit: String, doc: String) -> Field {
        Field(key: key, shape: .numberList(range, minimumCount: minimumCount), unit: unit, doc: doc, source: "none",
              decode: { node, root, context, fieldPath in
                  guard let items = context.sequence(node, fieldPath, expected: "a list of numbers") else { return }
                  if items.count < minimumCount {
                      context.fail(fieldPath)
                      context.report(node.location, "too few numbers in \(fieldPath); expected at least \(minimumCount), found \(items.count)")
                  }
                  var values: [Double] = []
                  for (index, item) in items.enumerated() {
                      let itemPath = "\(fieldPath)[\(index)]"
                      context.record(itemPath, item.location)
                      if let value = context.number(item, itemPath, range: range, unit: unit) { values.append(value) }
                  }
                  if values.count == items.count { root[keyPath: path] = values } else { context.fail(fieldPath) }
              },
              encode: { root in root[keyPath: path].isEmpty ? nil : .array(root[keyPath: path].map { .number($0) }) })
    }
}
