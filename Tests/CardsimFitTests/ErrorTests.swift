@testable import CardsimFit
import Testing

/// Every refusal, message for message.
@Suite("data errors")
struct ErrorTests {
    /// `rows` data rows of ID, AGE, LIMIT, BRANCH, Default with AGE and LIMIT varying; `edit`
    /// changes a row's cells (0-based data row).
    func csv(rows: Int = 40, header: String = "ID,AGE,LIMIT,BRANCH,Default",
             edit: (Int, inout [String]) -> Void = { _, _ in }) -> String {
        var lines = [header]
        for i in 0..<rows {
            var cells = ["\(100 + i)", "\(20 + (i * 7) % 40)", "\(1000 * (1 + (i * 3) % 11))", "\(i % 3)", "\((i * 5) % 4 == 0 ? 1 : 0)"]
            edit(i, &cells)
            lines.append(cells.joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    func fitError(exclude: [String] = ["ID"], _ text: String, target: String = "Default", positive: String = "1",
                  features: [String]? = nil, options: FitOptions = FitOptions()) -> String? {
        do {
            let table = try CSVTable(text: text, path: "DATA.csv")
            let data = try TrainingData(table: table, target: target, positive: positive, features: features, exclude: exclude)
            _ = try Scorecard.fit(data, name: "t", options: options)
            return nil
        } catch let e as FitError {
            return e.description
        } catch {
            return "unexpected \(error)"
        }
    }

    @Test("the data as made fits")
    func baseline() {
        #expect(fitError(csv()) == nil)
    }

    @Test("a non-numeric cell, by file, line and column")
    func nonNumeric() {
        let text = csv { i, cells in if i == 15 { cells[1] = "abc" } }
        #expect(fitError(text) == "DATA.csv:17:5: error: non-numeric value in column 'AGE'; expected a number, found 'abc'")
    }

    @Test("missing values: an empty cell and NA")
    func missing() {
        #expect(fitError(csv { i, cells in if i == 2 { cells[2] = "" } })
            == "DATA.csv:4:8: error: missing value in column 'LIMIT'; expected a number, found an empty cell")
        #expect(fitError(csv { i, cells in if i == 2 { cells[2] = "NA" } })
            == "DATA.csv:4:8: error: missing value in column 'LIMIT'; expected a number, found 'NA'")
        #expect(fitError(csv { i, cells in if i == 5 { cells[4] = "" } })
            == "DATA.csv:7:15: error: missing value in target 'Default'; expected a value, found an empty cell")
    }

    @Test("the first bad cell in file order is reported")
    func firstInFileOrder() {
        let text = csv { i, cells in
            if i == 9 { cells[3] = "x" }
            if i == 8 { cells[2] = "?" }
        }
        #expect(fitError(text) == "DATA.csv:10:8: error: missing value in column 'LIMIT'; expected a number, found '?'")
    }

