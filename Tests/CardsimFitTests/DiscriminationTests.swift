@testable import CardsimFit
import Foundation
import Testing

/// AUC, KS and the calibration table against direct, independent computations.
@Suite("discrimination and calibration")
struct DiscriminationTests {
    /// Scores with many ties (one decimal) and outcomes that depend on them.
    func tiedSample(_ n: Int, seed: UInt64) -> (scores: [Double], y: [Double]) {
        var g = SplitMix64(seed: seed)
        var scores: [Double] = [], y: [Double] = []
        for _ in 0..<n {
            let event = g.uniform() < 0.3
            scores.append(((event ? 0.6 : 0) + g.normal()).rounded(toPlaces: 1))
            y.append(event ? 1 : 0)
        }
        return (scores, y)
    }

    /// Mann-Whitney over all event/non-event pairs: 1 for the event scoring higher, 1/2 for a
    /// tie, counted in halves so that the ratio is exact.
    func pairCountAUC(_ scores: [Double], _ y: [Double]) -> Double {
        var twice = 0, pos = 0, neg = 0
        for i in scores.indices where y[i] == 1 {
            pos += 1
            for j in scores.indices where y[j] == 0 {
                twice += scores[i] > scores[j] ? 2 : scores[i] == scores[j] ? 1 : 0
            }
        }
        neg = scores.count - pos
        return Double(twice) / (2 * Double(pos) * Double(neg))
    }

    /// The rank-sum formula with midranks: (R_events - n1 (n1 + 1) / 2) / (n1 n0).
    func midrankAUC(_ scores: [Double], _ y: [Double]) -> Double {
        let order = scores.indices.sorted { scores[$0] < scores[$1] }
        var ranks = [Double](repeating: 0, count: scores.count)
        var i = 0
        while i < order.count {
            var j = i
            while j + 1 < order.count && scores[order[j + 1]] == scores[order[i]] { j += 1 }
            for r in i...j { ranks[order[r]] = Double(i + j) / 2 + 1 }
            i = j + 1
        }
        let n1 = y.filter { $0 == 1 }.count, n0 = y.count - n1
        let r1 = scores.indices.filter { y[$0] == 1 }.map { ranks[$0] }.reduce(0, +)
        return (r1 - Double(n1 * (n1 + 1)) / 2) / (Double(n1) * Double(n0))
    }

    @Test("AUC equals the Mann-Whitney pair count, with ties")
    func aucWithTies() {
        let (scores, y) = tiedSample(600, seed: 3)
        let d = Discrimination(scores: scores, y: y)
        #expect(Set(scores).count < 100, "the sample should have many ties")
        #expect(d.auc == pairCountAUC(scores, y))
        #expect(abs(d.auc - midrankAUC(scores, y)) < 1e-12)
        #expect(d.gini == 2 * d.auc - 1)
    }

    @Test("AUC of a fitted model equals the Mann-Whitney pair count")
    func aucOfFittedScores() throws {
        let data = try KnownModel.sample(rows: 1_500, seed: 21)
        let result = try Scorecard.fit(data, name: "known")
        let scores = result.scorecard.scores(data.x, rows: data.rows)
        #expect(result.scorecard.metrics.auc == pairCountAUC(scores, data.y))
        #expect(result.scorecard.metrics.auc > 0.7)
    }

    @Test("KS is the largest gap between the two score distributions")
    func ksByBruteForce() {
        let (scores, y) = tiedSample(400, seed: 9)
        let pos = y.filter { $0 == 1 }.count, neg = y.count - pos
        var best = 0.0
        for t in Set(scores) {
            let p = scores.indices.filter { y[$0] == 1 && scores[$0] <= t }.count
            let q = scores.indices.filter { y[$0] == 0 && scores[$0] <= t }.count
            best = max(best, abs(Double(q) / Double(neg) - Double(p) / Double(pos)))
        }
        #expect(Discrimination(scores: scores, y: y).ks == best)
    }

    @Test("perfectly ordered and reversed scores give AUC 1 and 0, all ties 1/2")
    func extremes() {
        let y: [Double] = [0, 0, 0, 1, 1]
        #expect(Discrimination(scores: [1, 2, 3, 4, 5], y: y).auc == 1)
        #expect(Discrimination(scores: [1, 2, 3, 4, 5], y: y).ks == 1)
        #expect(Discrimination(scores: [5, 4, 3, 2, 1], y: y).auc == 0)
        #expect(Discrimination(scores: [2, 2, 2, 2, 2], y: y).auc == 0.5)
    }

    @Test("calibration deciles partition the rows in order of predicted probability")
    func calibration() {
        var g = SplitMix64(seed: 4)
        let predicted = (0..<1_003).map { _ in g.uniform() }
        let y = predicted.map { g.uniform() < $0 ? 1.0 : 0.0 }
        let bands = CalibrationBand.deciles(predicted: predicted, y: y)
        #expect(bands.count == 10)
        #expect(bands.map(\.count).reduce(0, +) == 1_003)
        #expect(bands.map(\.events).reduce(0, +) == Int(y.reduce(0, +)))
        let sorted = predicted.indices.sorted { predicted[$0] < predicted[$1] }
        var start = 0
        for band in bands {
            let rows = sorted[start..<start + band.count]
            let mean = rows.map { predicted[$0] }.reduce(0, +) / Double(band.count)
            #expect(abs(band.meanPredicted - mean) < 1e-12)
            #expect(band.observedRate == Double(rows.filter { y[$0] == 1 }.count) / Double(band.count))
            #expect(band.lowest == predicted[rows.first!] && band.highest == predicted[rows.last!])
            start += band.count
        }
        #expect(zip(bands, bands.dropFirst()).allSatisfy { $0.highest <= $1.lowest })
    }
}

extension Double {
    func rounded(toPlaces places: Int) -> Double {
        let f = pow(10, Double(places))
        return (self * f).rounded() / f
    }
}
