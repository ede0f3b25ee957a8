extension CreditDynamics {
    /// Stationary bucket distribution of an account whose roll log-odds are shifted by `shift`,
    /// in the chain where a charged-off account is replaced by a new current one (a renewal
    /// chain): the flows into and out of each bucket balance,
    /// pi_k (roll_k + cure_k) = pi_{k-1} roll_{k-1} for k = 1...6, normalised to sum to 1.
    /// Used to seed the initial book so that delinquency does not start from zero.
    public func quasiStationary(shift: Double) -> [Double] {
        var pi = [Double](repeating: 0, count: CreditDynamics.buckets)
        pi[0] = 1
        var previousRoll = logistic(logit(baseRoll[0]) + shift)
        for k in 1..<CreditDynamics.buckets {
            let roll = logistic(logit(baseRoll[k]) + shift)
            let cure = baseCure[k] * (1 - roll) / (1 - baseRoll[k])
            pi[k] = pi[k - 1] * previousRoll / (roll + cure)
            previousRoll = roll
        }
        let total = pi.reduce(0, +)
        return pi.map { $0 / total }
    }
}

/// Draws a path's population: every adult's traits, and the bank's book at month 0.
///
/// Segments are assigned by position (agent i belongs to the segment whose cumulative share
/// interval holds (i + 0.5) / N), so segment sizes are exact. Traits follow `Segment`. An agent
/// holds the bank's card at month 0 with its segment's `initialPenetration`, among those whose
/// approval score passes the policy's cut-off (the book was screened when it was booked); such an account
/// has been on book 1-96 months (uniform) and was activated with probability
/// `initialActivatedShare` (otherwise it is issued, unused, current and owes nothing). An
/// activated card has gone unused for `idleMonths` months, starts in a delinquency bucket drawn
/// from `quasiStationary`, and carries spend x ((1 - f) / f + bucket) (f its payment fraction)
/// plus last month's spend if it was used then, at most 80% of its limit; that balance is the
/// statement due in month 1.
/// Each agent is a low or high price responder (the riskier less often high, with correlation
/// `ChoiceSettings.priceRiskCorrelation`) and a low or high reward responder (halves), which
/// with its revolver and occasional-user flags makes its `ChoiceClass`.
/// Draws: purposes `populationTraits`, `populationTraits2`, `initialBook`, `initialBook2`.
enum PopulationDraw {
    static func draw(_ pop: Population, market: Market, policy: RiskPolicy, rng: PathRandom) {
        let n = pop.count
        let segments = market.segments
        var bounds: [Double] = []
        var acc = 0.0
        for s in segments { acc += s.share; bounds.append(acc) }
        let quality = policy.modelQuality
        let noise = (1 - quality * quality).squareRoot()
        let limits = MonthContext.limitRule(policy)
        let dormancy = market.behaviour.dormancyMonths
        let dormantFactor = market.behaviour.dormantUsageFactor
        let traits = segments.map(Traits.init)
        let penetration = segments.map { screenedPenetration($0, policy: policy) }
        let responders = market.choice.responderMultipliers
        let rho = market.choice.priceRiskCorrelation, rhoNoise = (1 - rho * rho).squareRoot()
        var segment = 0
        for i in 0..<n {
            let position = (Double(i) + 0.5) / Double(n)
            while segment < segments.count - 1 && position >= bounds[segment] { segment += 1 }
            let seg = traits[segment]
            let a = rng.words(agent: i, month: 0, .populationTraits)
            let b = rng.words(agent: i, month: 0, .populationTraits2)
            pop.segment[i] = UInt8(segment)
            let income = seg.incomeMedian * _exp(seg.incomeSigma * Draw.normal(a.0))
            pop.income[i] = income
            let riskZ = Draw.normal(a.1)
            pop.risk[i] = seg.riskMean + seg.riskSigma * riskZ
            let z = Draw.normal(b.0)
            let occasional = Draw.unit(b.3) < seg.occasionalShare
            pop.engagement[i] = occasional
                ? logistic(seg.occasionalLogit + Self.occasionalSigma * z)
                : logistic(seg.engagementLogit + seg.engagementSigma * z)
            pop.spendScale[i] = income * seg.spendShareOfIncome
            let r = Draw.unit(b.2)
            let revolver = r < seg.revolverShare
            pop.payFraction[i] = revolver
                ? seg.payFractionLow + (seg.payFractionHigh - seg.payFractionLow) * (r / seg.revolverShare)
                : 1
            // Responder halves: the riskier are less often high price responders.
            let highPrice = -rho * riskZ + rhoNoise * Draw.normal(a.2) > 0
            let highReward = Draw.unit(a.3) >= 0.5
            pop.priceSensitivity[i] = seg.priceSensitivity * (highPrice ? responders.high : responders.low)
            pop.rewardSensitivity[i] = seg.rewardSensitivity * (highReward ? responders.high : responders.low)
            pop.choiceClass[i] = ChoiceClass.index(revolver: revolver, occasional: occasional,
                                                   highPrice: highPrice, highReward: highReward)
            resetAccount(pop, i)

            let c = rng.words(agent: i, month: 0, .initialBook)
            // The book was booked by the policy: only applicants whose approval score passes
            // the cut-off hold a card, the holding probability raised so that the segment's
            // penetration is kept where it can be (`screenedPenetration`).
            guard Draw.unit(c.0) < penetration[segment] else { continue }
            let score = -quality * pop.risk[i] + noise * Draw.normal(c.1)
            guard score >= policy.cutoff else { continue }
            let d = rng.words(agent: i, month: 0, .initialBook2)
            let mob = 1 + Int(Draw.unit(c.3) * 96)
            pop.score[i] = score
            pop.limit[i] = limits(income, score)
            pop.monthsOnBook[i] = UInt16(mob)
            guard Draw.unit(d.0) < market.behaviour.initialActivatedShare else {
                // Issued and never used: no balance, current; kept if it survived its dormant months.
                guard survivesDormancy(idle: mob, u: Draw.unit(d.3), market.behaviour) else { resetAccount(pop, i); continue }
                pop.state[i] = Lifecycle.issued.rawValue
                pop.monthsSinceSpend[i] = UInt16(mob)
                continue
            }
            let idle = min(idleMonths(Draw.unit(d.1), engagement: pop.engagement[i], dormancy: dormancy, factor: dormantFactor), mob)
            guard survivesDormancy(idle: idle, u: Draw.unit(d.3), market.behaviour) else { resetAccount(pop, i); continue }
            pop.state[i] = Lifecycle.open.rawValue
            pop.monthsSinceSpend[i] = UInt16(idle)
            // Swipes so far in the card year: uses in the months since the anniversary (12 when
            // the anniversary falls in month 1), none if the card has been idle all that time.
            let intoYear = mob % 12 == 0 ? 12 : mob % 12
            let uses = idle >= intoYear ? 0 : 1 + pop.engagement[i] * Double(intoYear - idle - 1)
            let perUse = 1 + (market.responses.swipesAtFullUse * pop.engagement[i]).rounded()
            pop.swipesThisYear[i] = UInt16(min(uses * perUse, 60_000))
            let pi = market.credit.quasiStationary(shift: market.credit.riskSlope * pop.risk[i])
            var u = Draw.unit(d.2), bucket = 0
            while bucket < pi.count - 1 && u >= pi[bucket] { u -= pi[bucket]; bucket += 1 }
            pop.bucket[i] = UInt8(bucket)
            // Balance: a revolver carries spend x (1 - f) / f; a delinquent account has missed
            // `bucket` statements of about a month's spend; plus last month's spend if used.
            let f = pop.payFraction[i]
            let carried = pop.spendScale[i] * ((1 - f) / max(f, 0.05) + Double(bucket))
            let lastSpend = idle == 0 ? pop.spendScale[i] : 0
            pop.revolving[i] = min(Int64((carried + lastSpend) * 100), pop.limit[i] * 4 / 5)
            if bucket > 0 { pop.overduePrincipal[i] = pop.revolving[i] }
            pop.due[i] = pop.revolving[i]
        }
    }

