import CardsimEngine
import Foundation

extension StoredRun {
    /// The results stored in the directory: the ledger's monthly records with each path's
    /// discrimination and vintage tables (none if the directory has no `vintages.csv`),
    /// sorted by path index. `strategyNames` come from the stored scenario.
    public func results(of scenario: Scenario) throws -> [PathResult] {
        let names = scenario.strategies.map(\.name)
        var results = try results(strategyNames: names,
                                  campaigns: scenario.strategies.map { $0.campaigns.active(months: scenario.run.months) })
        if let segmentsText {
            try SegmentsFile.read(segmentsText, into: &results, strategyNames: names, segmentNames: scenario.market.segments.map(\.name),
                                  months: info.months, file: url.appendingPathComponent(SegmentsFile.fileName).path)
        }
        if let channelsText {
            try ChannelsFile.read(channelsText, into: &results, strategyNames: names,
                                  channelNames: scenario.strategies.map { $0.channels.map(\.name) },
                                  file: url.appendingPathComponent(ChannelsFile.fileName).path)
        }
        return results
    }

    /// The results with each strategy's campaign records (`campaigns.csv`) when `campaigns`
    /// names its active campaigns (`Campaigns.active`).
    public func results(strategyNames: [String], campaigns: [[CampaignKind]] = []) throws -> [PathResult] {
        var results = try LedgerTable.read(ledgerText, strategyNames: strategyNames,
                                           file: url.appendingPathComponent(LedgerTable.fileName).path)
        try DiscriminationTable.read(discriminationText, into: &results, strategyNames: strategyNames,
                                     file: url.appendingPathComponent(DiscriminationTable.fileName).path)
        if let vintagesText {
            try VintagesFile.read(vintagesText, into: &results, strategyNames: strategyNames, months: info.months,
                                  file: url.appendingPathComponent(VintagesFile.fileName).path)
        }
        if let campaignsText, campaigns.contains(where: { !$0.isEmpty }) {
            try CampaignsFile.read(campaignsText, into: &results, strategyNames: strategyNames, campaigns: campaigns,
                                   months: info.months, file: url.appendingPathComponent(CampaignsFile.fileName).path)
        }
        return results
    }
}
