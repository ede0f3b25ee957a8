import CardsimEngine

/// The columns of `ledger.csv` after `path,strategy,month`: every stored property of
/// `MonthLedger`, then every stored property of `ProfitAndLoss` prefixed `pnl_`, in declaration
/// order and snake case. Arrays take one column per element: `applications_by_channel_0…`
/// (as many as the strategy with the most channels; empty cells where a strategy has fewer),
/// `accounts_by_bucket_0…6`, `receivables_by_bucket_0…6`, `spend_by_category_<category>`,
/// and `alliance_spend_0…`, `theme_spend_0…` (as many as the strategy with the most alliances or
/// theme cards; empty cells where a strategy has fewer); per competitor (in the scenario's
/// order) `competitor_applications_K`, `competitor_new_accounts_K`, `attrition_to_competitor_K`,
/// then `competitor_spend` (yuan) and the terms in force `competitor_terms_K_<field>`, and
/// `moves_fired` (a bit mask of the moves that fired in the month, see `MoveIndex`).
///
/// Counts and fen amounts are integers; yuan amounts are doubles in round-trip spelling.
struct LedgerColumns {
    enum Field {
        /// An integer property (a count of agents or an amount in fen).
        case integer(String, WritableKeyPath<MonthLedger, Int64>)
        /// The per-channel application counts; the number of columns varies by run.
        case channels
        /// A fixed-length integer array, one column per name suffix.
        case integers(String, WritableKeyPath<MonthLedger, [Int64]>, suffixes: [String])
        /// A fixed-length array of yuan amounts, one column per name suffix.
        case doubles(String, WritableKeyPath<MonthLedger, [Double]>, suffixes: [String])
        /// A P&L line, yuan.
        case pnl(String, WritableKeyPath<ProfitAndLoss, Double>)
        /// Yuan amounts per alliance or per theme card; the number of columns varies by run.
        case perLever(String, WritableKeyPath<MonthLedger, [Double]>, Lever)
        /// A yuan amount (fractional).
        case yuan(String, WritableKeyPath<MonthLedger, Double>)
        /// One integer per competitor: `NAME_0…`.
        case perCompetitor(String, WritableKeyPath<MonthLedger, [Int64]>)
        /// The competitors' terms: `competitor_terms_K_FIELD` for every competitor and
        /// `OfferField`.
        case competitorTerms
    }

    enum Lever { case alliances, themeCards }

    static let channelPrefix = "applications_by_channel_"

