import CardsimEngine
import Foundation

extension StoredRun {
    /// The results stored in the directory: the ledger's monthly records with each path's
    /// discrimination and vintage tables (none if the directory has no `vintages.csv`),
    /// sorted by path index. `strategyNames` come from the stored scenario.
    public func results(strategyNames: [String]) throws -> [PathResult] {
        var results = try LedgerTable.read(ledgerText, strategyNames: strategyNames,
                                           file: url.appendingPathComponent(LedgerTable.fileName).path)
        try DiscriminationTable.read(discriminationText, into: &results, strategyNames: strategyNames,
                                     file: url.appendingPathComponent(DiscriminationTable.fileName).path)
        if let vintagesText {
            try VintagesFile.read(vintagesText, into: &results, strategyNames: strategyNames, months: info.months,
                                  file: url.appendingPathComponent(VintagesFile.fileName).path)
        }
        return results
    }
}
