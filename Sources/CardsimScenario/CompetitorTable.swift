import CardsimEngine

extension Tables {
    static let competitorKinds: [(name: String, value: Competitor.Kind)] = [
        ("national_bank", .nationalBank), ("regional_bank", .regionalBank), ("internet_platform", .internetPlatform),
    ]

    /// One item of `competitors:`; every value is required.
    static var competitor: Section<Competitor> {
        let offerSource = "required; set per scenario"
        return Section(defaultValue: Competitor(name: "", kind: .regionalBank,
                                                offer: Offer(apr: 0, annualFee: 0, rewardsRate: 0, interestFreeDays: 0)),
                       fields: [
            .text("name", \.name, rule: .itemName, doc: "Competitor name, used in reports and in --set paths.",
                  source: "required", required: true),
            .choice("kind", \.kind, options: competitorKinds,
                    doc: "Kind of issuer: a national bank, another regional bank or an internet consumer-finance platform.",
                    source: "the three kinds of competitor in the product brief", required: true),
            .number("apr", \.offer.apr, .fraction, unit: "fraction per year",
                    doc: "Revolving APR of the competitor's card.", source: offerSource, required: true),
            .number("annual_fee", \.offer.annualFee, .nonNegative, unit: "yuan",
                    doc: "Annual fee of the competitor's card.", source: offerSource, required: true),
            .number("rewards_rate", \.offer.rewardsRate, .closed(0, 0.2), unit: "yuan per yuan spent",
                    doc: "Value of rewards given back per yuan of spend.", source: offerSource, required: true),
            .number("interest_free_days", \.offer.interestFreeDays, .closed(0, 365), unit: "days",
                    doc: "Interest-free days on purchases.", source: offerSource, required: true),
        ])
    }
}
