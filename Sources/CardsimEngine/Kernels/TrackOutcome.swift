/// Kernel 5b, account history after the delinquency roll:
/// marks accounts booked this month (months on book 0) with the month and a clean history,
/// shifts the past-due history by a month (bit 0 = past due at this month's end) and keeps the
/// worst bucket reached and the month it first reached 90+ days past due. Adds the booking and
/// the first 30+ and 90+ days past due of an account booked during the run to the strategy's
/// vintage table, at the account's months on book. No draws.
enum TrackOutcome {
    /// A first 90+ within 12 months of a booking in months 1 ... `runMonths` - 11 is also
    /// counted for the account's channel (`ChannelFlows.badWithin12`).
    static func run(_ pop: Population, _ agents: AgentIndices, month: Int, runMonths: Int, _ vintages: inout VintageTable,
                    _ ledger: inout MonthLedger) {
        let obs = pop.observed
        for k in agents {
            let i = Int(k)
            let bucket = pop.bucket[i]
            if pop.monthsOnBook[i] == 0 && obs.bookedMonth[i] == 0 {
                obs.bookedMonth[i] = UInt16(truncatingIfNeeded: month)
                obs.worstBucket[i] = 0
                obs.pastDueHistory[i] = 0
                obs.badMonth[i] = 0
                vintages.book(month: month, limit: pop.limit[i])
            }
            let worst = obs.worstBucket[i], booked = Int(obs.bookedMonth[i])
            let first30 = bucket >= 2 && worst < 2, first90 = bucket >= 4 && obs.badMonth[i] == 0
            if first30 || first90, booked > 0, let cell = vintages.index(bookedMonth: booked, month: month) {
                if first30 { vintages.cells[cell].ever30 += 1 }
                if first90 { vintages.cells[cell].ever90 += 1 }
            }
            if first90 {
                obs.badMonth[i] = UInt16(truncatingIfNeeded: month)
                let c = Int(pop.channel[i])
                if booked > 0 && month - booked <= 11 && booked <= runMonths - 11 && c < ledger.channelFlows.count {
                    ledger.channelFlows[c].badWithin12 += 1
                }
            }
            obs.pastDueHistory[i] = obs.pastDueHistory[i] << 1 | (bucket > 0 ? 1 : 0)
            if bucket > worst { obs.worstBucket[i] = bucket }
        }
    }
}
