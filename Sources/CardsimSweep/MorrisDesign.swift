/// Morris elementary-effects trajectories (Morris 1991; Saltelli et al., "Sensitivity Analysis
/// in Practice", 2004, ch. 4).
///
/// Each parameter's range is mapped to [0, 1] and cut into `levels` p levels
/// {0, 1/(p-1), ..., 1}. The step is Δ = floor(p/2) / (p - 1): for even p the usual
/// p / (2 (p - 1)), which splits the levels into two halves that Δ maps onto each other.
/// A trajectory starts at a random level of every parameter and moves one parameter at a time,
/// in a random order, by +Δ if that stays in [0, 1] and else by -Δ: k + 1 points, each pair of
/// consecutive points differing in exactly one parameter.
public struct MorrisDesign: Sendable, Equatable {
    /// One trajectory: `points[0]` is the start, `points[j + 1]` moves parameter `order[j]`.
    public struct Trajectory: Sendable, Equatable {
        public var points: [[Double]]
        /// The parameter moved at each step, in order.
        public var order: [Int]
        /// The signed step of each move, in unit coordinates (+Δ or -Δ).
        public var steps: [Double]
    }

    public let levels: Int
    /// The step Δ in unit coordinates.
    public let delta: Double
    public let trajectories: [Trajectory]

    /// `trajectories` r trajectories over `levels` p levels (p >= 2) in `dimensions` k.
    public init(trajectories r: Int, levels p: Int, dimensions k: Int, seed: UInt64) {
        precondition(p >= 2, "Morris needs at least 2 levels")
        levels = p
        let jump = p / 2                                        // Δ in level steps
        delta = Double(jump) / Double(p - 1)
        let random = DesignRandom(seed: seed)
        trajectories = (0..<r).map { t in
            var level = (0..<k).map { i in random.integer(p, t, i, purpose: SweepDesign.Purposes.morrisBase) }
            let order = random.permutation(k, stream: t, purpose: SweepDesign.Purposes.morrisOrder)
            func unit(_ levels: [Int]) -> [Double] { levels.map { Double($0) / Double(p - 1) } }
            var points = [unit(level)]
            var steps: [Double] = []
            for i in order {
                let up = level[i] + jump <= p - 1
                level[i] += up ? jump : -jump
                steps.append(up ? Double(jump) / Double(p - 1) : -Double(jump) / Double(p - 1))
                points.append(unit(level))
            }
            return Trajectory(points: points, order: order, steps: steps)
        }
    }
}
