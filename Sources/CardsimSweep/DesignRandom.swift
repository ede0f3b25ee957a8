import CardsimEngine

/// The random numbers of a sweep design: a pure function of the design seed and a counter, so
/// the same `sweep.seed` gives the same design on any machine. Independent of the runs' draws
/// (the design has its own key; the runs keep `run.seed`).
struct DesignRandom {
    private let generator: Philox4x32

    init(seed: UInt64) { generator = Philox4x32(seed: seed) }

    /// A uniform on (0, 1) for draw `index` of stream `stream` (a sample, trajectory or
    /// parameter) and `purpose` (what the draw decides).
    func uniform(_ stream: Int, _ index: Int, purpose: UInt32) -> Double {
        let (w, _, _, _) = generator.block(UInt32(truncatingIfNeeded: index), UInt32(truncatingIfNeeded: stream),
                                           UInt32(truncatingIfNeeded: stream >> 32), purpose)
        return Draw.unit(w)
    }

    /// An integer uniform on 0..<n.
    func integer(_ n: Int, _ stream: Int, _ index: Int, purpose: UInt32) -> Int {
        min(n - 1, Int(uniform(stream, index, purpose: purpose) * Double(n)))
    }

    /// A uniformly random permutation of 0..<n (Fisher-Yates, one draw per swap).
    func permutation(_ n: Int, stream: Int, purpose: UInt32) -> [Int] {
        var items = Array(0..<n)
        var i = n - 1
        while i > 0 {
            let j = integer(i + 1, stream, i, purpose: purpose)
            items.swapAt(i, j)
            i -= 1
        }
        return items
    }
}