    static let fields: [Field] = {
        let buckets = (0..<CreditDynamics.buckets).map(String.init)
        return [
            .integer("applications", \.applications),
            .integer("new_accounts", \.newAccounts),
            .integer("activations", \.activations),
            .integer("closures", \.closures),
            .integer("charge_off_accounts", \.chargeOffAccounts),
            .channels,
            .integer("cards_in_force", \.cardsInForce),
            .integer("active_cards", \.activeCards),
            .integer("dormant_cards", \.dormantCards),
            .integer("long_dormant_cards", \.longDormantCards),
            .integer("light_user_cards", \.lightUserCards),
            .integer("light_user_active_cards", \.lightUserActiveCards),
            .integers("accounts_by_bucket", \.accountsByBucket, suffixes: buckets),
            .integers("receivables_by_bucket", \.receivablesByBucket, suffixes: buckets),
            .integer("accounts_past180", \.accountsPast180),
            .integer("receivables_past180", \.receivablesPast180),
            .integer("credit_lines", \.creditLines),
            .integer("receivables_opening", \.receivablesOpening),
            .integer("spend", \.spend),
            .integer("cash_disbursed", \.cashDisbursed),
            .integer("interest", \.interest),
            .integer("installment_fees", \.installmentFees),
            .integer("annual_fees", \.annualFees),
            .integer("late_fees", \.lateFees),
            .integer("cash_advance_fees", \.cashAdvanceFees),
            .integer("payments", \.payments),
            .integer("charge_offs", \.chargeOffs),
            .integer("charge_offs_trailing12", \.chargeOffsTrailing12),
            .integer("recoveries", \.recoveries),
            .integer("receivables_closing", \.receivablesClosing),
            .doubles("spend_by_category", \.spendByCategory, suffixes: Category.allCases.map(\.name)),
            .integer("transactor_spend", \.transactorSpend),
            .integer("swipes", \.swipes),
            .integer("installment_volume", \.installmentVolume),
            .integer("balance_transfers", \.balanceTransfers),
            .integer("balance_transferred", \.balanceTransferred),
            .perLever("alliance_spend", \.allianceSpend, .alliances),
            .perLever("theme_spend", \.themeSpend, .themeCards),
            .integer("reactivation_contacts", \.reactivationContacts),
            .integer("first_swipe_gifts", \.firstSwipeGifts),
            .integer("precision_targets", \.precisionTargets),
            .integer("precision_swipes", \.precisionSwipes),
            .integer("precision_spend", \.precisionSpend),
            .integer("line_increases", \.lineIncreases),
            .integer("line_decreases", \.lineDecreases),
            .integer("cleanup_notices", \.cleanupNotices),
            .integer("cleanup_closures", \.cleanupClosures),
            .integer("target_segment_new_accounts", \.targetSegmentNewAccounts),
            .integer("annual_fees_on_barely_used_cards", \.annualFeesOnBarelyUsedCards),
            .integer("repeat_marketing_contacts", \.repeatMarketingContacts),
            .yuan("complaints", \.complaints),
            .integer("members", \.members),
            .integer("member_joins", \.memberJoins),
            .integer("membership_fees", \.membershipFees),
            .integer("loan_balances_opening", \.loanBalancesOpening),
            .integer("loans_booked", \.loansBooked),
            .integer("loan_disbursed", \.loanDisbursed),
            .integer("loan_interest", \.loanInterest),
            .integer("loan_payments", \.loanPayments),
            .integer("loan_write_offs", \.loanWriteOffs),
            .integer("loan_recoveries", \.loanRecoveries),
            .integer("loan_accounts", \.loanAccounts),
            .integer("loan_balances_closing", \.loanBalancesClosing),
            .integer("issuance_stopped", \.issuanceStopped),
            .perCompetitor("competitor_applications", \.competitorApplications),
            .perCompetitor("competitor_new_accounts", \.competitorNewAccounts),
            .perCompetitor("attrition_to_competitor", \.attritionToCompetitor),
            .yuan("competitor_spend", \.competitorSpend),
            .competitorTerms,
            .integer("moves_fired", \.movesFired),
            .pnl("pnl_interest", \.interest),
            .pnl("pnl_installment_fees", \.installmentFees),
            .pnl("pnl_annual_fees", \.annualFees),
            .pnl("pnl_late_fees", \.lateFees),
            .pnl("pnl_cash_advance_fees", \.cashAdvanceFees),
            .pnl("pnl_interchange", \.interchange),
            .pnl("pnl_acquiring_share", \.acquiringShare),
            .pnl("pnl_merchant_acquiring", \.merchantAcquiring),
            .pnl("pnl_rewards", \.rewards),
            .pnl("pnl_alliance_cost", \.allianceCost),
            .pnl("pnl_campaign_cost", \.campaignCost),
            .pnl("pnl_collections_cost", \.collectionsCost),
            .pnl("pnl_membership_fees", \.membershipFees),
            .pnl("pnl_membership_benefits", \.membershipBenefits),
            .pnl("pnl_loan_interest", \.loanInterest),
            .pnl("pnl_loan_funding", \.loanFunding),
            .pnl("pnl_loan_losses", \.loanLosses),
            .pnl("pnl_funding", \.funding),
            .pnl("pnl_operating", \.operating),
            .pnl("pnl_acquisition", \.acquisition),
            .pnl("pnl_credit_losses", \.creditLosses),
        ]
    }()

    /// Number of `applications_by_channel_*` columns.
    let channels: Int
    /// Number of `alliance_spend_*` and `theme_spend_*` columns.
    let alliances: Int
    let themeCards: Int
    /// The record columns (without `path,strategy,month`).
    let header: [String]

    func count(_ lever: Lever) -> Int { lever == .alliances ? alliances : themeCards }

    /// Number of competitors (per-competitor columns).
    let competitors: Int

    init(channels: Int, alliances: Int = 0, themeCards: Int = 0, competitors: Int = 0) {
        self.channels = channels
        self.competitors = competitors
        self.alliances = alliances
        self.themeCards = themeCards
        header = LedgerColumns.fields.flatMap { field -> [String] in
            switch field {
            case .integer(let name, _), .pnl(let name, _), .yuan(let name, _): [name]
            case .perCompetitor(let name, _): (0..<competitors).map { name + "_" + String($0) }
            case .competitorTerms:
                (0..<competitors).flatMap { k in OfferField.allCases.map { "competitor_terms_\(k)_\($0.rawValue)" } }
            case .channels: (0..<channels).map { LedgerColumns.channelPrefix + String($0) }
            case .perLever(let name, _, let lever):
                (0..<(lever == .alliances ? alliances : themeCards)).map { name + "_" + String($0) }
            case .integers(let name, _, let suffixes), .doubles(let name, _, let suffixes):
                suffixes.map { name + "_" + $0 }
            }
        }
    }

