import CardsimScenario
import Foundation
import Testing
import CardsimTestSupport

/// docs/parameters.md is exactly the guide generated from the field tables.
///
/// To regenerate it: `CARDSIM_RECORD_GOLDEN=1 swift test --filter CardsimScenarioTests.ParameterGuideTests`.
/// Recording rewrites the file and then fails, so that a run with recording on never passes.
@Suite struct ParameterGuideTests {
    @Test func guideMatchesTheTables() throws {
        let path = RepositoryRoot.path(ParameterGuide.repositoryPath)
        let generated = ParameterGuide.markdown()
        if GoldenFiles.isRecording {
            try generated.write(toFile: path, atomically: true, encoding: .utf8)
            Issue.record("rewrote \(ParameterGuide.repositoryPath); run the tests again without CARDSIM_RECORD_GOLDEN")
            return
        }
        let onDisk = try String(contentsOfFile: path, encoding: .utf8)
        guard onDisk != generated else { return }
        let disk = onDisk.split(separator: "\n", omittingEmptySubsequences: false)
        let fresh = generated.split(separator: "\n", omittingEmptySubsequences: false)
        let line = zip(disk, fresh).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(disk.count, fresh.count)
        Issue.record("""
            \(ParameterGuide.repositoryPath) is out of date from line \(line + 1); regenerate it with \
            CARDSIM_RECORD_GOLDEN=1 swift test --filter CardsimScenarioTests.ParameterGuideTests
            """)
    }

    @Test func guideNamesEveryKeyAndSegment() {
        let guide = ParameterGuide.markdown()
        for key in ["`apr`", "`base_roll`", "`category_mix`", "`interchange_rates`", "`challengers`", "`seed`"] {
            #expect(guide.contains(key), "\(key)")
        }
        for segment in DefaultMarket.segments { #expect(guide.contains("`\(segment.name)`")) }
    }
}
