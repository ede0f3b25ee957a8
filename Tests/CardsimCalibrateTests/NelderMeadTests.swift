import CardsimCalibrate
import XCTest

final class NelderMeadTests: XCTestCase {
    /// A smooth bowl with its minimum inside the cube is found to the search's tolerance.
    func testFindsTheMinimumOfABowl() {
        let centre = [0.3, 0.7, 0.55]
        let outcome = NelderMead().minimise(from: [0.5, 0.5, 0.5], budget: 400) { (x: [Double]) -> Double in
            var sum = 0.0
            for i in 0..<3 { sum += Double(i + 1) * (x[i] - centre[i]) * (x[i] - centre[i]) }
            return sum
        }
        XCTAssertTrue(outcome.converged)
        for (x, c) in zip(outcome.best, centre) { XCTAssertEqual(x, c, accuracy: 5e-3) }
    }

    /// A minimum outside the cube ends on the bound; no point leaves the cube.
    func testStaysInTheCube() {
        var seen: [[Double]] = []
        let outcome = NelderMead().minimise(from: [0.5, 0.5], budget: 300) { x in
            seen.append(x)
            return (x[0] - 1.4) * (x[0] - 1.4) + (x[1] - 0.2) * (x[1] - 0.2)
        }
        XCTAssertTrue(seen.allSatisfy { $0.allSatisfy { (0...1).contains($0) } })
        XCTAssertEqual(outcome.best[0], 1, accuracy: 1e-3)
        XCTAssertEqual(outcome.best[1], 0.2, accuracy: 5e-3)
        XCTAssertLessThanOrEqual(outcome.evaluations, 300)
    }

    /// The Halton starts are in the cube, distinct, and the first is the middle.
    func testStartPoints() {
        let starts = StartPoints.points(5, dimension: 3)
        XCTAssertEqual(starts[0], [0.5, 0.5, 0.5])
        XCTAssertEqual(starts[1], [0.5, 1.0 / 3, 0.2])
        XCTAssertEqual(Set(starts.map { $0.description }).count, 5)
    }
}
