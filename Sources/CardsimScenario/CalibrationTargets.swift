import CardsimEngine
import Foundation

/// A targets file of `cardsim calibrate` (docs/calibration.md): the scenario to fit, the
/// parameters it may move within bounds, the figures the bank observes, and the calibration's
/// run size.
public struct CalibrationSpec: Sendable, Equatable {
    /// The targets file as given.
    public var file: String
    /// `scenario:` as written (relative to the targets file's folder).
    public var scenario: String
    /// The scenario's path: `scenario` joined to the targets file's folder.
    public var scenarioPath: String
    /// Where `scenario:` is written.
    public var scenarioPlace: FilePlace
    /// The parameters fitted, in file order.
    public var parameters: [CalibrationParameter]
    /// The observed moments, in file order.
    public var targets: [CalibrationTarget]
    public var run: CalibrationRun
}

/// One fitted parameter: a `--set` path and its bounds.
public struct CalibrationParameter: Sendable, Equatable {
    /// Dotted path, as in `--set PATH=VALUE`.
    public var path: String
    public var low: Double
    public var high: Double
    /// Where the path, `low` and `high` are written in the targets file.
    public var pathPlace: FilePlace
    public var lowPlace: FilePlace
    public var highPlace: FilePlace

    /// The value at `x` in [0, 1] of the range: low + x (high - low).
    public func value(at x: Double) -> Double { low + x * (high - low) }
}

/// The months a target's moment averages.
public enum MomentWindow: Sendable, Equatable {
    /// The KPI's value in one month (1-based).
    case month(Int)
    /// The mean of its monthly values over months first...last.
    case months(Int, Int)
    /// The mean of its monthly values over every month of the run.
    case run

    /// The 1-based months averaged in a run of `horizon` months.
    public func months(horizon: Int) -> ClosedRange<Int> {
        switch self {
        case .month(let m): return m...m
        case .months(let a, let b): return a...b
        case .run: return 1...horizon
        }
    }

    /// The last month the window needs.
    public var lastMonth: Int? {
        switch self {
        case .month(let m): return m
        case .months(_, let b): return b
        case .run: return nil
        }
    }

    /// "month 60", "months 49-60", "all months".
    public var text: String {
        switch self {
        case .month(let m): return "month \(m)"
        case .months(let a, let b): return "months \(a)-\(b)"
        case .run: return "all months"
        }
    }
}

/// One observed moment: a KPI at a month or averaged over months, the value observed and the
/// tolerance that weighs it (weight 1 / tolerance²).
public struct CalibrationTarget: Sendable, Equatable {
    /// KPI id (`KPI.all`).
    public var kpi: String
    public var window: MomentWindow
    /// The observed value, in the KPI's unit.
    public var value: Double
    /// How far the model may be from `value` and still match it, in the KPI's unit.
    public var tolerance: Double
    /// Where the value comes from.
    public var source: String
    /// Where the target and its window are written in the targets file.
    public var place: FilePlace
    public var windowPlace: FilePlace
}

/// The calibration's run size and search budget; nil keeps the scenario's value.
public struct CalibrationRun: Sendable, Equatable {
    public var paths: Int
    public var agents: Int
    public var months: Int?
    public var seed: UInt64?
    /// Starts of the optimiser: the middle of the bounds, then points of a Halton sequence.
    public var starts: Int
    /// Most evaluations of the optimiser (the standard errors' 2 x parameters more are extra).
    public var maxEvaluations: Int

    public static let defaultPaths = 8
    public static let defaultAgents = 20_000
}

/// A position in a file, for diagnostics about values read from it.
public struct FilePlace: Sendable, Equatable {
    public var file: String
    public var line: Int?
    public var column: Int?

    public init(file: String, line: Int? = nil, column: Int? = nil) {
        self.file = file; self.line = line; self.column = column
    }

    init(_ location: SourceLocation) { self.init(file: location.file, line: location.line, column: location.column) }

    /// An error diagnostic at this position.
    public func error(_ message: String, hint: String? = nil) -> Diagnostic {
        Diagnostic(file: file, line: line, column: column, message: message, hint: hint)
    }
}

extension CalibrationSpec {
    /// Reads the targets file at `path`. Throws `ScenarioErrors` with every problem found,
    /// each at FILE:LINE:COL.
    public static func load(path: String) throws -> CalibrationSpec {
        try load(yaml: ScenarioLoader.readFile(path), file: path)
    }

    /// As `load(path:)`, for text already read; `file` names it in diagnostics and is the folder
    /// the scenario path is relative to.
    public static func load(yaml: String, file: String) throws -> CalibrationSpec {
        let root: DocumentNode
        switch YAMLReader.read(yaml, file: file, empty: "empty targets file; expected a YAML mapping with scenario, parameters and targets") {
        case .success(let node): root = node
        case .failure(let diagnostic): throw ScenarioErrors(diagnostics: [diagnostic])
        }
        var context = DecodeContext(fallback: SourceLocation(file: file))
        var draft = CalibrationDraft()
        Tables.calibration.decode(root, into: &draft, path: "", context: &context)
        guard context.diagnostics.isEmpty else { throw ScenarioErrors(diagnostics: context.diagnostics) }
        return draft.spec(file: file, context: context)
    }

    /// The JSON Schema of targets files, from the tables the loader reads with.
    public static func jsonSchema() -> String {
        ScenarioSchema.jsonSchema(of: Tables.calibration.info, title: "cardsim calibration targets",
                                  description: "The targets of cardsim calibrate: a scenario, the parameters to fit with their bounds, and the observed KPI values with their tolerances.")
    }
}