    /// Appends the record's cells, each preceded by a comma.
    func append(_ r: MonthRecord, to out: inout String) {
        for field in LedgerColumns.fields {
            switch field {
            case .integer(_, let key):
                out += ","; out += String(r.ledger[keyPath: key])
            case .channels:
                for c in 0..<channels {
                    out += ","
                    if c < r.ledger.applicationsByChannel.count { out += String(r.ledger.applicationsByChannel[c]) }
                }
            case .integers(_, let key, _):
                for v in r.ledger[keyPath: key] { out += ","; out += String(v) }
            case .doubles(_, let key, _):
                for v in r.ledger[keyPath: key] { out += ","; out += NumberText.double(v) }
            case .pnl(_, let key):
                out += ","; out += NumberText.double(r.pnl[keyPath: key])
            case .yuan(_, let key):
                out += ","; out += NumberText.double(r.ledger[keyPath: key])
            case .perCompetitor(_, let key):
                for v in r.ledger[keyPath: key] { out += ","; out += String(v) }
            case .competitorTerms:
                for v in r.ledger.competitorTerms { out += ","; out += NumberText.double(v) }
            case .perLever(_, let key, let lever):
                let values = r.ledger[keyPath: key]
                for k in 0..<count(lever) {
                    out += ","
                    if k < values.count { out += NumberText.double(values[k]) }
                }
            }
        }
    }

    /// Rebuilds a record from its cells, or says which column is malformed.
    func record(_ cells: ArraySlice<Substring>) -> Result<MonthRecord, ColumnError> {
        var i = cells.startIndex
        var channelCounts: [Int64] = []
        var ledger = MonthLedger(channels: 0)
        var pnl = ProfitAndLoss()
        let names = header
        precondition(cells.count == names.count)
        func integer() -> Int64? { defer { i += 1 }; return Int64(cells[i]) }
        func double() -> Double? { defer { i += 1 }; return Double(cells[i]) }
        func fail() -> Result<MonthRecord, ColumnError> {
            .failure(ColumnError(column: names[i - 1 - cells.startIndex], cell: String(cells[i - 1])))
        }
        for field in LedgerColumns.fields {
            switch field {
            case .integer(_, let key):
                guard let v = integer() else { return fail() }
                ledger[keyPath: key] = v
            case .channels:
                var ended = false
                for _ in 0..<channels {
                    if cells[i].isEmpty { ended = true; i += 1; continue }
                    if ended { i += 1; return fail() }
                    guard let v = integer() else { return fail() }
                    channelCounts.append(v)
                }
            case .integers(_, let key, let suffixes):
                var values: [Int64] = []
                for _ in suffixes {
                    guard let v = integer() else { return fail() }
                    values.append(v)
                }
                ledger[keyPath: key] = values
            case .doubles(_, let key, let suffixes):
                var values: [Double] = []
                for _ in suffixes {
                    guard let v = double() else { return fail() }
                    values.append(v)
                }
                ledger[keyPath: key] = values
            case .pnl(_, let key):
                guard let v = double() else { return fail() }
                pnl[keyPath: key] = v
            case .yuan(_, let key):
                guard let v = double() else { return fail() }
                ledger[keyPath: key] = v
            case .perCompetitor(_, let key):
                var values: [Int64] = []
                for _ in 0..<competitors {
                    guard let v = integer() else { return fail() }
                    values.append(v)
                }
                ledger[keyPath: key] = values
            case .competitorTerms:
                var values: [Double] = []
                for _ in 0..<(competitors * OfferField.allCases.count) {
                    guard let v = double() else { return fail() }
                    values.append(v)
                }
                ledger.competitorTerms = values
            case .perLever(_, let key, let lever):
                var values: [Double] = []
                var ended = false
                for _ in 0..<count(lever) {
                    if cells[i].isEmpty { ended = true; i += 1; continue }
                    if ended { i += 1; return fail() }
                    guard let v = double() else { return fail() }
                    values.append(v)
                }
                ledger[keyPath: key] = values
            }
        }
        ledger.applicationsByChannel = channelCounts
        return .success(MonthRecord(ledger: ledger, pnl: pnl))
    }

    /// A cell that does not hold a number of its column's type.
    struct ColumnError: Error {
        var column: String
        var cell: String
    }
}
