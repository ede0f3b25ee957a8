/// One point of a sweep: a run of the scenario with some parameters set.
public struct SweepPoint: Sendable, Equatable {
    /// Why the point is run.
    public enum Role: Sendable, Equatable {
        /// A point of the design (grid, Latin hypercube or Morris).
        case design
        /// The scenario as it is, with no parameter changed: the tornado's reference.
        case base
        /// One parameter at its low end, the others at the scenario's values.
        case low(Int)
        /// One parameter at its high end, the others at the scenario's values.
        case high(Int)

        /// `design`, `base`, `low`, `high`, as in sweep.csv.
        public var name: String {
            switch self {
            case .design: "design"
            case .base: "base"
            case .low: "low"
            case .high: "high"
            }
        }
    }

    /// 1-based number, as in the point's directory name.
    public var number: Int
    public var role: Role
    /// One entry per parameter: the value set, or nil for the scenario's own value.
    public var values: [Double?]

    public init(number: Int, role: Role, values: [Double?]) {
        self.number = number; self.role = role; self.values = values
    }
}
