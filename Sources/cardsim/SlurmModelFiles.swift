import CardsimOutput
import Foundation

/// The model files of a Slurm run: copied beside the scenario copy (`WORK/REFERENCE` for each
/// relative reference), so that the tasks, which read `WORK/scenario.yaml`, find the model files
/// as they were at submission.
extension SlurmJobArray {
    /// The copies to write: the path in the work folder and the text, for every relative
    /// reference (an absolute one is read where it is).
    var modelFileCopies: [(path: String, text: String)] {
        modelFiles.filter { !$0.reference.hasPrefix("/") }.map { ("\(work)/\($0.reference)", $0.text) }
    }

    /// Refuses relative references that climb out of the scenario's folder (`..`): their copies
    /// would land outside the work folder.
    static func checkModelFiles(_ files: [ModelFile], scenario: String) throws {
        for file in files where !file.reference.hasPrefix("/") && file.reference.split(separator: "/").contains("..") {
            throw CommandFailure("the model file '\(file.reference)' named by \(scenario) leads out of the scenario's folder, so its copy would not be beside the scenario copy the tasks read",
                                 help: "Keep model files in or below the scenario's folder, or name them by absolute paths.",
                                 exitCode: ExitCodes.invalidInput)
        }
    }
}
