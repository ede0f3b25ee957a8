import CardsimScenario

/// The design points of a sweep, in unit coordinates or in the parameters' own units.
///
/// A point is one value per parameter, in `SweepSettings.parameters` order. Grid points use the
/// parameters' listed values; Latin hypercube and Morris points are drawn in the unit cube
/// [0, 1]^k and mapped to `low + u (high - low)`, rounded to 12 significant digits (the value
/// written into the point's `--set` override, so that the run reads back exactly that value).
public enum SweepDesign {
    /// The design points of `settings`. For Morris the points come trajectory by trajectory:
    /// `settings.samples` trajectories of `k + 1` points each.
    public static func points(_ settings: SweepSettings) -> [[Double]] {
        let parameters = settings.parameters
        switch settings.design {
        case .grid:
            return grid(parameters.map(\.values))
        case .latinHypercube:
            let unit = latinHypercube(samples: settings.samples, dimensions: parameters.count, seed: settings.seed)
            return unit.map { scaled($0, parameters) }
        case .morris:
            let design = MorrisDesign(trajectories: settings.samples, levels: settings.levels,
                                      dimensions: parameters.count, seed: settings.seed)
            return design.trajectories.flatMap { $0.points }.map { scaled($0, parameters) }
        }
    }

    /// Every combination of the values, the last parameter changing fastest.
    public static func grid(_ values: [[Double]]) -> [[Double]] {
        values.reduce([[]]) { partial, column in partial.flatMap { prefix in column.map { prefix + [$0] } } }
    }

    /// `samples` points of a Latin hypercube in [0, 1]^dimensions: in each dimension the
    /// samples occupy the strata [j/n, (j+1)/n) once each (a random permutation), each at a
    /// uniform position inside its stratum.
    public static func latinHypercube(samples n: Int, dimensions k: Int, seed: UInt64) -> [[Double]] {
        let random = DesignRandom(seed: seed)
        var points = [[Double]](repeating: [Double](repeating: 0, count: k), count: n)
        for d in 0..<k {
            let strata = random.permutation(n, stream: d, purpose: Purposes.latinStrata)
            for i in 0..<n {
                points[i][d] = (Double(strata[i]) + random.uniform(d, i, purpose: Purposes.latinOffset)) / Double(n)
            }
        }
        return points
    }

    /// `low + u (high - low)` for each coordinate, at 12 significant digits.
    public static func scaled(_ unit: [Double], _ parameters: [SweepParameter]) -> [Double] {
        zip(unit, parameters).map { u, p in ValueText.rounded(p.low + u * (p.high - p.low)) }
    }

    /// The `purpose` words of the design's draws.
    enum Purposes {
        static let latinStrata: UInt32 = 1
        static let latinOffset: UInt32 = 2
        static let morrisBase: UInt32 = 3
        static let morrisOrder: UInt32 = 4
    }
}
