import CardsimScenario
import CardsimTestSupport
import Foundation
import Testing

/// Broken scorecard model files and scorecard settings: each gives one diagnostic naming the
/// file, line and column where the problem is and what was expected instead.
@Suite("scorecard file errors")
struct ScorecardFileErrorTests {
    /// A valid application model: two application features and an intercept.
    static let goodModel = """
        name: "test-model"
        features:
          - {name: "log_income", coefficient: -0.3}
          - {name: "age", coefficient: -0.02}
        intercept: 1.5

        """

    /// A folder holding `s.yaml` (the minimal scenario plus `risk`, under `bank:`) and the
    /// model file `m.yaml` with `model` as its bytes (none when nil).
    struct Case {
        let dir: TemporaryDirectory
        var scenario: String { dir.path("s.yaml").path }
        var model: String { dir.path("m.yaml").path }

        init(risk: String, model: Data?) throws {
            dir = try TemporaryDirectory()
            let yaml = minimalScenario + "bank:\n  risk:\n" + risk.split(separator: "\n").map { "    \($0)\n" }.joined()
            try Data(yaml.utf8).write(to: dir.path("s.yaml"))
            if let model { try model.write(to: dir.path("m.yaml")) }
        }

        init(risk: String = "application_scorecard: m.yaml", model: String) throws {
            try self.init(risk: risk, model: Data(model.utf8))
        }

        /// The diagnostics of loading `s.yaml` with `overrides`; empty if it loads.
        func diagnostics(_ overrides: [String] = []) -> [Diagnostic] {
            do {
                _ = try ScenarioLoader.load(path: scenario, overrides: overrides)
                return []
            } catch let errors as ScenarioErrors {
                return errors.diagnostics
            } catch {
                Issue.record("unexpected error \(error)")
                return []
            }
        }
    }

    /// The one diagnostic of `c` (recording an issue if there is not exactly one).
    func only(_ c: Case, _ overrides: [String] = []) throws -> Diagnostic {
        let all = c.diagnostics(overrides)
        #expect(all.count == 1, "\(all.map(\.description))")
        return try #require(all.first)
    }

    /// The line `bank.risk`'s first entry is on in `Case`'s scenario: after the minimal
    /// scenario's lines, `bank:` and `risk:`.
    static let firstRiskLine = minimalScenario.split(separator: "\n", omittingEmptySubsequences: false).count + 2

    @Test("the good model loads (the cases below break one thing each)")
    func goodModelLoads() throws {
        let c = try Case(model: Self.goodModel)
        #expect(c.diagnostics() == [])
    }

    @Test("a missing file is reported at the scenario's reference")
    func missingFile() throws {
        let c = try Case(risk: "application_scorecard: m.yaml", model: nil)
        let d = try only(c)
        #expect(d.file == c.scenario)
        #expect(d.line == Self.firstRiskLine)
        #expect(d.column == 28)
        #expect(d.message == "cannot read the scorecard file of bank.risk.application_scorecard (\(c.model)); expected a model file written by 'cardsim fit scorecard', found no such file")
        #expect(d.hint?.contains("relative to the scenario file's folder") == true)
    }

    @Test("a directory is reported as a directory")
    func directory() throws {
        let c = try Case(risk: "application_scorecard: m.yaml", model: nil)
        try FileManager.default.createDirectory(atPath: c.model, withIntermediateDirectories: false)
        let d = try only(c)
        #expect(d.file == c.scenario)
        #expect((d.line, d.column) == (Self.firstRiskLine, 28))
        #expect(d.message.hasSuffix("(\(c.model)); expected a model file written by 'cardsim fit scorecard', found a directory"))
    }

    @Test("bytes that are not UTF-8 are reported as such")
    func notUTF8() throws {
        var bytes = Data(Self.goodModel.utf8)
        bytes.insert(contentsOf: [0xFF, 0xFE, 0xC3], at: 6)
        let c = try Case(risk: "application_scorecard: m.yaml", model: bytes)
        let d = try only(c)
        #expect(d.file == c.scenario)
        #expect((d.line, d.column) == (Self.firstRiskLine, 28))
        #expect(d.message.hasSuffix("found bytes that are not UTF-8 text"))
    }

