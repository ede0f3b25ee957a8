import CardsimEngine
import CardsimFit
import Foundation

/// `cardsim bench --scoring`: scoring agents with a logistic scorecard of 20 features, by one
/// OpenBLAS dgemv and by a plain Swift loop over the same row-major matrix.
enum ScoringBench {
    /// A multiple of 4: each Philox block fills four features.
    static let features = 20

    static func run(agents: Int, repetitions: Int = 7) {
        let p = features
        // Features: standard normals keyed by (agent, feature) with Philox, so every run scores
        // the same matrix; coefficients fixed.
        let philox = Philox4x32(seed: 20_241_231)
        var x = [Double](repeating: 0, count: agents * p)
        for i in 0..<agents {
            let base: Int = i * p
            for block in 0..<p / 4 {
                let w = philox.block(UInt32(truncatingIfNeeded: i), UInt32(block), 0, 0)
                let j: Int = base + 4 * block
                x[j] = Draw.normal(w.0)
                x[j + 1] = Draw.normal(w.1)
                x[j + 2] = Draw.normal(w.2)
                x[j + 3] = Draw.normal(w.3)
            }
        }
        let beta: [Double] = (0..<p).map { (j: Int) -> Double in
            let sign: Double = j % 2 == 0 ? 1 : -1
            return sign * 0.3 / Double(j + 1)
        }
        let intercept = -2.0

        print("bench --scoring: \(agents) agents x \(p) features, 1 thread, best of \(repetitions) (interleaved)")
        let methods: [(label: String, score: () -> [Double])] = [
            ("OpenBLAS dgemv", { Scoring.blas(x, rows: agents, coefficients: beta, intercept: intercept) }),
            ("plain Swift loop", { Scoring.loop(x, rows: agents, coefficients: beta, intercept: intercept) }),
        ]
        var best = [Double](repeating: .infinity, count: methods.count)
        var scores = [[Double]](repeating: [], count: methods.count)
        for _ in 0..<repetitions {
            for (m, method) in methods.enumerated() {
                let clock = Stopwatch()
                scores[m] = method.score()
                best[m] = min(best[m], clock.seconds)
            }
        }
        print("method             ms  M agents/s  GB/s read")
        let gigabytes = Double(agents * p * 8) / 1e9
        for (m, method) in methods.enumerated() {
            print(method.label.padding(toLength: 16, withPad: " ", startingAt: 0)
                  + String(format: "%6.1f %11.1f %10.1f", 1000 * best[m], Double(agents) / best[m] / 1e6, gigabytes / best[m]))
        }
        let blasScores = scores[0], loopScores = scores[1]
        var worst = 0.0
        for i in 0..<agents {
            var scale = abs(intercept)
            for j in 0..<p { scale += abs(x[i * p + j] * beta[j]) }
            worst = max(worst, abs(blasScores[i] - loopScores[i]) / scale)
        }
        print(String(format: "dgemv is %.2fx the loop's speed; largest difference %.2g relative to the sum of |terms|",
                     best[1] / best[0], worst))
    }
}