    /// The holding probability before screening, min(1, p / A), so that a share p of the
    /// segment holds a card after it: A = P(score >= cut-off) for the segment's latent risk
    /// z ~ N(mu, sigma^2) and score = -q z + sqrt(1 - q^2) e, i.e.
    /// A = Phi((-q mu - cutoff) / sqrt(q^2 sigma^2 + 1 - q^2)).
    static func screenedPenetration(_ s: Segment, policy: RiskPolicy) -> Double {
        let q = policy.modelQuality
        let sd = (q * q * s.riskSigma * s.riskSigma + 1 - q * q).squareRoot()
        let z: Double = (-q * s.riskMean - policy.cutoff) / max(sd, 1e-12)
        let accepted: Double = 0.5 * _erfc(-z / 2.0.squareRoot())
        return accepted > 0 ? min(1, s.initialPenetration / accepted) : 0
    }

    /// Whether a card idle for `idle` months is still open: each month idle beyond the dormancy
    /// window it closes with the dormant attrition probability (`Behaviour.dormantAttrition`), so
    /// it survives with (1 - a)^(idle - dormancy). Without this thinning the month-0 book holds
    /// long-idle cards that the model's own attrition would have closed.
    static func survivesDormancy(idle: Int, u: Double, _ b: Behaviour) -> Bool {
        let beyond = idle - b.dormancyMonths
        guard beyond > 0, b.dormantAttrition > 0 else { return true }
        return u < _pow(1 - b.dormantAttrition, Double(beyond))
    }

