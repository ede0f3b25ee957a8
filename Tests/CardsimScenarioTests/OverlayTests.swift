import CardsimEngine
@testable import CardsimScenario
import CardsimTestSupport
import Foundation
import Testing

/// Scenario overlays (`extends:`): how a child merges over its parent, chains, broken chains,
/// where diagnostics point, overrides on the merged scenario, and the resolved text.
@Suite struct OverlayTests {
    /// A folder of scenario files written for one test.
    final class Files {
        let directory: TemporaryDirectory
        init(_ files: [String: String]) throws {
            directory = try TemporaryDirectory(prefix: "cardsim-overlay")
            for (name, text) in files {
                let url = directory.path(name)
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(text.utf8).write(to: url)
            }
        }

        func path(_ name: String) -> String { directory.path(name).path }

        func load(_ name: String, overrides: [String] = []) throws -> ScenarioDocument {
            try ScenarioLoader.loadDocument(path: path(name), overrides: overrides)
        }

        /// The diagnostics of loading `name`, with the folder's path cut to `DIR`.
        func problems(_ name: String, overrides: [String] = []) -> [String] {
            diagnosticLines { try ScenarioLoader.load(path: path(name), overrides: overrides) }
                .map { $0.replacingOccurrences(of: directory.url.path, with: "DIR") }
        }
    }

    static let parent = """
        # The parent.
        name: parent
        market:
          adults: 3000000
          credit: {risk_slope: 1.2, recovery_rate: 0.2}
        bank:
          product: {apr: 0.2, annual_fee: 150}
          channels:
            - {name: branch, intensity: 0.8, cost_per_application: 70}
            - {name: online, intensity: 1.0, cost_per_application: 55}
        kpi_targets:
          active_rate: {at_least: 0.7}

        """

