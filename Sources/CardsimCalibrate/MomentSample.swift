import CardsimEngine
import CardsimScenario

/// The simulated moments of one evaluation: each target's value on each path, and their mean.
///
/// A target's moment on a path is its KPI's monthly value (`KPI.monthly`, undiscounted) in the
/// target's month, or the mean of the monthly values over its window of months. The model's
/// moment is the mean over paths; its Monte Carlo covariance is the paths' sample covariance
/// divided by the number of paths.
public struct MomentSample: Sendable, Equatable {
    /// `perPath[p][k]`: target k on path p (champion).
    public var perPath: [[Double]]

    public init(perPath: [[Double]]) { self.perPath = perPath }

    /// The moments of `targets` on the champion of `results`, with KPIs scaled by `weight`
    /// adults per agent.
    public init(results: [PathResult], targets: [CalibrationTarget], weight: Double) {
        let kpis = targets.map { KPI.named($0.kpi)! }
        perPath = results.map { result in
            let records = result.months[0]
            return zip(targets, kpis).map { target, kpi in
                let months = target.window.months(horizon: records.count)
                var sum = 0.0
                for m in months { sum += kpi.monthly(records, m - 1, weight: weight, discount: 1) }
                return sum / Double(months.count)
            }
        }
    }

    public var paths: Int { perPath.count }

    /// Mean over paths of each target's moment.
    public var means: [Double] {
        guard let first = perPath.first else { return [] }
        var sums = [Double](repeating: 0, count: first.count)
        for row in perPath { for k in row.indices { sums[k] += row[k] } }
        return sums.map { $0 / Double(perPath.count) }
    }

    /// Monte Carlo covariance of `means`: sample covariance over paths / paths (k x k, row-major
    /// as nested arrays); zero with one path.
    public var covarianceOfMeans: [[Double]] {
        let m = means
        let k = m.count, n = perPath.count
        var c = [[Double]](repeating: [Double](repeating: 0, count: k), count: k)
        guard n > 1 else { return c }
        for row in perPath {
            for i in 0..<k { for j in 0..<k { c[i][j] += (row[i] - m[i]) * (row[j] - m[j]) } }
        }
        let scale = 1 / (Double(n - 1) * Double(n))
        return c.map { $0.map { $0 * scale } }
    }
}

/// The weighted distance of the method of simulated moments:
/// `D = sum_k ((model_k - target_k) / tolerance_k)²`.
public enum MomentDistance {
    /// Each target's term ((model - target) / tolerance)².
    public static func contributions(model: [Double], targets: [CalibrationTarget]) -> [Double] {
        zip(model, targets).map { m, t in
            let z = (m - t.value) / t.tolerance
            return z * z
        }
    }

    public static func distance(model: [Double], targets: [CalibrationTarget]) -> Double {
        contributions(model: model, targets: targets).reduce(0, +)
    }
}
