import CardsimEngine

/// KPI targets as read: KPI id to bounds (relation name to threshold).
typealias TargetsDraft = [String: [String: Double]]

extension Tables {
    /// The relations a target may state, in the order they are listed and checked.
    static let targetRelations = KPITarget.Relation.allCases.map(\.rawValue)

    /// Targets named by the product brief, for the guide's source column.
    static let briefTargets: [String: String] = [
        "active_rate": "none; the product brief's target is at least 0.70",
        "overdue_rate": "none; the product brief's target is at most 0.02",
        "bad_debt_rate": "none; the product brief's bad-debt target is below 0.01",
        "acquisition_cost_per_account": "none; the product brief's target is at most 80 yuan",
        "long_dormant_share": "none; regulation caps long-dormant cards at 0.20",
        "target_segment_share": "none; the product brief's plan wants at least 0.70 of new accounts in its target segments",
        "complaint_rate": "none; the product brief's target is below 0.005",
    ]

    /// `kpi_targets:` of a scenario: the end-of-run targets of `kpiTargets`, and `by_month:` /
    /// `by_year:` holding the same kind of bounds, checked in every month or every plan year.
    static var planTargets: Section<TargetsDraft> {
        Section(defaultValue: [:], fields: kpiTargets.fields + TargetPeriod.periodic.map { period in
            .section(period.rawValue, \TargetsDraft.[period: period], kpiTargets,
                     doc: period == .month
                         ? "Targets every month of the run must meet: each KPI on that month alone (a flow: the month's amount; a ratio: the month's)."
                         : "Targets every plan year (months 1-12, 13-24, ...) must meet: each KPI over that year's months.")
        })
    }

    /// `kpi_targets:` one optional entry per KPI, `{at_least, above, at_most, below}`.
    static var kpiTargets: Section<TargetsDraft> {
        Section(defaultValue: [:], fields: KPI.all.map { kpi in
            let fraction = kpi.unit.hasPrefix("fraction")
            return .targetBounds(kpi.id, range: fraction ? .fraction : NumberRange(), unit: kpi.unit,
                                 doc: "Target for \(kpi.id): \(kpi.summary).",
                                 source: briefTargets[kpi.id] ?? "none")
        })
    }
}

extension Field where Root == TargetsDraft {
    /// The bounds of one KPI: a mapping of `at_least`, `above`, `at_most`, `below` to thresholds
    /// in `range`. Reports unknown relations and bounds that no value can meet.
    static func targetBounds(_ key: String, range: NumberRange, unit: String, doc: String, source: String) -> Field {
        let relations = Tables.targetRelations
        return Field(key: key, shape: .keyedValues(keys: relations, noun: "bound", range: range), unit: unit,
                     doc: doc, source: source,
                     decode: { node, root, context, fieldPath in
                         guard let entries = context.mapping(node, fieldPath) else { return }
                         var bounds: [String: Double] = [:]
                         var complete = true
                         for entry in entries {
                             guard let relation = context.key(entry, fieldPath) else { complete = false; continue }
                             guard relations.contains(relation) else {
                                 context.report(entry.key.location,
                                                "unknown bound in \(fieldPath); expected one of \(relations.joined(separator: ", ")), found '\(relation)'",
                                                hint: Suggestion.nearest(to: relation, among: relations).map { "did you mean '\($0)'?" })
                                 complete = false
                                 continue
                             }
                             let entryPath = "\(fieldPath).\(relation)"
                             context.record(entryPath, entry.value.location)
                             if let value = context.number(entry.value, entryPath, range: range, unit: unit) {
                                 bounds[relation] = value
                             } else {
                                 complete = false
                             }
                         }
                         root[key] = bounds.isEmpty ? nil : bounds
                         if complete { checkSatisfiable(bounds, node: node, path: fieldPath, context: &context) }
                     },
                     encode: { root in
                         let bounds = root[key] ?? [:]
                         return .object(relations.compactMap { r in bounds[r].map { JSONValue.Member(r, .number($0)) } })
                     })
    }

    /// Refuses a lower bound above the upper bound (or equal to it when either is strict).
    private static func checkSatisfiable(_ bounds: [String: Double], node: DocumentNode, path: String,
                                         context: inout DecodeContext) {
        let lower = [KPITarget.Relation.atLeast, .above].compactMap { r in bounds[r.rawValue].map { (r, $0) } }
            .max { $0.1 < $1.1 }
        let upper = [KPITarget.Relation.atMost, .below].compactMap { r in bounds[r.rawValue].map { (r, $0) } }
            .min { $0.1 < $1.1 }
        guard let (lr, lv) = lower, let (ur, uv) = upper else { return }
        if lv > uv || (lv == uv && (lr == .above || ur == .below)) {
            context.report(node.location,
                           "contradictory bounds for \(path); expected a value that can meet both, found \(lr.rawValue) \(NumberText.format(lv)) and \(ur.rawValue) \(NumberText.format(uv))")
        }
    }
}

/// When a KPI target is checked: on the whole run, in every month, or in every plan year.
public enum TargetPeriod: String, Sendable, Equatable, CaseIterable {
    case run
    case month = "by_month"
    case year = "by_year"

    static let periodic: [TargetPeriod] = [.month, .year]
}

extension Dictionary where Key == String, Value == [String: Double] {
    /// The targets of `kpi_targets.<period>`, stored in the same draft under "<period>.<kpi>".
    subscript(period period: TargetPeriod) -> [String: [String: Double]] {
        get {
            var out: [String: [String: Double]] = [:]
            let prefix = period.rawValue + "."
            for (key, bounds) in self where key.hasPrefix(prefix) { out[String(key.dropFirst(prefix.count))] = bounds }
            return out
        }
        set {
            let prefix = period.rawValue + "."
            for key in keys where key.hasPrefix(prefix) { self[key] = nil }
            for (kpi, bounds) in newValue { self[prefix + kpi] = bounds }
        }
    }
}
