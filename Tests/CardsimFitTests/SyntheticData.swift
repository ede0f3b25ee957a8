@testable import CardsimFit
import CardsimTestSupport
import Foundation

/// A small seeded generator (SplitMix64) for test data, independent of the engine's.
struct SplitMix64 {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform on (0, 1).
    mutating func uniform() -> Double { (Double(next() >> 11) + 0.5) * 0x1p-53 }

    /// Standard normal (Box-Muller, one of the pair).
    mutating func normal() -> Double {
        (-2 * log(uniform())).squareRoot() * cos(2 * Double.pi * uniform())
    }
}

/// Rows drawn from a known logistic model with features on very different scales:
///
///     eta = -1 + 0.8 x1 - 0.03 x2 + 0.5 x3 - 1e-5 x4
///     x1 ~ N(0, 1), x2 ~ N(40, 10) (an age), x3 ~ Bernoulli(0.3) (a flag),
///     x4 ~ Uniform(0, 100000) (a credit limit); y ~ Bernoulli(logistic(eta)), about 10% events.
enum KnownModel {
    static let features = ["x1", "x2", "x3", "x4"]
    static let intercept = -1.0
    static let coefficients = [0.8, -0.03, 0.5, -1e-5]

    static func sample(rows n: Int, seed: UInt64) throws -> TrainingData {
        var g = SplitMix64(seed: seed)
        var x: [Double] = [], y: [Double] = []
        x.reserveCapacity(n * 4)
        for _ in 0..<n {
            let row = [g.normal(), 40 + 10 * g.normal(), g.uniform() < 0.3 ? 1.0 : 0.0, 100_000 * g.uniform()]
            var eta = intercept
            for j in 0..<4 { eta += coefficients[j] * row[j] }
            x += row
            y.append(g.uniform() < 1 / (1 + exp(-eta)) ? 1 : 0)
        }
        return try TrainingData(source: "known-model", target: "y", features: features, x: x, y: y)
    }

    /// The same rows as CSV text, header `x1,x2,x3,x4,y`.
    static func csv(_ data: TrainingData) -> String {
        var lines = ["x1,x2,x3,x4,y"]
        for i in 0..<data.rows {
            lines.append((0..<4).map { "\(data.x[i * 4 + $0])" }.joined(separator: ",") + ",\(Int(data.y[i]))")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

/// The UCI credit-card default data (30,000 clients), read once for all tests.
enum UCIData {
    /// `../shared/data/uci-taiwan-default.csv` beside the package.
    static let path = PackageRoot.url.deletingLastPathComponent().appendingPathComponent("shared/data/uci-taiwan-default.csv").path

    static let table: Result<CSVTable, Error> = Result { try CSVTable.read(path: path) }

    static let statusColumns = ["PAY_6", "PAY_5", "PAY_4", "PAY_3", "PAY_2", "PAY_0"]
}
