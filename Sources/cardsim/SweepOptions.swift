import ArgumentParser
import CardsimScenario
import CardsimEngine
import CardsimSweep

extension SweepSettings.Design: ExpressibleByArgument {}
extension SweepSettings.Goal: ExpressibleByArgument {}

/// The command line's changes to a scenario's `sweep:` section: `--vary`, `--design`,
/// `--samples`, `--levels`, `--design-seed`, `--objective`, `--goal`, `--constraint`.
enum SweepOptions {
    /// Parses `--vary PATH=LOW:HIGH:STEP` (a grid from LOW to HIGH), `PATH=LOW:HIGH` (a range,
    /// for Latin hypercube and Morris) or `PATH=V1,V2,...` (values).
    static func parameter(_ text: String) throws -> SweepParameter {
        func bad(_ why: String) -> CommandFailure {
            CommandFailure("invalid --vary '\(text)': \(why)",
                           help: "Write PATH=LOW:HIGH:STEP, PATH=LOW:HIGH or PATH=V1,V2,..., e.g. --vary bank.product.annual_fee=0:200:100",
                           exitCode: ExitCodes.invalidInput)
        }
        guard let equals = text.firstIndex(of: "=") else { throw bad("expected PATH=VALUES, found no '='") }
        let path = text[..<equals].trimmingCharacters(in: .whitespaces)
        let spec = text[text.index(after: equals)...].trimmingCharacters(in: .whitespaces)
        guard !path.isEmpty, !path.split(separator: ".", omittingEmptySubsequences: false).contains(where: \.isEmpty) else {
            throw bad("expected a dotted path such as bank.product.apr before '='")
        }
        func number(_ s: Substring) throws -> Double {
            guard let x = Double(s.trimmingCharacters(in: .whitespaces)), x.isFinite else {
                throw bad("expected a number, found '\(s)'")
            }
            return x
        }
        if spec.contains(":") {
            let parts = spec.split(separator: ":", omittingEmptySubsequences: false)
            guard parts.count == 2 || parts.count == 3 else { throw bad("expected LOW:HIGH or LOW:HIGH:STEP, found \(parts.count) parts") }
            let low = try number(parts[0]), high = try number(parts[1])
            guard low < high else { throw bad("expected LOW below HIGH") }
            var values: [Double] = []
            if parts.count == 3 {
                let step = try number(parts[2])
                guard step > 0 else { throw bad("expected a positive STEP") }
                guard let grid = SweepParameter.steps(low: low, high: high, step: step) else {
                    throw bad("STEP gives more than \(SweepParameter.maximumValues) values")
                }
                values = grid
            }
            return SweepParameter(path: path, values: values, low: low, high: high)
        }
        let values = try spec.split(separator: ",", omittingEmptySubsequences: false).map(number)
        return SweepParameter(path: path, values: values, low: values.min()!, high: values.max()!)
    }

    /// `settings` with the command line's changes: a `--vary` of a path the file varies
    /// replaces it, others are added; `--constraint`s are added after the file's.
    static func apply(to settings: SweepSettings, vary: [String], design: SweepSettings.Design?, samples: Int?,
                      levels: Int?, seed: UInt64?, objective: String?, goal: SweepSettings.Goal?,
                      constraints: [String]) throws -> SweepSettings {
        var s = settings
        for text in vary {
            let p = try parameter(text)
            if let i = s.parameters.firstIndex(where: { $0.path == p.path }) { s.parameters[i] = p } else { s.parameters.append(p) }
        }
        if let design { s.design = design }
        if let samples { s.samples = samples }
        if let levels { s.levels = levels }
        if let seed { s.seed = seed }
        if let goal { s.goal = goal }
        if let objective {
            guard KPI.all.contains(where: { $0.id == objective }) else {
                throw CommandFailure("unknown --objective '\(objective)'", help: "KPI ids: " + KPI.all.map(\.id).joined(separator: ", "),
                                     exitCode: ExitCodes.invalidInput)
            }
            s.objective = objective
        }
        for text in constraints { s.constraints.append(try sweepCatching { try KPITarget(constraint: text) }) }
        return s
    }

    /// Refuses settings no sweep can run: no parameters, a grid parameter without values,
    /// Morris with fewer than 2 levels, too many points.
    static func check(_ s: SweepSettings, file: String) throws {
        func bad(_ message: String, _ help: String) -> CommandFailure {
            CommandFailure(message, help: help, exitCode: ExitCodes.invalidInput)
        }
        if s.parameters.isEmpty {
            throw bad("\(file) varies no parameter", "Add a sweep: section with vary: [...] to the scenario, or pass --vary PATH=LOW:HIGH:STEP.")
        }
        if s.design == .grid, let p = s.parameters.first(where: { $0.values.isEmpty }) {
            throw bad("\(p.path) has a range but no values for a grid", "Give it a step (--vary \(p.path)=LOW:HIGH:STEP) or values, or use --design latin_hypercube or morris.")
        }
        if s.design != .grid, let p = s.parameters.first(where: { !($0.low < $0.high) }) {
            throw bad("\(p.path) has no range to sample (low \(ValueText.text(p.low)), high \(ValueText.text(p.high)))",
                      "Give it two different values or LOW:HIGH.")
        }
        if s.samples < 1 { throw bad("--samples must be at least 1", "e.g. --samples 10") }
        if s.design == .morris, s.levels < 2 { throw bad("--levels must be at least 2 for Morris", "e.g. --levels 4") }
        let count = SweepPlan.count(s)
        if count > Double(SweepPlan.maximumPoints) {
            throw bad("the sweep has \(count) points, more than \(SweepPlan.maximumPoints)", "Vary fewer parameters or use fewer values.")
        }
    }
}

/// Runs `body`, turning sweep errors (and scenario and output errors) into `CommandFailure`s.
func sweepCatching<T>(_ body: () throws -> T) throws -> T {
    do {
        return try ReportInput.catching(body)
    } catch let e as SweepError {
        throw CommandFailure(e.message, help: e.help, exitCode: e.kind == .write ? ExitCodes.outputFailed : ExitCodes.invalidInput)
    }
}