    /// Months since last use for a card used each month with probability e, falling to
    /// e x factor once idle for `dormancy` months: the survival function is (1 - e)^k up to the
    /// dormancy window and (1 - e)^D (1 - e factor)^(k - D) beyond, inverted at u.
    static func idleMonths(_ u: Double, engagement e: Double, dormancy: Int, factor: Double) -> Int {
        guard e < 1 else { return 0 }
        let k = Int(_log(u) / _log(1 - e))
        if k < dormancy { return k }
        guard e * factor > 0 else { return dormancy + 1000 }
        let rest = (_log(u) - Double(dormancy) * _log(1 - e)) / _log(1 - e * factor)
        return dormancy + Int(min(rest, 1000))
    }

    /// The numbers of a segment that the draw reads, without its arrays and names.
    /// Standard deviation of an occasional user's usage log-odds (`Segment.occasionalShare`).
    static let occasionalSigma = 0.5

    struct Traits {
        let incomeMedian, incomeSigma, riskMean, riskSigma, engagementLogit, engagementSigma: Double
        let spendShareOfIncome, revolverShare, payFractionLow, payFractionHigh: Double
        let priceSensitivity, rewardSensitivity, initialPenetration: Double
        let occasionalShare, occasionalLogit: Double
        init(_ s: Segment) {
            occasionalShare = s.occasionalShare
            occasionalLogit = logit(s.occasionalUsage)
            incomeMedian = s.incomeMedian; incomeSigma = s.incomeSigma; riskMean = s.riskMean
            riskSigma = s.riskSigma; engagementLogit = s.engagementLogit; engagementSigma = s.engagementSigma
            spendShareOfIncome = s.spendShareOfIncome; revolverShare = s.revolverShare
            payFractionLow = s.payFractionLow; payFractionHigh = s.payFractionHigh
            priceSensitivity = s.priceSensitivity; rewardSensitivity = s.rewardSensitivity
            initialPenetration = s.initialPenetration
        }
    }

    @inline(__always)
    static func resetAccount(_ pop: Population, _ i: Int) {
        pop.state[i] = Lifecycle.prospect.rawValue
        pop.bucket[i] = 0; pop.monthsPast180[i] = 0; pop.monthsOnBook[i] = 0; pop.monthsSinceSpend[i] = 0
        pop.swipesThisYear[i] = 0; pop.cooldown[i] = 0; pop.score[i] = 0; pop.limit[i] = 0
        pop.revolving[i] = 0; pop.due[i] = 0; pop.billBalance[i] = 0; pop.billPrincipal[i] = 0; pop.billFee[i] = 0
        pop.cashBalance[i] = 0; pop.cashPrincipal[i] = 0; pop.cashFee[i] = 0; pop.flags[i] = 0
        pop.overduePrincipal[i] = 0; pop.overdueCharges[i] = 0
        pop.member[i] = 0; pop.loanBalance[i] = 0; pop.loanPayment[i] = 0
    }
}
