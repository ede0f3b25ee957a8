/// Morris sensitivity indices of one output from the outputs at the points of a `MorrisDesign`.
///
/// On trajectory t, the move of parameter i from point x to point x + s e_i (s = ±Δ in unit
/// coordinates) gives the elementary effect EE_i^t = (f(x + s e_i) - f(x)) / s: the change of
/// the output per whole range of the parameter. Over the r trajectories:
///
/// - mu_i = (1/r) Σ_t EE_i^t, the mean effect (signed; effects of opposite signs cancel);
/// - mu*_i = (1/r) Σ_t |EE_i^t|, the mean absolute effect (Campolongo et al. 2007), the measure
///   parameters are ranked by;
/// - sigma_i = sqrt(Σ_t (EE_i^t - mu_i)^2 / (r - 1)), the spread of the effects: non-linearity
///   or interactions with other parameters (0 when r = 1).
///
/// For a linear output f = Σ_i a_i (low_i + u_i (high_i - low_i)), every EE_i is
/// a_i (high_i - low_i), so mu_i = a_i (high_i - low_i), mu*_i = |mu_i| and sigma_i = 0.
public struct ElementaryEffects: Sendable, Equatable {
    /// The indices of one parameter.
    public struct Index: Sendable, Equatable {
        public var mu: Double
        public var muStar: Double
        public var sigma: Double
    }

    /// `effects[i][t]`: parameter i's elementary effect on trajectory t.
    public let effects: [[Double]]
    /// One per parameter, in parameter order.
    public let indices: [Index]

    /// The effects of `design`, from `outputs` at its points in trajectory order (trajectory 0's
    /// k + 1 points, then trajectory 1's, ...).
    public init(design: MorrisDesign, outputs: [Double]) {
        let k = design.trajectories.first.map { $0.order.count } ?? 0
        precondition(outputs.count == design.trajectories.count * (k + 1), "one output per point of the design")
        var effects = [[Double]](repeating: [], count: k)
        for (t, trajectory) in design.trajectories.enumerated() {
            let base = t * (k + 1)
            for (j, i) in trajectory.order.enumerated() {
                effects[i].append((outputs[base + j + 1] - outputs[base + j]) / trajectory.steps[j])
            }
        }
        self.effects = effects
        indices = effects.map { e in
            let r = Double(e.count)
            guard r > 0 else { return Index(mu: 0, muStar: 0, sigma: 0) }
            var sum = 0.0, absolute = 0.0
            for x in e { sum += x; absolute += abs(x) }
            let mu = sum / r
            var squares = 0.0
            for x in e { squares += (x - mu) * (x - mu) }
            return Index(mu: mu, muStar: absolute / r, sigma: e.count > 1 ? (squares / (r - 1)).squareRoot() : 0)
        }
    }

    /// Parameter indices from most to least influential: by mu* descending, ties by index.
    public var ranking: [Int] {
        indices.indices.sorted { a, b in
            indices[a].muStar != indices[b].muStar ? indices[a].muStar > indices[b].muStar : a < b
        }
    }
}
