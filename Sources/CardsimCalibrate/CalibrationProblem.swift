import CardsimEngine
import CardsimScenario
import CardsimSweep

/// What one evaluation runs: the scenario with the calibration's shared overrides (challengers
/// removed, the calibration's run size and seed) and the parameters' values, on every path.
public struct CalibrationProblem: Sendable {
    public var spec: CalibrationSpec
    /// The scenario file's text, read once.
    public var scenarioYAML: String
    /// Overrides every evaluation shares, before the parameters' own.
    public var sharedOverrides: [String]
    /// The command line's `--set` overrides (the first of `sharedOverrides`).
    public var userOverrides: [String]
    public var threads: Int

    public init(spec: CalibrationSpec, scenarioYAML: String, userOverrides: [String], threads: Int) {
        self.spec = spec; self.scenarioYAML = scenarioYAML; self.threads = threads; self.userOverrides = userOverrides
        var shared = userOverrides + ["strategies.challengers=[]", "run.paths=\(spec.run.paths)", "run.agents=\(spec.run.agents)"]
        if let months = spec.run.months { shared.append("run.months=\(months)") }
        if let seed = spec.run.seed { shared.append("run.seed=\(seed)") }
        sharedOverrides = shared
    }

    /// The overrides of an evaluation at the parameter values written `texts`.
    public func overrides(_ texts: [String]) -> [String] {
        sharedOverrides + zip(spec.parameters, texts).map { "\($0.path)=\($1)" }
    }

    /// The scenario of an evaluation. Throws `ScenarioErrors`.
    public func scenario(_ texts: [String]) throws -> Scenario {
        try ScenarioLoader.load(yaml: scenarioYAML, file: spec.scenarioPath, overrides: overrides(texts))
    }

    /// Runs the evaluation at `texts` and returns its moments.
    public func simulate(_ texts: [String]) throws -> MomentSample {
        let model = try scenario(texts)
        let results = MonteCarlo.run(model, paths: 0..<model.run.paths, threads: threads)
        return MomentSample(results: results, targets: spec.targets, weight: model.agentWeight)
    }

    /// The targets file's problems that need the scenario: a parameter path the scenario does
    /// not have, bounds outside a parameter's valid range (or values between them it refuses,
    /// such as non-integers), windows beyond the horizon. Each is located in the targets file.
    public func problems() -> [Diagnostic] {
        let base: Scenario
        do { base = try ScenarioLoader.load(yaml: scenarioYAML, file: spec.scenarioPath, overrides: sharedOverrides) }
        catch let errors as ScenarioErrors { return errors.diagnostics }
        catch { return [FilePlace(file: spec.scenarioPath).error("cannot load the scenario: \(error)")] }
        var found: [Diagnostic] = []
        for p in spec.parameters { found += problems(of: p) }
        let horizon = base.run.months
        for (i, t) in spec.targets.enumerated() {
            if let last = t.window.lastMonth, last > horizon {
                found.append(t.windowPlace.error("targets[\(i)] (\(t.kpi)) asks for \(t.window.text), beyond the run's horizon; expected months within 1-\(horizon), found \(last)",
                                                 hint: "the scenario (with the calibration's run.months) runs \(horizon) months"))
            }
        }
        return found
    }

    /// Loads the scenario with the parameter at its low end, its high end and its middle.
    private func problems(of p: CalibrationParameter) -> [Diagnostic] {
        func messages(_ value: Double) -> [Diagnostic] {
            let text = ValueText.text(ValueText.rounded(value))
            do { _ = try ScenarioLoader.load(yaml: scenarioYAML, file: spec.scenarioPath, overrides: sharedOverrides + ["\(p.path)=\(text)"]); return [] }
            catch let errors as ScenarioErrors { return errors.diagnostics.filter { $0.file == "--set \(p.path)=\(text)" } }
            catch { return [Diagnostic(file: "--set \(p.path)=\(text)", message: "\(error)")] }
        }
        let low = messages(p.low), high = messages(p.high)
        if !low.isEmpty, !high.isEmpty, low.count == high.count,
           low.allSatisfy({ $0.message.contains("unknown") || $0.message.contains("no ") || $0.message.contains("cannot set") }) {
            return low.map { p.pathPlace.error("parameters: \(p.path) is not a value of the scenario: \($0.message)", hint: $0.hint) }
        }
        var found = low.map { p.lowPlace.error("parameters.\(p.path).low \(ValueText.text(p.low)) is refused by the scenario: \($0.message)", hint: $0.hint) }
        found += high.map { p.highPlace.error("parameters.\(p.path).high \(ValueText.text(p.high)) is refused by the scenario: \($0.message)", hint: $0.hint) }
        if found.isEmpty {
            found += messages(p.value(at: 0.5)).map {
                p.pathPlace.error("parameters: \(p.path) takes only some values between its bounds: \($0.message)",
                                  hint: "calibrate parameters that take any number between low and high (not integers or choices)")
            }
        }
        return found
    }
}
