import CardsimOutput
import CardsimScenario

/// What makes two sweeps the same sweep, as the text of `sweep.json`: the cardsim version, the
/// scenario's identity hash (its text and the overrides shared by every point, run size
/// included) and every point's own overrides. A sweep re-run with the same arguments has the
/// same identity and resumes; anything that would change a point's results changes it.
/// The objective and constraints are not part of it: they change only the tables.
public struct SweepIdentity: Sendable, Equatable {
    public let text: String

    public init(plan: SweepPlan, scenarioName: String, scenarioHash: String, sharedOverrides: [String]) {
        let points = plan.points.map { p in
            JSONText.object(["number": .integer(Int64(p.number)), "role": .string(p.role.name),
                             "overrides": .array(plan.overrides(p).map(JSONText.string))])
        }
        let root: [String: JSONText] = [
            "cardsim_version": .string(CardsimVersion.current),
            "scenario": .object(["name": .string(scenarioName), "hash": .string(scenarioHash)]),
            "overrides": .array(sharedOverrides.map(JSONText.string)),
            "design": .string(plan.settings.design.rawValue),
            "parameters": .array(plan.settings.parameters.map { JSONText.string($0.path) }),
            "points": .array(points),
        ]
        text = JSONText.object(root).document
    }

    /// The first line where `stored` and this identity differ, for the refusal message.
    func difference(from stored: String) -> String {
        let a = stored.split(separator: "\n", omittingEmptySubsequences: false)
        let b = text.split(separator: "\n", omittingEmptySubsequences: false)
        for i in 0..<max(a.count, b.count) {
            let old = i < a.count ? String(a[i]).trimmingCharacters(in: .whitespaces) : "(nothing)"
            let new = i < b.count ? String(b[i]).trimmingCharacters(in: .whitespaces) : "(nothing)"
            if old != new { return "it has \(old), this sweep has \(new)" }
        }
        return "its \(PointStore.identityFileName) differs"
    }
}
