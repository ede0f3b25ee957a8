import CardsimOutput
import CardsimReport
import Foundation

/// The files `cardsim slurm` writes before submitting, the checks of a resubmission, and what
/// it prints.
enum SlurmPlan {
    /// Creates the work folder with `logs/` and `shards/` (before submission: Slurm tasks whose
    /// `--output` folder is missing fail without a log), the scenario copy and both scripts.
    /// Refuses an output directory the merge could not replace. Exit 3 if a file cannot be
    /// written.
    static func write(_ jobs: SlurmJobArray, scenarioText: String) throws {
        if jobs.mode == .run { try checkReplaceable(jobs.out) }
        try ReportInput.catching {
            let fm = FileManager.default
            for folder in [jobs.logsPath, jobs.shardsPath] {
                do {
                    try fm.createDirectory(atPath: folder, withIntermediateDirectories: true)
                } catch {
                    throw CommandFailure("cannot create \(folder): \(error.localizedDescription)",
                                         help: "Check that the folder is writable, or choose another --out or --work.",
                                         exitCode: ExitCodes.outputFailed)
                }
            }
            try AtomicFile.write(scenarioText, to: URL(fileURLWithPath: jobs.scenarioPath))
            for copy in jobs.modelFileCopies { try AtomicFile.write(copy.text, to: URL(fileURLWithPath: copy.path)) }
            try AtomicFile.write(jobs.arrayScript, to: URL(fileURLWithPath: jobs.arrayScriptPath))
            try AtomicFile.write(jobs.mergeScript, to: URL(fileURLWithPath: jobs.mergeScriptPath))
        }
    }

    /// A resubmission runs the scripts of the first submission: they, the scenario copy and the
    /// model file copies must be what these arguments give, so that the new shard belongs to the
    /// same run.
    static func checkResubmission(_ jobs: SlurmJobArray, scenarioText: String) throws {
        let fm = FileManager.default
        let expected = [(jobs.arrayScriptPath, jobs.arrayScript), (jobs.mergeScriptPath, jobs.mergeScript),
                        (jobs.scenarioPath, scenarioText)] + jobs.modelFileCopies.map { ($0.path, $0.text) }
        for (path, text) in expected {
            guard let data = fm.contents(atPath: path) else {
                throw CommandFailure("\(path) is missing: there is no earlier submission to resubmit a shard of",
                                     help: "Submit the whole run first (the same command without --resubmit).",
                                     exitCode: ExitCodes.invalidInput)
            }
            let stored = String(decoding: data, as: UTF8.self)
            guard stored != text else { continue }
            let found = stored.split(separator: "\n", omittingEmptySubsequences: false)
            let wanted = text.split(separator: "\n", omittingEmptySubsequences: false)
            let line = zip(found, wanted).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(found.count, wanted.count)
            let what = path == jobs.scenarioPath ? "the scenario file \(jobs.source) changed since the first submission"
                : jobs.modelFileCopies.contains(where: { $0.path == path }) ? "a model file of \(jobs.source) changed since the first submission"
                : "the arguments differ from the first submission's"
            throw CommandFailure("\(what): \(path) line \(line + 1) is '\(line < found.count ? found[line] : "<end>")', "
                                 + "these arguments give '\(line < wanted.count ? wanted[line] : "<end>")'",
                                 help: "Resubmit with the arguments of the first submission (line 2 of \(jobs.arrayScriptPath)), "
                                     + "or submit the whole run again without --resubmit.",
                                 exitCode: ExitCodes.invalidInput)
        }
    }

    /// What `--dry-run` prints: both scripts and the commands that would submit them.
    static func dryRun(_ jobs: SlurmJobArray, resubmit: Int?) -> String {
        let arrayOptions = resubmit.map { "--array=\($0) " } ?? ""
        var steps: [String] = []
        if resubmit == nil {
            steps = ["mkdir -p \(ShellQuote.word(jobs.logsPath)) \(ShellQuote.word(jobs.shardsPath))",
                     "write \(jobs.scenarioPath) (a copy of the scenario)"
                         + jobs.modelFileCopies.map { ", \($0.path)" }.joined()
                         + ", \(jobs.arrayScriptPath), \(jobs.mergeScriptPath)"]
        }
        steps += ["sbatch --parsable \(arrayOptions)\(jobs.arrayScriptPath)   # prints ARRAY_ID",
                  "sbatch --parsable --dependency=afterok:ARRAY_ID \(jobs.mergeScriptPath)"]
        return """
            ==> \(jobs.arrayScriptPath) <==
            \(jobs.arrayScript)
            ==> \(jobs.mergeScriptPath) <==
            \(jobs.mergeScript)
            Dry run: nothing was written or submitted. Without --dry-run, cardsim slurm would:
            \(steps.map { "  " + $0 }.joined(separator: "\n"))
            """
    }

    /// What a submission prints: job ids, where the logs are, how to watch and resubmit.
    static func submitted(_ jobs: SlurmJobArray, array: String, merge: String, tasks: String) -> String {
        let last = jobs.mode == .run ? "merge" : jobs.mode == .sweep ? "sweep completion" : "calibration completion"
        return """
            Submitted job array \(array) (\(tasks)) and \(last) job \(merge) (runs when every task has succeeded).
            Watch:    squeue -j \(array),\(merge)
            Logs:     \(jobs.logsPath)/shard-I.\(array).log, \(jobs.logsPath)/merge.\(merge).log
            Output:   \(jobs.out)
            If task I fails: \(jobs.commandLine) --resubmit I
            """
    }

    /// The merge writes `out` with `cardsim merge`, which replaces only a missing path, an
    /// empty directory or an earlier cardsim output: refuse anything else now rather than
    /// after the whole array has run.
    static func checkReplaceable(_ out: String) throws {
        switch AtomicDirectory.replaceability(of: URL(fileURLWithPath: out)) {
        case .replaceable: return
        case .fileInTheWay, .notAnOutput:
            throw CommandFailure("\(out) exists and is not a cardsim output directory; the merge would not replace it",
                                 help: "Choose another --out, or remove it first.", exitCode: ExitCodes.invalidInput)
        case .foreign(let names):
            throw CommandFailure("\(out) holds files cardsim did not write (\(names.joined(separator: ", "))); the merge would not replace it",
                                 help: "Move those files out of the directory, or choose another --out.", exitCode: ExitCodes.outputFailed)
        }
    }
}
