/// Draws which competitors' cards each adult holds at month 0: competitor k's card with
/// probability `initialHolders_k`, independently of the other cards and of the bank's.
/// Draws: purpose `holdings`, word k % 4 of month counter k / 4.
enum CompetitorHoldings {
    static func draw(_ pop: Population, competitors: [Competitor], rng: PathRandom) {
        let shares = competitors.map(\.initialHolders)
        guard shares.contains(where: { $0 > 0 }) else {
            pop.holdings.update(repeating: 0, count: pop.count)
            return
        }
        for i in 0..<pop.count {
            var mask: UInt8 = 0
            var k = 0
            while k < shares.count {
                let w = rng.words(agent: i, month: k >> 2, .holdings)
                for j in 0..<min(4, shares.count - k) {
                    let word = j == 0 ? w.0 : j == 1 ? w.1 : j == 2 ? w.2 : w.3
                    if Draw.unit(word) < shares[k + j] { mask |= 1 << UInt8(k + j) }
                }
                k += 4
            }
            pop.holdings[i] = mask
        }
    }
}
