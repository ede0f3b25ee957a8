/// Kernel 9, vintage stocks at month end (after `Account`): every account booked during the
/// run that is still in force (issued or open) counts in its vintage's cell at its months on
/// book, and again among the accounts never 90+ days past due if it has not been. The events
/// (booking, first 30+ and 90+ days past due, write-off) are tallied where they happen, in
/// `TrackOutcome` and `Delinquency`. No draws.
enum TallyVintages {
    static func run(_ pop: Population, _ agents: AgentIndices, month: Int, _ vintages: inout VintageTable) {
        let obs = pop.observed
        let open = Lifecycle.open.rawValue, issued = Lifecycle.issued.rawValue
        for k in agents {
            let i = Int(k)
            let booked = Int(obs.bookedMonth[i])
            let state = pop.state[i]
            guard booked > 0, state == open || state == issued,
                  let cell = vintages.index(bookedMonth: booked, month: month) else { continue }
            vintages.cells[cell].open += 1
            if obs.badMonth[i] == 0 { vintages.cells[cell].openNever90 += 1 }
        }
    }
}
