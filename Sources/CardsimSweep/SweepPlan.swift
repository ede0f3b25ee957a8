import CardsimScenario

/// Every point a sweep runs, in order: the design's points, then the scenario itself (`base`)
/// and each parameter at its low and high end with the others at the scenario's values (the
/// one-at-a-time runs of the tornado chart). Point numbers are 1-based in this order.
public struct SweepPlan: Sendable, Equatable {
    public let settings: SweepSettings
    public let points: [SweepPoint]
    /// The Morris trajectories, for a Morris design.
    public let morris: MorrisDesign?

    /// Largest number of points a sweep may have.
    public static let maximumPoints = 1_000_000

    public init(settings: SweepSettings) {
        self.settings = settings
        let k = settings.parameters.count
        var points = SweepDesign.points(settings).map { SweepPoint(number: 0, role: .design, values: $0.map { Optional($0) }) }
        points.append(SweepPoint(number: 0, role: .base, values: Array(repeating: nil, count: k)))
        for (i, p) in settings.parameters.enumerated() {
            var low = [Double?](repeating: nil, count: k), high = low
            low[i] = p.low; high[i] = p.high
            points.append(SweepPoint(number: 0, role: .low(i), values: low))
            points.append(SweepPoint(number: 0, role: .high(i), values: high))
        }
        for i in points.indices { points[i].number = i + 1 }
        self.points = points
        morris = settings.design == .morris
            ? MorrisDesign(trajectories: settings.samples, levels: settings.levels, dimensions: k, seed: settings.seed)
            : nil
    }

    /// The number of points `settings` gives, computed without building them (to refuse a
    /// sweep too large before it starts).
    public static func count(_ settings: SweepSettings) -> Double {
        let k = settings.parameters.count
        let design: Double = switch settings.design {
        case .grid: settings.parameters.reduce(1.0) { $0 * Double($1.values.count) }
        case .latinHypercube: Double(settings.samples)
        case .morris: Double(settings.samples) * Double(k + 1)
        }
        return design + 1 + 2 * Double(k)
    }

    /// The design points (role `design`), in order.
    public var designPoints: [SweepPoint] { points.filter { $0.role == .design } }

    /// The `--set` overrides that make `point`'s run, after the sweep's own overrides:
    /// `PATH=VALUE` for each parameter the point sets, in parameter order.
    public func overrides(_ point: SweepPoint) -> [String] {
        zip(settings.parameters, point.values).compactMap { p, v in v.map { "\(p.path)=\(ValueText.text($0))" } }
    }

    /// Digits of point directory names: at least 4, enough for every point.
    public var nameWidth: Int { max(4, String(points.count).count) }

    /// The directory name of `point`: its number, zero-padded (`0007`).
    public func name(_ point: SweepPoint) -> String {
        let digits = String(point.number)
        return String(repeating: "0", count: max(0, nameWidth - digits.count)) + digits
    }
}