    @Test("an empty model file says it is an empty scorecard file, not an empty scenario")
    func emptyFile() throws {
        let c = try Case(model: "# nothing yet\n")
        let d = try only(c)
        #expect(d.file == c.model)
        #expect(d.message == "empty scorecard file of bank.risk.application_scorecard; expected a model file written by 'cardsim fit scorecard', found no content")
    }

    @Test("malformed YAML is located inside the model file")
    func malformedYAML() throws {
        // Line 3 opens a flow mapping that line 4 does not close: the parser reads `intercept`
        // as more of the plain scalar `-0.02` and stops at the colon (column 10).
        let c = try Case(model: "name: m\nfeatures:\n  - {name: age, coefficient: -0.02\nintercept: 1\n")
        let d = try only(c)
        #expect(d.file == c.model)
        #expect((d.line, d.column) == (4, 10))
        #expect(d.message == "invalid YAML: did not find expected ',' or '}' (while parsing a flow mapping at line 3, column 5)")
    }

    @Test("an unknown feature lists the known ones, with a suggestion")
    func unknownFeature() throws {
        let c = try Case(model: Self.goodModel.replacingOccurrences(of: "\"age\"", with: "\"agee\""))
        let d = try only(c)
        #expect(d.file == c.model)
        #expect((d.line, d.column) == (4, 12))
        #expect(d.message == "unknown feature in scorecard file of bank.risk.application_scorecard: features[1]; expected one of log_income, age, other_cards, recent_applications, social_security_months, utility_regularity, segment_<segment name>, found 'agee'")
        #expect(d.hint == "did you mean 'age'?")
    }

    @Test("a behaviour feature in an application scorecard is refused; the same model is a valid behaviour scorecard")
    func behaviourFeatureInApplication() throws {
        let model = Self.goodModel.replacingOccurrences(of: "\"age\"", with: "\"utilization\"")
        let c = try Case(model: model)
        let d = try only(c)
        #expect(d.file == c.model)
        #expect((d.line, d.column) == (4, 12))
        #expect(d.message.hasPrefix("behaviour feature in an application scorecard (scorecard file of bank.risk.application_scorecard: features[1]); expected a feature known at application ("))
        #expect(d.message.hasSuffix("found 'utilization'"))
        #expect(d.hint?.contains("behaviour_scorecard") == true)
        #expect(try Case(risk: "behaviour_scorecard: m.yaml", model: model).diagnostics() == [])
    }

    @Test("a segment feature naming no segment of the market is reported at the scenario's reference")
    func unknownSegment() throws {
        // segment_familys: a misspelt default segment.
        let c = try Case(model: Self.goodModel.replacingOccurrences(of: "\"age\"", with: "\"segment_familys\""))
        let d = try only(c)
        #expect(d.file == c.scenario)
        #expect((d.line, d.column) == (Self.firstRiskLine, 28))
        #expect(d.message == "unknown segment in scorecard 'm.yaml' (feature segment_familys); expected segment_ followed by one of young_professionals, families, high_net_worth, new_urban_residents, county_rural, seniors, found 'familys'")
        #expect(d.hint == "did you mean 'segment_families'?")
    }

    @Test("a model file that is a list is refused, and approval_rate is not reported as lacking a scorecard")
    func modelIsAList() throws {
        let c = try Case(risk: "application_scorecard: m.yaml\napproval_rate: 0.6", model: "- log_income\n- age\n")
        let d = try only(c)
        #expect(d.file == c.model)
        #expect((d.line, d.column) == (1, 1))
        #expect(d.message == "not a scorecard file (bank.risk.application_scorecard); expected a model file written by 'cardsim fit scorecard': a mapping with 'features' and 'intercept', found a list")
    }

