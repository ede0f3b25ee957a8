import CardsimEngine
import Foundation

extension StoredRun {
    /// The results stored in the directory: the ledger's monthly records with each path's
    /// discrimination, sorted by path index. `strategyNames` come from the stored scenario.
    public func results(strategyNames: [String]) throws -> [PathResult] {
        var results = try LedgerTable.read(ledgerText, strategyNames: strategyNames,
                                           file: url.appendingPathComponent(LedgerTable.fileName).path)
        try DiscriminationTable.read(discriminationText, into: &results, strategyNames: strategyNames,
                                     file: url.appendingPathComponent(DiscriminationTable.fileName).path)
        return results
    }
}
