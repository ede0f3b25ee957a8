import CardsimEngine

/// `regression:` of a scenario file: how `cardsim check` judges this scenario's KPIs against a
/// stored baseline (docs/regression.md). The engine does not read it;
/// `ScenarioLoader.loadWithRegression` returns it beside the scenario.
///
/// A KPI with a declared tolerance passes when `|now - baseline| <= max(absolute, relative *
/// |baseline mean|)` (a bound not given counts as 0); every other KPI passes when
/// `|now - baseline| <= sigmas * sqrt(se_baseline^2 + se_now^2)`.
public struct RegressionSettings: Sendable, Equatable {
    /// The default `sigmas`: 4 combined standard errors (docs/regression.md says why).
    public static let defaultSigmas = 4.0

    /// Tolerance of KPIs without a declared one, in combined Monte Carlo standard errors.
    public var sigmas: Double
    /// Declared tolerances by KPI id.
    public var kpis: [String: KPITolerance]

    public init(sigmas: Double = defaultSigmas, kpis: [String: KPITolerance] = [:]) {
        self.sigmas = sigmas; self.kpis = kpis
    }
}

/// A declared tolerance of one KPI, e.g. `net_income: {relative: 0.02}`.
public struct KPITolerance: Sendable, Equatable {
    /// In the KPI's own unit.
    public var absolute: Double?
    /// A fraction of the baseline mean's magnitude.
    public var relative: Double?

    public init(absolute: Double? = nil, relative: Double? = nil) {
        self.absolute = absolute; self.relative = relative
    }
}

/// `regression:` as read.
struct RegressionDraft {
    var sigmas = RegressionSettings.defaultSigmas
    /// KPI id to bounds (`absolute`, `relative`) given.
    var kpis: [String: [String: Double]] = [:]

    var settings: RegressionSettings {
        RegressionSettings(sigmas: sigmas, kpis: kpis.mapValues { KPITolerance(absolute: $0["absolute"], relative: $0["relative"]) })
    }
}

extension Tables {
    /// `regression:` tolerances of `cardsim check`.
    static var regression: Section<RegressionDraft> {
        Section(defaultValue: RegressionDraft(), fields: [
            .number("sigmas", \.sigmas, .nonNegative, unit: "combined standard errors",
                    doc: "A KPI without a declared tolerance passes `cardsim check` when it moved by at most sigmas x sqrt(se_baseline^2 + se_now^2); 0 demands equality.",
                    source: "assumption: 4 keeps false alarms near 0.2% of checks of 30 unchanged KPIs (normal errors; docs/regression.md)"),
            .section("kpis", \.kpis, regressionKPIs,
                     doc: "Declared tolerances, instead of `sigmas`: a KPI id maps to absolute (in the KPI's unit) and/or relative (a fraction of the baseline mean); with both, the larger applies."),
        ])
    }

    /// `regression.kpis:` one optional entry per KPI.
    static var regressionKPIs: Section<[String: [String: Double]]> {
        Section(defaultValue: [:], fields: KPI.all.map { kpi in
            .kpiTolerance(kpi.id, unit: kpi.unit,
                          doc: "Tolerance for \(kpi.id) (\(kpi.summary)); relative is at most 1.",
                          source: "none; declare one where a business threshold matters more than the Monte Carlo error")
        })
    }
}

extension Field where Root == [String: [String: Double]] {
    /// The names a declared tolerance may give.
    static var toleranceBounds: [String] { ["absolute", "relative"] }

    /// The tolerance of one KPI: a mapping of `absolute` (at least 0, in the KPI's unit) and
    /// `relative` (a fraction from 0 to 1) to numbers.
    static func kpiTolerance(_ key: String, unit: String, doc: String, source: String) -> Field {
        let bounds = toleranceBounds
        return Field(key: key, shape: .keyedValues(keys: bounds, noun: "tolerance", range: .nonNegative), unit: unit,
                     doc: doc, source: source,
                     decode: { node, root, context, fieldPath in
                         guard let entries = context.mapping(node, fieldPath) else { return }
                         var values: [String: Double] = [:]
                         for entry in entries {
                             guard let bound = context.key(entry, fieldPath) else { continue }
                             guard bounds.contains(bound) else {
                                 context.report(entry.key.location,
                                                "unknown tolerance in \(fieldPath); expected one of \(bounds.joined(separator: ", ")), found '\(bound)'",
                                                hint: Suggestion.nearest(to: bound, among: bounds).map { "did you mean '\($0)'?" })
                                 continue
                             }
                             let entryPath = "\(fieldPath).\(bound)"
                             context.record(entryPath, entry.value.location)
                             let range: NumberRange = bound == "relative" ? .fraction : .nonNegative
                             let entryUnit = bound == "relative" ? "fraction of the baseline mean" : unit
                             if let value = context.number(entry.value, entryPath, range: range, unit: entryUnit) {
                                 values[bound] = value
                             }
                         }
                         root[key] = values.isEmpty ? nil : values
                     },
                     encode: { root in
                         let values = root[key] ?? [:]
                         return .object(bounds.compactMap { b in values[b].map { JSONValue.Member(b, .number($0)) } })
                     })
    }
}
