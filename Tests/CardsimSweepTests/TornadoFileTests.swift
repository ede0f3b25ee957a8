@testable import CardsimSweep
import Foundation
import Testing

@Suite("tornado.csv read back and drawn")
struct TornadoFileTests {
    static let tornado = Tornado(kpi: "npv", base: 1250.5, baseStandardError: 40.25, bars: [
        .init(parameter: 0, path: "bank.risk.cutoff", low: -0.4, high: 0.2, atLow: 1100.125, atHigh: 1300,
              changeLow: -150.375, changeHigh: 49.5, atLowStandardError: 39.5, atHighStandardError: 41,
              changeLowStandardError: 3.75, changeHighStandardError: 1.5),
        .init(parameter: 1, path: "bank.product.annual_fee", low: 0, high: 200, atLow: 1240, atHigh: 1250.5,
              changeLow: -10.5, changeHigh: 0, atLowStandardError: 40, atHighStandardError: 40.25,
              changeLowStandardError: 0.25, changeHighStandardError: 0),
    ])

    @Test("tornado.csv written and read back gives the same bars and standard errors")
    func roundTrip() throws {
        let text = SweepTables.tornadoCSV(Self.tornado)
        #expect(text.hasPrefix("kpi,parameter,low,high,base,at_low,at_high,change_low,change_high,base_se,at_low_se,at_high_se,change_low_se,change_high_se,strategy\n"))
        #expect(try Tornado(tornadoCSV: text, file: "t.csv") == Self.tornado)
        // A challenger's bar keeps its strategy and its own base; a table from before the
        // strategy column reads as the champion's.
        var mixed = Self.tornado
        mixed.bars.append(.init(parameter: 2, path: "strategies.challengers.tight.bank.product.apr", low: 0.12, high: 0.2, atLow: 900, atHigh: 950,
                                changeLow: -20, changeHigh: 30, atLowStandardError: 5, atHighStandardError: 6,
                                changeLowStandardError: 1, changeHighStandardError: 2, strategy: "tight", strategyBase: 920))
        let mixedText = SweepTables.tornadoCSV(mixed)
        #expect(mixedText.contains(",920.0,900.0,950.0,") && mixedText.hasSuffix(",tight\n"))
        #expect(try Tornado(tornadoCSV: mixedText, file: "t.csv") == mixed)
        let noStrategy = text.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).prefix(14).joined(separator: ",") }
            .joined(separator: "\n") + "\n"
        #expect(try Tornado(tornadoCSV: noStrategy, file: "t.csv") == Self.tornado)
        #expect(Tornado.strategy(of: "strategies.challengers.tight.bank.product.apr", strategyNames: ["champion", "tight"]) == 1)
        #expect(Tornado.strategy(of: "bank.product.apr", strategyNames: ["champion", "tight"]) == 0)
        #expect(Tornado.label("strategies.challengers.tight.bank.product.apr", strategy: "tight") == "product.apr [tight]")
        #expect(Tornado.label("market.segments.young_professionals.occasional_share", strategy: nil) == "…young_professionals.occasional_share")
    }

    @Test("a tornado.csv without the standard error columns reads with none, and draws no error bars")
    func withoutErrors() throws {
        let old = SweepTables.tornadoCSV(Self.tornado).split(separator: "\n").map { $0.split(separator: ",").prefix(9).joined(separator: ",") }
            .joined(separator: "\n") + "\n"
        let read = try Tornado(tornadoCSV: old, file: "t.csv")
        #expect(read.baseStandardError == nil)
        #expect(read.bars.allSatisfy { $0.changeLowStandardError == nil && $0.atHighStandardError == nil })
        #expect(read.bars.map(\.changeLow) == Self.tornado.bars.map(\.changeLow))
        #expect(!read.chart().script(.png).contains("xerrorbars"))
        let drawn = Self.tornado.chart().script(.png)
        #expect(drawn.contains("$e using 1:2:3 with xerrorbars"))
        // One error bar per bar end: x = the change, y = the bar's centre (bar i at n - i,
        // low end 0.18 above, high end 0.18 below), x error = its standard error (unit yuan).
        let block = drawn.components(separatedBy: "$e << EOD\n").last?.components(separatedBy: "EOD").first ?? ""
        let rows = block.split(separator: "\n").map { $0.split(separator: " ").compactMap { Double($0) } }
        #expect(rows.count == 4, "error bar block: \(block)")
        if rows.count == 4 {
            for (row, expected) in zip(rows, [[-150.375, 2.18, 3.75], [49.5, 1.82, 1.5], [-10.5, 1.18, 0.25], [0, 0.82, 0]]) {
                #expect(row.count == 3 && zip(row, expected).allSatisfy { abs($0 - $1) < 1e-9 }, "row \(row), expected \(expected)")
            }
        }
    }

    @Test("a damaged tornado.csv is an input error naming the file and line")
    func damaged() {
        let text = SweepTables.tornadoCSV(Self.tornado).replacingOccurrences(of: "-150.375", with: "lots")
        #expect(throws: SweepError(.input, "t.csv: line 2: change_low 'lots' is not a number",
                                   help: "Assemble the sweep's tables again: cardsim sweep SCENARIO --out DIR --require-complete (with the sweep's options).")) {
            try Tornado(tornadoCSV: text, file: "t.csv")
        }
        #expect(throws: SweepError.self) { try Tornado(tornadoCSV: "a,b\n1,2\n", file: "t.csv") }
    }
}
