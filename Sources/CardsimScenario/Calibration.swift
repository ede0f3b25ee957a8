/// The public figures `scenarios/baseline.yaml` (a city commercial bank) is calibrated to, and
/// the parameters that were set to meet them. The bands are checked by the test suite
/// (`CalibrationTests`) and printed in docs/parameters.md ("Calibration") and the README.
///
/// Four parameters are fitted by `make calibrate` (`cardsim calibrate
/// scenarios/targets/china-2024.yaml`, docs/calibration.md) on runs of 6 paths x 20,000
/// agents x 60 months; the others were set by hand, one group at a time, on runs of 4 paths x
/// 20,000 agents x 60 months. All are confirmed at the shipped size (40 x 200,000 x 60).
public enum Calibration {
    /// A KPI's band at month 60 (ratios of stocks) or over the 60 months (ratios of totals).
    public struct Band: Sendable {
        /// KPI id (`KPI.all`).
        public var kpi: String
        public var low: Double
        public var high: Double
        /// Where the band comes from.
        public var source: String
    }

    /// A calibrated parameter: its path, the value shipped, the range tried and what it moves.
    public struct Setting: Sendable {
        public var path: String
        public var value: String
        public var tried: String
        public var reason: String
    }

    public static let bands: [Band] = [
        Band(kpi: "receivables_per_card", low: 8_000, high: 16_000,
             source: "PBOC payment-system report 2024 Q3: card receivables 8.61T yuan over 737M cards = 11,680 yuan"),
        Band(kpi: "spend_per_card", low: 3_000, high: 6_000,
             source: "PBOC: 39.8T yuan of card spend in 2023 over about 760M cards = 4,360 yuan a month"),
        Band(kpi: "utilization", low: 0.33, high: 0.43,
             source: "PBOC: credit-line utilisation 39.3% (2022 Q1), 37.8% (2024 Q3)"),
        Band(kpi: "overdue_6m_ratio", low: 0.011, high: 0.018,
             source: "PBOC: balances more than 6 months overdue over receivables 1.09% (2022 Q1), 1.42% (2024 Q3), 1.43% (end 2024)"),
        Band(kpi: "npl_ratio", low: 0.015, high: 0.035,
             source: "listed banks' card NPL ratios, 2024 annual reports: CMB 1.75%, ICBC 3.0-3.5%, Industrial 3.88%"),
        Band(kpi: "active_rate", low: 0.52, high: 0.62,
             source: "product brief: industry active-card rate below 60%"),
        Band(kpi: "long_dormant_share", low: 0, high: 0.20,
             source: "CBIRC and PBOC credit-card notice, July 2022: long-dormant cards at most 20% of cards in force"),
        Band(kpi: "acquisition_cost_per_account", low: 90, high: 110,
             source: "product brief: online acquisition costs over 100 yuan per new customer"),
    ]

    public static let settings: [Setting] = [
        Setting(path: "market.segments[].spend_share_of_income", value: "1.3-2.6 (6.5 x the earlier 0.2-0.4)", tried: "1-7 x",
                reason: "spend per card: the PBOC figure implies card spend of about 1-2 months of the median income per card holder (business and big-ticket use, several cards per person); it is the spend wanted before the share of wallet and the open-to-buy cap"),
        Setting(path: "market.segments[].engagement_logit", value: "segment offset + 2.0", tried: "-1.5 to +3", reason: "regular users use the card in most months (spend per card)"),
        Setting(path: "market.segments[].occasional_share, occasional_usage", value: "0.38, 0.10", tried: "0-0.45, 0.08-0.15",
                reason: "active-card rate and long-dormant share together: without occasional users active + long-dormant stays near 83% of cards, so both bands cannot hold"),
        Setting(path: "market.segments[].revolver_share", value: "0.2-0.9 (2 x)", tried: "1-2 x", reason: "receivables per card and utilisation"),
        Setting(path: "market.segments[].cash_installment_propensity, bill_installment_propensity", value: "8 x, 6 x", tried: "1-10 x",
                reason: "installments carry a large part of Chinese card receivables; receivables and utilisation"),
        Setting(path: "bank.risk.limit_income_multiple", value: "2.66 ± 0.47 (fitted)", tried: "2.0-3.2 (bounds of the fit)", reason: "make calibrate: utilisation and receivables per card (credit lines of about 31,000 yuan a card nationally: 8.61T / 37.8% / 737M); weakly identified"),
        Setting(path: "market.behaviour.activation_probability, initial_activated_share", value: "0.146 ± 0.009 (fitted), 0.85", tried: "0.1-0.35 (bounds of the fit), 0.75-0.88", reason: "make calibrate: active-card rate and long-dormant share"),
        Setting(path: "market.behaviour.dormant_usage_factor, dormant_attrition", value: "0.5, 0.029 ± 0.003 (fitted)", tried: "0.12-1.0, 0.004-0.04 (bounds of the fit)", reason: "make calibrate: long-dormant share and active-card rate"),
        Setting(path: "market.credit.utilization_slope", value: "0.55 ± 0.44 (fitted)", tried: "0.3-1.5 (bounds of the fit)", reason: "make calibrate: the 6-month overdue ratio and NPL ratio; weakly identified (within one standard error of 0.8, the earlier assumption)"),
        Setting(path: "market.behaviour.balance_attrition", value: "0.002", tried: "0-0.008",
                reason: "steady state: without it (and the balance transfers of market.responses, 0.2% a month at the cheapest competitor's APR) revolvers leave only by default, so the book's risk drifts down for decades and no spin-up reaches a steady state; 0.004 with the transfers put the active rate above its band"),
        Setting(path: "market.responses.transfer_rate, transfer_apr_slope", value: "0.002, 16", tried: "0.001-0.004, 8-24",
                reason: "the balance-shifting part (under half) of Gross & Souleles' -1.3 elasticity of card debt to the APR: a 24% APR lowers receivables per card by about 8% and raises balance transfers out about 2.3 times (stylised facts)"),
        Setting(path: "market.choice.value_scale, interest_salience", value: "1000, 0.1", tried: "300-1500, 0.1-0.5",
                reason: "lever responses of a plausible size: at 300 a 0.2-point points change moved new accounts by 60% and an APR cut to 12% doubled them; card rates are sticky (Ausubel 1991)"),
        Setting(path: "competitors[].brand_value (national_bank, pay_later)", value: "200, 80 yuan a year", tried: "0-300",
                reason: "the bank's share of the region's new accounts about one half and new accounts about 230,000 over five years, as before the money-metric choice"),
        Setting(path: "market.behaviour.return_after_closing_months, credit_record_months", value: "12, 60", tried: "absorbing (never) and these",
                reason: "steady state: former holders return to the prospect pool, so the region's prospects are not used up; 60 months is the credit record's retention"),
        Setting(path: "market.credit.base_roll[0]", value: "0.0026", tried: "0.0022-0.008", reason: "6-month overdue ratio and NPL ratio"),
        Setting(path: "market.credit.risk_slope", value: "1.5", tried: "0.8-1.5",
                reason: "risk concentrated enough for approval policy to matter: the shipped scorecards' AUC on the accounts they book is 0.66 (basic) to 0.76 (local data), in the range of published card scorecards"),
        Setting(path: "market.credit.seasoning_lift, seasoning_peak_months", value: "1.0, 12", tried: "0-1.5",
                reason: "vintage risk: new accounts' roll hazard peaks about a year on book, as card vintage curves do; assumption"),
    ]
}