    @Test("a text column is left out by default but refused when named")
    func textColumn() throws {
        let text = csv(header: "ID,AGE,LIMIT,CITY,Default") { i, cells in cells[3] = ["Jinan", "Qingdao", "Yantai"][i % 3] }
        let table = try CSVTable(text: text, path: "DATA.csv")
        let data = try TrainingData(table: table, target: "Default", exclude: ["ID"])
        #expect(data.features == ["AGE", "LIMIT"])
        #expect(data.skipped == ["CITY"])
        #expect(fitError(text, features: ["AGE", "CITY"])
            == "DATA.csv:2:13: error: non-numeric value in column 'CITY'; expected a number, found 'Jinan'")
    }

    @Test("a constant column is named")
    func constantColumn() {
        #expect(fitError(csv { _, cells in cells[3] = "3" })
            == "DATA.csv: error: column 'BRANCH' is constant; expected at least two distinct values, found 3 in every row (hint: leave it out with --exclude BRANCH)")
        #expect(fitError(csv { _, cells in cells[3] = "3"; cells[2] = "7.5" })
            == "DATA.csv: error: columns 'LIMIT', 'BRANCH' are constant; expected at least two distinct values in each, found one (hint: leave them out with --exclude LIMIT,BRANCH)")
    }

    @Test("a target with one class")
    func oneClass() {
        #expect(fitError(csv { _, cells in cells[4] = "0" })
            == "DATA.csv: error: target 'Default' has one class; expected both events (Default = 1) and non-events, found no events in 40 rows (hint: check --positive; the column holds '0')")
        #expect(fitError(csv(), positive: "yes")
            == "DATA.csv: error: target 'Default' has one class; expected both events (Default = yes) and non-events, found no events in 40 rows (hint: check --positive; the column holds '1', '0')")
        #expect(fitError(csv { _, cells in cells[4] = "1" })
            == "DATA.csv: error: target 'Default' has one class; expected both events (Default = 1) and non-events, found only events in 40 rows")
    }

    @Test("--positive picks the event, as text or as a number")
    func positiveValue() throws {
        let text = csv { _, cells in cells[4] = cells[4] == "1" ? "bad" : "good" }
        let table = try CSVTable(text: text, path: "DATA.csv")
        let data = try TrainingData(table: table, target: "Default", positive: "bad", exclude: ["ID"])
        #expect(data.events == 10)
        let numbers = try CSVTable(text: csv { _, cells in cells[4] = cells[4] == "1" ? "1.0" : "0.0" }, path: "DATA.csv")
        #expect(try TrainingData(table: numbers, target: "Default", exclude: ["ID"]).events == 10)
    }

    @Test("perfect separation, complete and quasi-complete")
    func separation() {
        // SCORE above 50 exactly when Default is 1.
        let complete = csv(header: "ID,AGE,LIMIT,SCORE,Default") { i, cells in cells[3] = cells[4] == "1" ? "\(60 + i)" : "\(i)" }
        #expect(fitError(complete)
            == "DATA.csv: error: perfect separation by feature 'SCORE'; expected events and non-events that overlap, found fitted probabilities of 0 or 1 and a coefficient that grows without bound (hint: leave it out with --exclude SCORE, or merge its extreme values)")
        // FLAG = 1 only for some events; FLAG = 0 rows hold both classes.
        let quasi = csv(header: "ID,AGE,LIMIT,FLAG,Default") { i, cells in cells[3] = cells[4] == "1" && i % 3 == 0 ? "1" : "0" }
        #expect(fitError(quasi)
            == "DATA.csv: error: perfect separation by feature 'FLAG'; expected events and non-events that overlap, found fitted probabilities of 0 or 1 and a coefficient that grows without bound (hint: leave it out with --exclude FLAG, or merge its extreme values)")
    }

    @Test("collinear features")
    func collinear() {
        let text = csv(header: "ID,AGE,LIMIT,TOTAL,Default") { _, cells in cells[3] = "\(Int(cells[1])! + Int(cells[2])!)" }
        #expect(fitError(text)
            == "DATA.csv: error: feature 'TOTAL' is a linear combination of the features before it (collinear); expected linearly independent features (hint: leave it out with --exclude TOTAL)")
    }

    @Test("too few iterations")
    func maxIterations() {
        var options = FitOptions()
        options.maxIterations = 1
        let message = fitError(csv(), options: options) ?? ""
        #expect(message.hasPrefix("DATA.csv: error: the fit did not converge in 1 iteration; expected coefficient changes below 1e-08, found "))
        #expect(message.hasSuffix(" in the last iteration (hint: raise --max-iterations, or look for features with extreme values)"))
    }

    @Test("unknown columns, with the nearest name")
    func unknownColumns() {
        #expect(fitError(csv(), target: "Defualt")
            == "DATA.csv: error: unknown column 'Defualt' given to --target; expected one of the file's 5 columns (hint: did you mean 'Default'?)")
        #expect(fitError(exclude: ["Zzz"], csv())
            == "DATA.csv: error: unknown column 'Zzz' given to --exclude; expected one of the file's 5 columns (hint: the columns are 'ID', 'AGE', 'LIMIT', 'BRANCH', 'Default')")
        #expect(fitError(csv(), features: ["AGE", "Default"])
            == "DATA.csv: error: the target 'Default' is listed in --features; expected feature columns other than the target (hint: remove it from --features)")
    }

    @Test("malformed CSV")
    func malformed() {
        #expect(fitError(exclude: [], "A,B,Default\n1,2,0\n3,4\n") == "DATA.csv:3:1: error: wrong number of cells in the row; expected 3 as in the header, found 2")
        #expect(fitError(exclude: [], "A,B,Default\n1,2,0,9\n") == "DATA.csv:2:7: error: wrong number of cells in the row; expected 3 as in the header, found 4")
        #expect(fitError(exclude: [], "A,B,Default\n1,\"2,0\n") == "DATA.csv:2:3: error: unterminated quoted cell; expected a closing '\"', found the end of the file")
        #expect(fitError(exclude: [], "A,B,Default\n1,\"2\"x,0\n") == "DATA.csv:2:6: error: unexpected text after a quoted cell; expected ',' or the end of the line, found 'x'")
        #expect(fitError(exclude: [], "") == "DATA.csv: error: no header row; expected a CSV file whose first line names the columns, found an empty file")
        #expect(fitError(exclude: [], "A,B,Default\n") == "DATA.csv: error: no data rows; expected rows below the header, found none")
        #expect(fitError(exclude: [], "A,A,Default\n1,2,0\n") == "DATA.csv:1:3: error: duplicate column name 'A' in the header; expected distinct names")
    }

    @Test("a missing file")
    func missingFile() {
        do {
            _ = try CSVTable.read(path: "/nonexistent/DATA.csv")
            Issue.record("expected an error")
        } catch {
            #expect("\(error)" == "/nonexistent/DATA.csv: error: cannot read the data file; expected a readable CSV file, found no such file")
        }
    }
}
