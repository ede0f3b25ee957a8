import ArgumentParser
import CardsimFit

/// `cardsim fit rollrates DATA.csv --status-columns ... --out RATES.yaml`: the monthly
/// delinquency transition matrix.
struct FitRollRatesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rollrates",
        abstract: "Estimate monthly delinquency roll rates from repayment-status histories.",
        discussion: """
            Cohort method: for every row and every pair of consecutive months in \
            --status-columns (oldest first), counts the move between delinquency buckets \
            (status -2, -1, 0: current; k = 1..6: k months late; 7 and up: 180+ days, charged \
            off, absorbing). Prints the status codes per column, the counts and the transition \
            matrix, and writes RATES.yaml (replaced atomically) with base_roll and base_cure as \
            a scenario's market.credit takes them, plus the counts and the full matrix. See \
            docs/fitting.md.
            """
    )

    @Argument(help: ArgumentHelp("The data (CSV with a header row).", valueName: "data.csv"))
    var data: String

    @Option(help: ArgumentHelp("Status columns, oldest month first, e.g. PAY_6,PAY_5,PAY_4,PAY_3,PAY_2,PAY_0.", valueName: "a,b,..."))
    var statusColumns: String

    @Option(help: ArgumentHelp("Roll-rate file to write (YAML).", valueName: "rates.yaml"))
    var out: String

    func validate() throws {
        try OutputPath.check(out)
    }

    func run() throws {
        let rates = try CommandFailure.catchingFit { () throws -> RollRates in
            let table = try CSVTable.read(path: data)
            return try RollRates(table: table, statusColumns: columnList(statusColumns) ?? [])
        }
        try CommandFailure.catchingFit { try AtomicFile.write(rates.yaml, to: out) }
        print(rates.report, terminator: "")
        print("")
        print("roll rates written to \(out)")
    }
}