    @Test("a model named by two strategies is read and reported once")
    func sharedModel() throws {
        let risk = "application_scorecard: m.yaml"
        let c = try Case(risk: risk, model: Self.goodModel.replacingOccurrences(of: "-0.02", with: "low"))
        let all = c.diagnostics(["strategies.challengers=[{name: b, bank: {product: {annual_fee: 0}, risk: {application_scorecard: m.yaml}}}]"])
        #expect(all.map(\.description) == [
            "\(c.model):4:32: error: wrong type for scorecard file of bank.risk.application_scorecard: features[1].coefficient; expected a number, found the string \"low\"",
        ])
    }

    @Test("a model without intercept is refused at its root")
    func missingIntercept() throws {
        let c = try Case(model: Self.goodModel.replacingOccurrences(of: "intercept: 1.5\n", with: ""))
        let d = try only(c)
        #expect(d.file == c.model)
        #expect((d.line, d.column) == (1, 1))
        #expect(d.message == "missing intercept in scorecard file of bank.risk.application_scorecard; expected the 'intercept' that 'cardsim fit scorecard' writes, found none")
    }

    @Test("a coefficient that is not a number is refused where it is written")
    func nonNumericCoefficient() throws {
        let c = try Case(model: Self.goodModel.replacingOccurrences(of: "-0.02", with: "low"))
        let d = try only(c)
        #expect(d.file == c.model)
        #expect((d.line, d.column) == (4, 32))
        #expect(d.message == "wrong type for scorecard file of bank.risk.application_scorecard: features[1].coefficient; expected a number, found the string \"low\"")
    }

    @Test("approval_rate without an application scorecard is refused")
    func approvalRateWithoutScorecard() throws {
        let c = try Case(risk: "approval_rate: 0.6", model: Self.goodModel)
        let d = try only(c)
        #expect(d.file == c.scenario)
        #expect((d.line, d.column) == (Self.firstRiskLine, 20))
        #expect(d.message == "approval_rate without application_scorecard in bank.risk; expected an application_scorecard to rank applicants by, found none")
    }

    @Test("approval_rate outside (0, 1] is refused", arguments: ["0", "1.5", "-0.2"])
    func approvalRateOutOfRange(_ value: String) throws {
        let c = try Case(risk: "application_scorecard: m.yaml\napproval_rate: \(value)", model: Self.goodModel)
        let d = try only(c)
        #expect(d.file == c.scenario)
        #expect((d.line, d.column) == (Self.firstRiskLine + 1, 20))
        #expect(d.message.hasPrefix("value out of range for bank.risk.approval_rate; expected a number "))
        #expect(d.message.hasSuffix("found \(value)"))
        #expect(try Case(risk: "application_scorecard: m.yaml\napproval_rate: 0.5", model: Self.goodModel).diagnostics() == [])
    }

    @Test("a model file named by an override is read relative to the scenario file, and located at the override")
    func overrideReference() throws {
        let c = try Case(risk: "cutoff: 0", model: Self.goodModel.replacingOccurrences(of: "-0.02", with: "low"))
        #expect(c.diagnostics(["bank.risk.application_scorecard=m.yaml"]).map(\.file) == [c.model])
        let missing = try only(c, ["bank.risk.application_scorecard=none.yaml"])
        #expect(missing.file == "--set bank.risk.application_scorecard=none.yaml")
        #expect(missing.message.contains("(\(c.dir.path("none.yaml").path))"))
        #expect(missing.message.hasSuffix("found no such file"))
    }

    @Test("a stored scenario reads its model files from the stored texts, never the disk")
    func storedTexts() throws {
        let c = try Case(model: Self.goodModel)
        let yaml = try String(contentsOfFile: c.scenario, encoding: .utf8)
        let fromDisk = try ScenarioLoader.loadDocument(path: c.scenario)
        #expect(fromDisk.modelFiles == ["m.yaml": Self.goodModel])
        try FileManager.default.removeItem(atPath: c.model)
        let stored = try ScenarioLoader.loadDocument(yaml: yaml, file: "run/scenario.yaml",
                                                     modelFiles: .stored(fromDisk.modelFiles, file: "run/model-files.json"))
        #expect(stored == fromDisk)
        do {
            _ = try ScenarioLoader.load(yaml: yaml, file: "run/scenario.yaml", modelFiles: .stored([:], file: "run/model-files.json"))
            Issue.record("a reference missing from the stored texts must be refused")
        } catch let errors as ScenarioErrors {
            #expect(errors.diagnostics.map(\.description) == [
                "run/scenario.yaml:\(Self.firstRiskLine):28: error: cannot read the scorecard file of bank.risk.application_scorecard (run/model-files.json[m.yaml]); expected a model file written by 'cardsim fit scorecard', found no copy stored with the run (hint: the run directory keeps the model files the run read; re-run the scenario to store them)",
            ])
        }
        let broken = Self.goodModel.replacingOccurrences(of: "-0.02", with: "low")
        #expect(throws: ScenarioErrors.self) {
            try ScenarioLoader.load(yaml: yaml, file: "run/scenario.yaml", modelFiles: .stored(["m.yaml": broken], file: "run/model-files.json"))
        }
    }
}
