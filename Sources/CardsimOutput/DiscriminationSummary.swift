import CardsimEngine
import Foundation

/// The approval score's discrimination over paths, per strategy, for `summary.json` and the
/// run table: the mean, Monte Carlo standard error and 5th/50th/95th percentiles of the AUC
/// and the KS over the paths where they are defined (booked accounts both good and bad), the
/// mean numbers of booked and bad accounts per path (agents), and for each challenger the
/// paired difference from the champion (mean and standard error over the paths where both
/// are defined; common random numbers make it far tighter than either).
public struct DiscriminationSummary: Sendable, Equatable {
    public var auc: Summary
    public var ks: Summary
    /// Paths on which the AUC and KS are defined.
    public var paths: Int
    public var meanAccounts: Double
    public var meanBads: Double
    /// Challenger minus champion, paired by path; nil for the champion.
    public var aucDifference: Summary?
    public var ksDifference: Summary?
    /// Paths on which both this strategy's and the champion's AUC are defined; 0 for the champion.
    public var pairedPaths = 0

    /// One summary per strategy, from results sorted by path index; empty when the results
    /// carry no discrimination.
    public static func strategies(_ results: [PathResult]) -> [DiscriminationSummary] {
        guard let count = results.first?.discrimination.count, count > 0 else { return [] }
        let champion = results.map { $0.discrimination[0] }
        return (0..<count).map { s in
            let own = results.map { $0.discrimination[s] }
            let defined = own.filter { !$0.auc.isNaN }
            var summary = DiscriminationSummary(
                auc: Summary(defined.map(\.auc)), ks: Summary(defined.map(\.ks)), paths: defined.count,
                meanAccounts: Double(own.reduce(0) { $0 + $1.accounts }) / Double(own.count),
                meanBads: Double(own.reduce(0) { $0 + $1.bads }) / Double(own.count))
            if s > 0 {
                let pairs = zip(own, champion).filter { !$0.0.auc.isNaN && !$0.1.auc.isNaN }
                summary.aucDifference = Summary(pairs.map { $0.0.auc - $0.1.auc })
                summary.ksDifference = Summary(pairs.map { $0.0.ks - $0.1.ks })
                summary.pairedPaths = pairs.count
            }
            return summary
        }
    }

    /// `0.655 ± 0.005`: a summary's mean ± standard error to three decimals, as the comparison
    /// and the report print AUC and KS.
    public static func text(_ s: Summary) -> String {
        String(format: "%.3f ± %.3f", s.mean, s.standardError)
    }

    /// The `approval_score` member of a strategy in `summary.json`. With no path where both
    /// good and bad accounts were booked, the AUC, KS and their differences are null: they do
    /// not exist (the accounts' counts remain).
    public var json: JSONText {
        func stats(_ s: Summary) -> JSONText {
            .object(["mean": .double(s.mean), "standard_error": .double(s.standardError),
                     "p5": .double(s.p5), "p50": .double(s.p50), "p95": .double(s.p95)])
        }
        func difference(_ s: Summary) -> JSONText {
            .object(["mean": .double(s.mean), "standard_error": .double(s.standardError)])
        }
        let defined = paths > 0
        var members: [String: JSONText] = [
            "auc": defined ? stats(auc) : .null, "ks": defined ? stats(ks) : .null, "paths": .integer(Int64(paths)),
            "booked_accounts": .double(meanAccounts), "bad_accounts": .double(meanBads),
        ]
        if let d = aucDifference { members["auc_vs_champion"] = pairedPaths > 0 ? difference(d) : .null }
        if let d = ksDifference { members["ks_vs_champion"] = pairedPaths > 0 ? difference(d) : .null }
        return .object(members)
    }
}
