import CardsimEngine

/// Small scenarios built in code, so engine tests do not depend on the scenario files.
enum EngineFixtures {
    /// Two segments with the engine's default behaviour.
    static func market(adults: Int = 100_000) -> Market {
        Market(adults: adults, segments: [
            Segment(name: "workers", share: 0.6, incomeMedian: 8000, riskMean: 0.1,
                    categoryMix: [0.3, 0.15, 0.1, 0.05, 0.25, 0.05, 0.1], initialPenetration: 0.12),
            Segment(name: "retirees", share: 0.4, incomeMedian: 4500, riskMean: -0.2,
                    revolverShare: 0.2, initialPenetration: 0.08),
        ])
    }

    /// A champion and a challenger with a stricter cut-off.
    static func scenario(agents: Int = 3_000, paths: Int = 4, months: Int = 14) -> Scenario {
        var run = RunSettings()
        run.agents = agents; run.paths = paths; run.months = months; run.seed = 7
        run.spinUpMonths = 0   // mechanism tests start from the month-0 draw; ReproducibilityTests spin up
        var strict = Strategy(name: "strict")
        strict.risk.cutoff = 0.6
        return Scenario(name: "fixture", market: market(adults: agents * 10), run: run,
                        strategies: [Strategy(name: "champion"), strict])
    }

    /// A market whose accounts follow the delinquency chain exactly: one segment with latent
    /// risk 0 for everyone, behaviour feedback off, everyone holding an activated card that is
    /// used every month, no acquisition and no attrition.
    static func markovScenario(agents: Int, paths: Int, months: Int) -> Scenario {
        var credit = CreditDynamics()
        credit.behaviourFeedback = false
        credit.seasoningLift = 0   // every account follows the same chain whatever its age
        // Fast rolls, so that every bucket and charge-off hold enough accounts to test.
        credit.baseRoll = [0.08, 0.35, 0.5, 0.6, 0.65, 0.7, 0.75]
        credit.baseCure = [0, 0.5, 0.3, 0.2, 0.15, 0.1, 0.1]
        var behaviour = Behaviour()
        behaviour.baseAttrition = 0; behaviour.dormantAttrition = 0; behaviour.feeAttrition = 0
        behaviour.balanceAttrition = 0
        behaviour.initialActivatedShare = 1
        let segment = Segment(name: "uniform", share: 1, incomeMedian: 8000, riskMean: 0, riskSigma: 0,
                              engagementLogit: 40, engagementSigma: 0, applyPropensity: 0,
                              initialPenetration: 1, cashInstallmentPropensity: 0, billInstallmentPropensity: 0)
        var run = RunSettings()
        run.agents = agents; run.paths = paths; run.months = months; run.seed = 99
        run.spinUpMonths = 0   // the chain starts from the quasi-stationary draw
        var champion = Strategy(name: "champion")
        champion.risk.cutoff = -40   // every agent passes the month-0 screening: all hold a card
        return Scenario(name: "markov", market: Market(adults: agents, segments: [segment], behaviour: behaviour, credit: credit),
                        run: run, strategies: [champion])
    }
}
