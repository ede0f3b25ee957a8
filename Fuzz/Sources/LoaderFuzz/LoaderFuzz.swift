import CardsimScenario
import Foundation

/// One fuzz input: its bytes as a scenario file and as a calibration targets file. Any outcome
/// but a crash, a hang or a sanitizer report is fine: a bad input must give `ScenarioErrors`.
/// The file names point into a folder that does not exist, so `extends:` and model-file
/// references find nothing on disk, and model files come from an empty store.
@_cdecl("LLVMFuzzerTestOneInput")
public func loaderFuzz(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let data = Data(bytes: bytes, count: count)
    do {
        _ = try ScenarioLoader.loadDocument(data: data, file: "/nonexistent-cardsim-fuzz/scenario.yaml",
                                            modelFiles: .stored([:], file: "fuzz"))
    } catch is ScenarioErrors {
    } catch {
        fatalError("the scenario loader threw something other than ScenarioErrors: \(error)")
    }
    do {
        _ = try CalibrationSpec.load(data: data, file: "/nonexistent-cardsim-fuzz/targets.yaml")
    } catch is ScenarioErrors {
    } catch {
        fatalError("the targets loader threw something other than ScenarioErrors: \(error)")
    }
    return 0
}
