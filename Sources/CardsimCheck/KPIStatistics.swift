import CardsimEngine
import Foundation

/// A KPI's mean over paths and its Monte Carlo standard error, as `summary.json` states them.
/// A value the file holds as `null` (not finite) is NaN here.
public struct KPIStatistic: Sendable, CustomStringConvertible {
    public var mean: Double
    public var standardError: Double
    /// Unit of the KPI ("yuan", "fraction", ...); empty when the file gives none.
    public var unit: String

    public init(mean: Double, standardError: Double, unit: String = "") {
        self.mean = mean; self.standardError = standardError; self.unit = unit
    }

    /// Whether mean and standard error are the same values (NaN counts as equal to NaN).
    public func isIdentical(to other: KPIStatistic) -> Bool {
        Self.same(mean, other.mean) && Self.same(standardError, other.standardError)
    }

    static func same(_ a: Double, _ b: Double) -> Bool { a == b || (a.isNaN && b.isNaN) }

    public var description: String { "\(mean) ± \(standardError)" }
}

extension KPIStatistic: Equatable {
    public static func == (a: KPIStatistic, b: KPIStatistic) -> Bool { a.isIdentical(to: b) && a.unit == b.unit }
}

/// One strategy's KPI statistics, by KPI id.
public struct StrategyStatistics: Sendable, Equatable {
    public var name: String
    public var kpis: [String: KPIStatistic]

    public init(name: String, kpis: [String: KPIStatistic]) {
        self.name = name; self.kpis = kpis
    }

    /// The KPI ids in report order: those of `KPI.all` in its order, then any others sorted.
    public var kpiIDs: [String] { Self.ordered(Set(kpis.keys)) }

    static func ordered(_ ids: Set<String>) -> [String] {
        let known = KPI.all.map(\.id)
        return known.filter(ids.contains) + ids.subtracting(known).sorted()
    }
}

/// Reads the KPI statistics out of a `summary.json`: for each strategy its name and, for each
/// entry of its `kpis` that has a `mean` and a `standard_error`, those two and the unit.
/// Everything else (other header keys, percentiles, blocks added by later versions) is ignored.
public enum SummaryStatistics {
    public static func read(_ text: String, file: String) throws -> [StrategyStatistics] {
        let document: Document
        do {
            document = try JSONDecoder().decode(Document.self, from: Data(text.utf8))
        } catch {
            throw CheckError(.corruptBaseline, "\(file) is not a cardsim summary: \(BaselineDecoding.describe(error))",
                             help: "Pass a summary.json written by 'cardsim run'.")
        }
        return document.strategies.map { strategy in
            StrategyStatistics(name: strategy.name, kpis: strategy.kpis.compactMapValues(\.statistic))
        }
    }

    private struct Document: Decodable {
        var strategies: [Strategy]
    }

    private struct Strategy: Decodable {
        var name: String
        var kpis: [String: Entry]
    }

    /// A `kpis` entry: a KPI statistic when it has the two numbers, else nothing (not an error).
    private struct Entry: Decodable {
        var statistic: KPIStatistic?

        private enum Key: String, CodingKey { case mean, standard_error, unit }

        init(from decoder: Decoder) throws {
            guard let c = try? decoder.container(keyedBy: Key.self),
                  let mean = Self.number(c, .mean), let se = Self.number(c, .standard_error) else {
                statistic = nil
                return
            }
            statistic = KPIStatistic(mean: mean, standardError: se, unit: (try? c.decode(String.self, forKey: .unit)) ?? "")
        }

        /// The number at `key`; NaN for `null`; nil when absent or not a number.
        private static func number(_ c: KeyedDecodingContainer<Key>, _ key: Key) -> Double? {
            guard c.contains(key) else { return nil }
            if (try? c.decodeNil(forKey: key)) == true { return .nan }
            return try? c.decode(Double.self, forKey: key)
        }
    }
}
