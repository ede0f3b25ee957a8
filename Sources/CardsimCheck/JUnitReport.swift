import CardsimOutput
/// JUnit XML of a `cardsim check`, for CI systems: one `testsuite` per scenario, one
/// `testcase` per strategy and KPI (named `strategy: kpi`), plus in exact mode one per compared
/// file; a failing KPI or file has a `failure` element, a scenario that could not be checked
/// (no baseline, a damaged one, an invalid scenario) an `error` element.
public enum JUnitReport {
    /// One scenario of the report.
    public enum Entry: Sendable {
        case checked(ScenarioCheck)
        /// The scenario could not be checked: `message` says why, `help` what to do.
        case error(scenario: String, message: String, help: String)
    }

    public static func xml(_ entries: [Entry]) -> String {
        var suites: [String] = []
        var totals = (tests: 0, failures: 0, errors: 0)
        for entry in entries {
            switch entry {
            case .checked(let check):
                var cases: [String] = []
                var failures = 0
                for c in check.comparisons {
                    let name = "\(c.strategy): \(c.kpi)"
                    if check.fails(c) {
                        failures += 1
                        cases.append(testcase(check, name, failure: failureMessage(c, check: check), detail: detail(c)))
                    } else {
                        cases.append(testcase(check, name))
                    }
                }
                if check.mode == .exact {
                    for file in ["summary.json", "monthly.csv"] {
                        if let d = check.fileDifferences.first(where: { $0.file == file }) {
                            failures += 1
                            cases.append(testcase(check, "\(file) bytes", failure: fileMessage(d), detail: fileDetail(d)))
                        } else {
                            cases.append(testcase(check, "\(file) bytes"))
                        }
                    }
                }
                totals.tests += cases.count; totals.failures += failures
                var properties = [("mode", check.mode.rawValue), ("baseline", check.baselineFile),
                                  ("tolerance", CheckReport.policyText(check.policy))]
                if !check.identityDifferences.isEmpty {
                    properties.append(("identity_differences", check.identityDifferences.joined(separator: "; ")))
                }
                let props = "    <properties>\n" + properties.map {
                    "      <property name=\"\(escape($0.0))\" value=\"\(escape($0.1))\"/>\n"
                }.joined() + "    </properties>\n"
                suites.append("  <testsuite name=\"\(escape(check.scenario))\" tests=\"\(cases.count)\" failures=\"\(failures)\" errors=\"0\">\n"
                              + props + cases.joined() + "  </testsuite>\n")
            case .error(let scenario, let message, let help):
                totals.tests += 1; totals.errors += 1
                suites.append("  <testsuite name=\"\(escape(scenario))\" tests=\"1\" failures=\"0\" errors=\"1\">\n"
                              + "    <testcase classname=\"\(escape(classname(scenario)))\" name=\"baseline\">\n"
                              + "      <error type=\"input\" message=\"\(escape(message))\">\(escape(help))</error>\n"
                              + "    </testcase>\n  </testsuite>\n")
            }
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<testsuites name=\"cardsim check\" tests=\"\(totals.tests)\" failures=\"\(totals.failures)\" errors=\"\(totals.errors)\">\n"
            + suites.joined() + "</testsuites>\n"
    }

    /// `baseline` for `scenarios/baseline.yaml`: CI systems group test cases by class name.
    private static func classname(_ scenario: String) -> String { BaselineStore.stem(ofScenario: scenario) }

    private static func testcase(_ check: ScenarioCheck, _ name: String, failure: String? = nil, detail: String = "") -> String {
        let open = "    <testcase classname=\"\(escape(classname(check.scenario)))\" name=\"\(escape(name))\""
        guard let failure else { return open + "/>\n" }
        return open + ">\n      <failure type=\"regression\" message=\"\(escape(failure))\">\(escape(detail))</failure>\n    </testcase>\n"
    }

    private static func failureMessage(_ c: KPIComparison, check: ScenarioCheck) -> String {
        guard let b = c.baseline else { return "\(c.kpi) of '\(c.strategy)' is not in the baseline" }
        guard let n = c.current, let d = c.difference, let t = c.tolerance else {
            return "\(c.kpi) of '\(c.strategy)' is missing from the run"
        }
        let move = "\(c.kpi) of '\(c.strategy)' moved by \(CheckReport.number(d, signed: true)) "
            + "(baseline \(CheckReport.number(b.mean)), now \(CheckReport.number(n.mean)))"
        if check.mode == .exact { return move + " in an exact check" }
        return move + ", beyond the tolerance \(CheckReport.number(t.value)) (\(t.ruleText))"
    }

    private static func detail(_ c: KPIComparison) -> String {
        var lines: [String] = []
        if let b = c.baseline { lines.append("baseline: mean \(b.mean), standard error \(b.standardError)") }
        if let n = c.current { lines.append("now: mean \(n.mean), standard error \(n.standardError)") }
        if let d = c.difference { lines.append("difference: \(d)") }
        if let t = c.tolerance { lines.append("tolerance: \(t.value) (\(t.ruleText))") }
        return lines.joined(separator: "\n")
    }

    private static func fileMessage(_ d: FileDifference) -> String {
        if let line = d.line { return "\(d.file) differs from line \(line)" + (d.location.map { " (\($0))" } ?? "") }
        return "\(d.file) differs from the baseline's"
    }

    private static func fileDetail(_ d: FileDifference) -> String {
        if d.line != nil { return "baseline: \(d.baseline ?? "")\nnow: \(d.current ?? "")" }
        if let f = d.fingerprints { return "fingerprint in the baseline \(f.baseline), now \(f.current)" }
        return ""
    }

    /// Text for an XML attribute or element (`XMLText.escape`).
    static func escape(_ text: String) -> String { XMLText.escape(text) }
}
