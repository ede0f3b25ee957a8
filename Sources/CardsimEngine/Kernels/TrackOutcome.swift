/// Kernel 5b, account history after the delinquency roll:
/// marks accounts booked this month (months on book 0) with the month and a clean history,
/// shifts the past-due history by a month (bit 0 = past due at this month's end) and keeps the
/// worst bucket reached and the month it first reached 90+ days past due. No draws.
enum TrackOutcome {
    static func run(_ pop: Population, _ agents: AgentIndices, month: Int) {
        let obs = pop.observed
        for k in agents {
            let i = Int(k)
            let bucket = pop.bucket[i]
            if pop.monthsOnBook[i] == 0 && obs.bookedMonth[i] == 0 {
                obs.bookedMonth[i] = UInt16(truncatingIfNeeded: month)
                obs.worstBucket[i] = 0
                obs.pastDueHistory[i] = 0
                obs.badMonth[i] = 0
            }
            if bucket >= 4 && obs.badMonth[i] == 0 { obs.badMonth[i] = UInt16(truncatingIfNeeded: month) }
            obs.pastDueHistory[i] = obs.pastDueHistory[i] << 1 | (bucket > 0 ? 1 : 0)
            if bucket > obs.worstBucket[i] { obs.worstBucket[i] = bucket }
        }
    }
}
