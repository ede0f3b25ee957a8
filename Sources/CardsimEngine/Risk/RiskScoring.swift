/// The scorecards of one risk policy on one path, standardised (see `ScorecardPolicy`).
struct RiskScoring {
    /// Approval cut-off on the standardised application score.
    let cutoff: Double
    let behaviour: ScoreBlock?
    /// Mean and standard deviation of -L_behaviour over the month-0 book's open accounts.
    let behaviourCentre: Double
    let behaviourScale: Double

    /// Standardises the policy's application scorecard over the prospects (writing every
    /// agent's standardised score into `column`) and its behaviour scorecard over the open
    /// accounts; nil when the policy has no scorecard. `weights[s]`: month-1 application
    /// probability of segment s. Call right after the population is drawn.
    init?(_ policy: RiskPolicy, pop: Population, weights: [Double], segments: [String],
          column: UnsafeMutablePointer<Double>, buffer: UnsafeMutablePointer<Int32>) {
        let cards = policy.scorecards
        guard !cards.isEmpty else { return nil }
        var cutoff = policy.cutoff
        let prospect = Lifecycle.prospect.rawValue, open = Lifecycle.open.rawValue
        if let card = cards.application, let block = ScoreBlock(card, segments: segments) {
            Self.scoreBlocks(block, pop, buffer: buffer, where: { _ in true }) { i, l in column[i] = -l }
            let (m, sd) = Self.moments(pop.count) { i in
                pop.state[i] == prospect ? (column[i], weights[Int(pop.segment[i])]) : nil
            }
            for i in 0..<pop.count { column[i] = (column[i] - m) / sd }
            if let rate = cards.approvalRate {
                cutoff = Self.quantileFromTop(pop.count, share: rate) { i in
                    pop.state[i] == prospect ? (column[i], weights[Int(pop.segment[i])]) : nil
                }
            }
        }
        self.cutoff = cutoff
        if let card = cards.behaviour, let block = ScoreBlock(card, segments: segments) {
            var scores: [Double] = [], unit: [Double] = []
            Self.scoreBlocks(block, pop, buffer: buffer, where: { pop.state[$0] == open }) { _, l in scores.append(-l); unit.append(1) }
            let (m, sd) = Self.moments(scores.count) { k in (scores[k], unit[k]) }
            behaviour = block; behaviourCentre = m; behaviourScale = sd
        } else {
            behaviour = nil; behaviourCentre = 0; behaviourScale = 1
        }
    }

    /// Scores the agents for which `include` holds, a block at a time, and hands each agent's
    /// log-odds to `body` in agent order.
    private static func scoreBlocks(_ block: ScoreBlock, _ pop: Population, buffer: UnsafeMutablePointer<Int32>,
                                    where include: (Int) -> Bool, _ body: (Int, Double) -> Void) {
        var start = 0
        while start < pop.count {
            let end = min(start + block.capacity, pop.count)
            var n = 0
            for i in start..<end where include(i) { buffer[n] = Int32(truncatingIfNeeded: i); n += 1 }
            block.score(pop, UnsafeBufferPointer(start: buffer, count: n))
            for r in 0..<n { body(Int(buffer[r]), block.logOdds[r]) }
            start = end
        }
    }

    /// Weighted mean and standard deviation of the values that `item` gives (nil = left out),
    /// summed in agent order; (0, 1) when there are none or they do not vary.
    static func moments(_ n: Int, _ item: (Int) -> (Double, Double)?) -> (Double, Double) {
        var w = 0.0, s = 0.0
        for i in 0..<n { if let (v, wi) = item(i) { w += wi; s += wi * v } }
        guard w > 0 else { return (0, 1) }
        let mean = s / w
        var ss = 0.0
        for i in 0..<n { if let (v, wi) = item(i) { ss += wi * (v - mean) * (v - mean) } }
        let sd = (ss / w).squareRoot()
        return (mean, sd > 0 ? sd : 1)
    }

    /// The largest value c such that items scoring at least c carry at least `share` of the
    /// total weight (ties broken by agent index, so the result is deterministic).
    static func quantileFromTop(_ n: Int, share: Double, _ item: (Int) -> (Double, Double)?) -> Double {
        var items: [(v: Double, w: Double, i: Int)] = []
        var total = 0.0
        for i in 0..<n { if let (v, w) = item(i), w > 0 { items.append((v, w, i)); total += w } }
        guard !items.isEmpty else { return 0 }
        items.sort { $0.v != $1.v ? $0.v > $1.v : $0.i < $1.i }
        var acc = 0.0
        for it in items {
            acc += it.w
            if acc >= share * total { return it.v }
        }
        return items[items.count - 1].v
    }

    /// Standardised behaviour scores of `agents` (at most a block) into `out`.
    func behaviourScores(_ pop: Population, _ agents: UnsafeBufferPointer<Int32>, into out: UnsafeMutablePointer<Double>) {
        guard let block = behaviour else { return }
        block.score(pop, agents)
        for r in 0..<agents.count { out[r] = (-block.logOdds[r] - behaviourCentre) / behaviourScale }
    }
}

