import CardsimCalibrate
import CardsimOutput
import CardsimReport
import CardsimScenario
import Foundation

/// Writes a calibration's directory at once (`AtomicDirectory`): calibration.json,
/// calibrated.yaml with the model files it names, trace.csv and the two charts.
struct CalibrationPublication {
    var setup: CalibrationSetup
    var outcome: CalibrationOutcome

    func write(to out: URL, charts: Bool) throws {
        let spec = setup.spec
        let fitted = zip(spec.parameters, outcome.best.valueTexts).map { "\($0.path)=\($1)" }
        let header = ["Calibrated by cardsim calibrate \(spec.file): the scenario \(spec.scenario) with the fitted values in place",
                      "(distance \(CalibrationText.number(outcome.distance)) over \(spec.targets.count) targets; calibration.json has the standard errors):"]
            + fitted.map { "  \($0)" }
        let yaml = try CommandFailure.catching {
            try ScenarioLoader.resolvedText(yaml: setup.problem.scenarioYAML, file: spec.scenarioPath,
                                            overrides: setup.problem.userOverrides + fitted, header: header)
        }
        let modelFiles = try CommandFailure.catching {
            try ScenarioLoader.loadDocument(yaml: setup.problem.scenarioYAML, file: spec.scenarioPath, overrides: setup.problem.userOverrides).modelFiles
        }
        var pictures: [String: Data] = [:]
        if charts {
            let gnuplot = try ReportInput.gnuplot()
            let convergence = CalibrationCharts.convergence(outcome.rows.map {
                CalibrationCharts.Evaluation(number: $0.number, start: $0.start, distance: $0.distance)
            })
            let errors = outcome.modelStandardErrors
            let targets = CalibrationCharts.targets(spec.targets.enumerated().map { i, t in
                CalibrationCharts.TargetFit(label: "\(t.kpi) (\(t.window.text))", gap: (outcome.model[i] - t.value) / t.tolerance,
                                            gapError: errors[i] / t.tolerance)
            })
            for chart in [convergence, targets] {
                pictures[chart.name + ".png"] = try ReportInput.catching { try gnuplot.render(chart.script(.png), name: chart.name) }
            }
        }
        let json = CalibrationJSON.text(outcome, identity: setup.identity, targetsFile: spec.file)
        let trace = TraceFile.text(outcome.rows, spec: spec)
        AtomicDirectory.nextWriteIsFinal()
        try CommandFailure.catching {
            try AtomicDirectory.write(to: out.standardizedFileURL) { dir in
                func put(_ name: String, _ data: Data) throws {
                    let url = dir.appendingPathComponent(name)
                    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                    guard FileManager.default.createFile(atPath: url.path, contents: data) else {
                        throw OutputError(.write, "cannot write \(url.path)", help: "Check the folder's permissions and free space.")
                    }
                }
                try put(CalibrationJSON.fileName, Data(json.utf8))
                try put("calibrated.yaml", Data(yaml.utf8))
                try put(TraceFile.fileName, Data(trace.utf8))
                // Model files beside calibrated.yaml at the paths it names them by (those the
                // loader accepted: relative, inside the scenario's folder).
                for (reference, text) in modelFiles.sorted(by: { $0.key < $1.key })
                where !reference.hasPrefix("/") && !reference.split(separator: "/").contains("..") {
                    try put(reference, Data(text.utf8))
                }
                for (name, data) in pictures.sorted(by: { $0.key < $1.key }) { try put(name, data) }
            }
        }
    }
}