    @Test func mappingsMergeKeyByKeyAndListsAndScalarsReplace() throws {
        let files = try Files(["parent.yaml": Self.parent, "child.yaml": """
            extends: parent.yaml
            name: child
            market:
              credit: {risk_slope: 1.5}
            bank:
              product: {annual_fee: 0}
              channels: [{name: payroll, intensity: 0.5, cost_per_application: 35}]
            macro: {unemployment_mean: 6}

            """])
        let document = try files.load("child.yaml")
        let champion = document.scenario.strategies[0]
        #expect(document.scenario.name == "child")
        #expect(document.scenario.market.adults == 3_000_000)
        #expect(document.scenario.market.credit.riskSlope == 1.5)
        #expect(document.scenario.market.credit.recoveryRate == 0.2)
        #expect(champion.product.apr == 0.2)
        #expect(champion.product.annualFee == 0)
        #expect(champion.channels.map(\.name) == ["payroll"])
        #expect(document.scenario.macro.unemploymentMean == 6)
        #expect(document.targets == [KPITarget(kpi: "active_rate", relation: .atLeast, threshold: 0.7)])
        // The parent's keys in its order, each with the child's value, then the child's new keys.
        #expect(document.resolvedYAML == """
            # child.yaml extends parent.yaml: merged into one scenario (docs/scenario-format.md, "Overlays").

            name: child

            market:
              adults: 3000000
              credit: {risk_slope: 1.5, recovery_rate: 0.2}

            bank:
              product: {apr: 0.2, annual_fee: 0}
              channels:
                - {name: payroll, intensity: 0.5, cost_per_application: 35}

            kpi_targets:
              active_rate: {at_least: 0.7}

            macro: {unemployment_mean: 6}

            """)
    }

    @Test func aMappingTaggedReplaceDropsTheParentsKeys() throws {
        let files = try Files(["parent.yaml": Self.parent, "child.yaml": """
            extends: parent.yaml
            bank:
              product: !replace {annual_fee: 90}
            kpi_targets: !replace
              npv: {above: 0}

            """])
        let document = try files.load("child.yaml")
        #expect(document.scenario.name == "parent")
        #expect(document.scenario.strategies[0].product.annualFee == 90)
        #expect(document.scenario.strategies[0].product.apr == Product().apr)
        #expect(document.targets == [KPITarget(kpi: "npv", relation: .above, threshold: 0)])
    }

    @Test func chainsMergeFromTheRootDown() throws {
        let files = try Files([
            "root.yaml": Self.parent,
            "family/middle.yaml": "extends: ../root.yaml\nname: middle\nbank: {product: {annual_fee: 100}}\n",
            "top.yaml": "# Top.\nextends: family/middle.yaml\nbank: {product: {apr: 0.15}}\n",
        ])
        let document = try files.load("top.yaml")
        #expect(document.scenario.name == "middle")
        #expect(document.scenario.strategies[0].product.apr == 0.15)
        #expect(document.scenario.strategies[0].product.annualFee == 100)
        #expect(document.scenario.market.credit.riskSlope == 1.2)
        #expect(document.resolvedYAML.hasPrefix("# Top.\n#\n# top.yaml extends family/middle.yaml extends root.yaml: merged"))
    }

    @Test func aCycleIsReportedAtTheExtendsThatClosesIt() throws {
        let files = try Files(["a.yaml": "extends: b.yaml\nname: a\n", "b.yaml": "name: b\nextends: ./a.yaml\n"])
        #expect(files.problems("a.yaml") == [
            "DIR/b.yaml:2:10: error: extends cycle; expected a chain of scenarios that ends in one without extends, found a.yaml -> b.yaml -> a.yaml (hint: remove the extends of one of these files)",
        ])
        let selfish = try Files(["s.yaml": "extends: s.yaml\n"])
        #expect(selfish.problems("s.yaml") == [
            "DIR/s.yaml:1:10: error: extends cycle; expected a chain of scenarios that ends in one without extends, found s.yaml -> s.yaml (hint: remove the extends of one of these files)",
        ])
    }

    @Test func aMissingParentIsReportedAtTheExtends() throws {
        let files = try Files(["child.yaml": "name: c\nextends: base.yaml\n", "folder/x.yaml": ""])
        #expect(files.problems("child.yaml") == [
            "DIR/child.yaml:2:10: error: cannot read the scenario that extends names (DIR/base.yaml); expected a readable YAML scenario, found no such file (hint: the path is relative to the folder of DIR/child.yaml)",
        ])
        let folder = try Files(["child.yaml": "extends: folder\n", "folder/x.yaml": "name: x\n"])
        #expect(folder.problems("child.yaml") == [
            "DIR/child.yaml:1:10: error: cannot read the scenario that extends names (DIR/folder); expected a readable YAML scenario, found a directory (hint: the path is relative to the folder of DIR/child.yaml)",
        ])
    }

    @Test func aParentThatIsNotYAMLIsReportedInTheParent() throws {
        let files = try Files(["child.yaml": "extends: base.yaml\n", "base.yaml": "name: x\nrun: [\n", "empty.yaml": "# nothing\n",
                               "other.yaml": "extends: empty.yaml\n"])
        #expect(files.problems("child.yaml").first?.hasPrefix("DIR/base.yaml:3:1: error: invalid YAML") == true)
        #expect(files.problems("other.yaml") == [
            "DIR/empty.yaml: error: empty scenario; expected a YAML mapping with at least 'name' and 'market', found no content",
        ])
        let list = try Files(["child.yaml": "extends: base.yaml\nname: c\n", "base.yaml": "- name: x\n"])
        #expect(list.problems("child.yaml") == [
            "DIR/base.yaml:1:1: error: wrong type for the scenario that DIR/child.yaml extends; expected a mapping of scenario keys, found a list",
        ])
    }

    @Test func extendsMustBeAPathString() throws {
        let expected = "error: wrong type for extends; expected the path of the scenario this file is merged over (a string such as baseline.yaml), found"
        for (value, found) in [("3", "the number 3"), ("[base.yaml]", "a list"), ("null", "nothing"), ("\"\"", "the string \"\""),
                               ("true", "the boolean true"), ("{file: base.yaml}", "a mapping")] {
            let files = try Files(["child.yaml": "name: c\nextends: \(value)\n"])
            #expect(files.problems("child.yaml") == ["DIR/child.yaml:2:10: \(expected) \(found)"], "\(value)")
        }
    }

    @Test func absolutePathsAndPathsOutOfTheFoldersTreeAreRefused() throws {
        let files = try Files(["top/child.yaml": "extends: /etc/base.yaml\n", "top/climb.yaml": "extends: ../base.yaml\n",
                               "top/deep/middle.yaml": "extends: ../../base.yaml\n", "top/via.yaml": "extends: deep/middle.yaml\n",
                               "base.yaml": Self.parent])
        #expect(files.problems("top/child.yaml") == [
            "DIR/top/child.yaml:1:10: error: invalid path for extends; expected a path relative to the folder of DIR/top/child.yaml, found the absolute path '/etc/base.yaml' (hint: write the parent's path from this file's folder, e.g. extends: baseline.yaml)",
        ])
        #expect(files.problems("top/climb.yaml") == [
            "DIR/top/climb.yaml:1:10: error: invalid path for extends; expected a file in the folder of DIR/top/climb.yaml (DIR/top) or below it, found '../base.yaml', which leads to DIR/base.yaml (hint: keep a scenario and the scenarios it extends in one folder tree)",
        ])
        // The rule holds for every file of the chain: the top file's folder bounds them all.
        #expect(files.problems("top/via.yaml") == [
            "DIR/top/deep/middle.yaml:1:10: error: invalid path for extends; expected a file in the folder of DIR/top/via.yaml (DIR/top) or below it, found '../../base.yaml', which leads to DIR/base.yaml (hint: keep a scenario and the scenarios it extends in one folder tree)",
        ])
        // Loaded on its own, the middle file's folder is DIR/top/deep, and the parent is out of it too.
        #expect(files.problems("top/deep/middle.yaml").count == 1)
    }

    @Test func anInheritedValueIsReportedInTheParentAndAnOverriddenOneInTheChild() throws {
        let files = try Files([
            "parent.yaml": "name: p\nmarket: {adults: 3000000}\nbank:\n  product: {apr: 18.25, annual_fee: -1}\n",
            "child.yaml": "extends: parent.yaml\nbank:\n  product:\n    annual_fee: -5\n",
        ])
        #expect(files.problems("child.yaml") == [
            "DIR/child.yaml:4:17: error: value out of range for bank.product.annual_fee; expected a number at least 0 (yuan), found -5",
            "DIR/parent.yaml:4:18: error: value out of range for bank.product.apr; expected a number from 0 to 1 (fraction per year), found 18.25 (hint: a percentage? write 0.1825)",
        ])
    }

    @Test func anUnknownKeyInTheParentIsReportedInTheParent() throws {
        let files = try Files(["parent.yaml": "name: p\nmarket: {adults: 3000000}\nbank: {prodct: {apr: 0.1}}\n",
                               "child.yaml": "extends: parent.yaml\nmarket: {adults: 2000000}\n"])
        #expect(files.problems("child.yaml") == [
            "DIR/parent.yaml:3:8: error: unknown key in bank; expected a known key, found 'prodct' (hint: did you mean 'product'?)",
        ])
    }

    @Test func aDuplicateNameAcrossTheFilesNamesTheFirstFile() throws {
        let files = try Files([
            "parent.yaml": "name: p\nmarket: {adults: 3000000}\nstrategies:\n  champion: {name: plan}\n",
            "child.yaml": "extends: parent.yaml\nstrategies:\n  challengers:\n    - {name: plan, bank: {product: {annual_fee: 0}}}\n",
        ])
        #expect(files.problems("child.yaml") == [
            "DIR/child.yaml:4:14: error: duplicate strategy name 'plan'; expected each strategy to have its own name, found 'plan' again (hint: first used at DIR/parent.yaml line 4, column 20)",
        ])
    }

    @Test func overridesApplyToTheMergedScenario() throws {
        let files = try Files(["parent.yaml": Self.parent, "child.yaml": "extends: parent.yaml\nbank: {product: {annual_fee: 0}}\n"])
        let document = try files.load("child.yaml", overrides: ["bank.channels.online.intensity=2", "bank.product.annual_fee=50",
                                                                "market.credit.recovery_rate=0.3"])
        let champion = document.scenario.strategies[0]
        #expect(champion.channels.map(\.intensity) == [0.8, 2])
        #expect(champion.product.annualFee == 50)
        #expect(champion.product.apr == 0.2)
        #expect(document.scenario.market.credit.recoveryRate == 0.3)
        // The resolved text is the file's; the overrides are kept beside it.
        #expect(!document.resolvedYAML.contains("annual_fee: 50"))
        #expect(files.problems("child.yaml", overrides: ["extends=other.yaml"]) == [
            "--set extends=other.yaml: error: cannot set extends with --set; expected it in the scenario file, found an override (hint: overrides apply to the merged scenario; write extends: at the top of the file)",
        ])
    }

    @Test func aModelFileNamedByAParentIsFoundFromTheParentsFolder() throws {
        let card = "features:\n  - {name: log_income, coefficient: -0.3}\nintercept: 1\n"
        let files = try Files([
            "family/base.yaml": Self.parent,
            "family/models/card.yaml": card,
            "family/risky.yaml": "extends: base.yaml\nbank: {risk: {application_scorecard: models/card.yaml}}\n",
            "top.yaml": "extends: family/risky.yaml\nname: top\n",
        ])
        let document = try files.load("top.yaml")
        #expect(document.modelFiles == ["family/models/card.yaml": card])
        #expect(document.scenario.strategies[0].risk.scorecards.application?.source == "family/models/card.yaml")
        #expect(document.resolvedYAML.contains("application_scorecard: family/models/card.yaml"))
        // The resolved text, stored beside the top file, names the same model file.
        try Data(document.resolvedYAML.utf8).write(to: files.directory.path("resolved.yaml"))
        #expect(try files.load("resolved.yaml").scenario == document.scenario)
    }

    @Test func aScenarioInFullAndAsAnOverlayHaveOneIdentity() throws {
        let full = """
            # The question, in full.
            name: child
            market:
              adults: 3000000   # a comment that does not count
              credit: {risk_slope: 1.5, recovery_rate: 0.2}
            bank:
              product: {apr: 0.2, annual_fee: 0}
              channels:
                - {name: branch, intensity: 0.8, cost_per_application: 70}
                - {name: online, intensity: 1.0, cost_per_application: 55}
            kpi_targets:
              active_rate: {at_least: 0.7}

            """
        let files = try Files(["parent.yaml": Self.parent, "full.yaml": full, "changed.yaml": full.replacingOccurrences(of: "0.2}", with: "0.25}"),
                               "child.yaml": "# The question.\nextends: parent.yaml\nname: child\nmarket: {credit: {risk_slope: 1.5}}\nbank: {product: {annual_fee: 0}}\n"])
        func identity(_ name: String) throws -> String {
            let document = try files.load(name)
            return ScenarioLoader.scenarioIdentity(yaml: document.resolvedYAML, overrides: ["run.paths=2"], modelFiles: document.modelFiles)
        }
        #expect(try identity("full.yaml") == identity("child.yaml"))
        #expect(try identity("changed.yaml") != identity("child.yaml"))
        #expect(try files.load("full.yaml").scenario == files.load("child.yaml").scenario)
    }

    @Test func theCanonicalTextReadsBackAsItself() throws {
        let tricky = """
            name: "a: b, c"
            list: ["yes", "123", "", "-x", "- y", "#z", "a #b", "[q]", "line\\nbreak", "tab\\there", "quote \\" and \\\\", é, -0.2, .inf, 0x1F, 1_000, ~, null]
            nested:
              - [1, 2]
              - - {a: 1}
                - b
              - {}
              - []
            "on": off
            long: {first_key: 1, second_key: 2, third_key: 3, fourth_key: 4, fifth_key: 5, sixth_key: 6}
            """
        let texts = try ShippedScenarioTests.files().map(ShippedScenarioTests.text) + [tricky]
        for text in texts {
            let canonical = ScenarioLoader.canonicalText(text)
            #expect(ScenarioLoader.canonicalText(canonical) == canonical)
        }
        let canonical = ScenarioLoader.canonicalText(tricky)
        #expect(canonical.contains("name: \"a: b, c\"\n"))
        #expect(canonical.contains("\"on\": off\n"))
        #expect(canonical.contains("[\"yes\", \"123\", \"\", \"-x\", \"- y\", \"#z\", \"a #b\", \"[q]\", \"line\\nbreak\", \"tab\\there\", quote \" and \\, é, -0.2, .inf, 0x1F, 1_000, null, null]"))
        #expect(canonical.contains("long:\n  first_key: 1\n"))
    }

    @Test func pathsAreNormalizedAsWritten() {
        #expect(OverlayPath.normalized("a/./b/../c.yaml") == "a/c.yaml")
        #expect(OverlayPath.normalized("../a/../../b.yaml") == "../../b.yaml")
        #expect(OverlayPath.normalized("/x/../../y.yaml") == "/y.yaml")
        #expect(OverlayPath.folder(of: "s.yaml") == "")
        #expect(OverlayPath.isInside("a/b.yaml", folder: "a"))
        #expect(!OverlayPath.isInside("ab/b.yaml", folder: "a"))
        #expect(!OverlayPath.isInside("../b.yaml", folder: ""))
        #expect(OverlayPath.isInside("../a/b.yaml", folder: "../a"))
    }
}
