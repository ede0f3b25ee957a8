import Foundation
import CardsimEngine
import CardsimScenario

/// The best row of a sweep (a point and a strategy) for an objective under constraints.
///
/// A row is feasible when every constraint holds on its KPI means (e.g. `charge_off_rate` mean
/// below 0.01 and `active_rate` mean at least 0.70). The optimum is the feasible row with the
/// largest (maximize) or smallest (minimize) objective mean; ties go to the earlier point, then
/// the earlier strategy. Means carry Monte Carlo error: the standard errors in `sweep.csv` tell
/// how far apart two rows' means must be to be told apart (all points share random numbers,
/// so their differences are less noisy than the errors suggest).
public struct Optimum: Sendable, Equatable {
    /// One row of the sweep.
    public struct Row: Sendable, Equatable {
        public var point: SweepPoint
        public var strategy: Int
        public var results: PointResults

        public init(point: SweepPoint, strategy: Int, results: PointResults) {
            self.point = point; self.strategy = strategy; self.results = results
        }

        public func mean(_ kpi: String) -> Double { results.means[strategy][kpi] ?? .nan }
    }

    /// One constraint checked on the best row.
    public struct Check: Sendable, Equatable {
        public var constraint: KPITarget
        public var mean: Double
        public var met: Bool
    }

    public var kpi: String
    public var goal: SweepSettings.Goal
    public var constraints: [KPITarget]
    /// Rows considered and rows meeting every constraint.
    public var rows: Int
    public var feasible: Int
    /// The best feasible row, nil when no row meets the constraints.
    public var best: Row?
    /// The constraints on the best row.
    public var checks: [Check]

    public init(rows: [Row], kpi: String, goal: SweepSettings.Goal, constraints: [KPITarget]) {
        self.kpi = kpi; self.goal = goal; self.constraints = constraints
        self.rows = rows.count
        let candidates = rows.filter { row in constraints.allSatisfy { Optimum.holds($0, row.mean($0.kpi)) } }
        feasible = candidates.count
        var best: Row?
        for row in candidates where row.mean(kpi).isFinite {
            guard let current = best else { best = row; continue }
            let better = goal == .maximize ? row.mean(kpi) > current.mean(kpi) : row.mean(kpi) < current.mean(kpi)
            if better { best = row }
        }
        self.best = best
        checks = best.map { row in
            constraints.map { c in Check(constraint: c, mean: row.mean(c.kpi), met: Optimum.holds(c, row.mean(c.kpi))) }
        } ?? []
    }

    /// Whether `value` meets `target`.
    public static func holds(_ target: KPITarget, _ value: Double) -> Bool {
        switch target.relation {
        case .atLeast: value >= target.threshold
        case .above: value > target.threshold
        case .atMost: value <= target.threshold
        case .below: value < target.threshold
        }
    }
}

extension KPITarget {
    /// Parses `KPI<0.01`, `active_rate >= 0.70` (relations `<`, `<=`, `>`, `>=`): the
    /// command-line form of a sweep constraint. Throws `SweepError` naming what is wrong.
    public init(constraint text: String) throws {
        let relations: [(String, Relation)] = [("<=", .atMost), (">=", .atLeast), ("<", .below), (">", .above)]
        guard let (symbol, relation) = relations.first(where: { text.contains($0.0) }),
              let range = text.range(of: symbol) else {
            throw SweepError(.input, "invalid --constraint '\(text)': expected KPI RELATION NUMBER with RELATION one of <, <=, >, >=",
                             help: "e.g. --constraint 'charge_off_rate<0.01' --constraint 'active_rate>=0.70'")
        }
        let kpi = text[..<range.lowerBound].trimmingCharacters(in: .whitespaces)
        let number = text[range.upperBound...].trimmingCharacters(in: .whitespaces)
        guard KPI.all.contains(where: { $0.id == kpi }) else {
            throw SweepError(.input, "invalid --constraint '\(text)': unknown KPI '\(kpi)'",
                             help: "KPI ids: " + KPI.all.map(\.id).joined(separator: ", "))
        }
        guard let threshold = Double(number), threshold.isFinite else {
            throw SweepError(.input, "invalid --constraint '\(text)': expected a number after \(symbol), found '\(number)'",
                             help: "Write fractions as fractions: 'active_rate>=0.70', not 70%.")
        }
        self.init(kpi: kpi, relation: relation, threshold: threshold)
    }

    /// `charge_off_rate < 0.01`.
    public var constraintText: String {
        let symbol = switch relation {
        case .atLeast: ">="
        case .above: ">"
        case .atMost: "<="
        case .below: "<"
        }
        return "\(kpi) \(symbol) \(threshold)"
    }
}
