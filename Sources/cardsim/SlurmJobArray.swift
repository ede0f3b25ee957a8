import CardsimOutput
import Foundation

/// The two batch scripts of a sharded run on Slurm: a job array whose task I runs shard I of
/// K, and a merge job that combines the shards once every task has succeeded.
///
/// Pure text: rendering reads no file and starts no program, so the scripts can be checked
/// without Slurm. Every path in them is absolute and every argument is quoted for the shell, so
/// they run the same from any working directory.
///
/// Layout of the work folder `work` (by default `DIR.slurm`, beside the output `DIR`):
///
///     array.sbatch             the job array (#SBATCH --array=1-K)
///     merge.sbatch             the merge job (submitted with --dependency=afterok:ARRAY_ID)
///     scenario.yaml            the scenario as it was at submission; every task reads this copy
///     models/...               the model files it names (relative paths), copied beside it
///     logs/shard-I.JOBID.log   one log per task and attempt (JOBID: the array's job id)
///     logs/merge.JOBID.log     the merge job's log
///     shards/shard-I-of-K/     shard I's output directory ('cardsim run --shard I/K')
struct SlurmJobArray: Equatable {
    /// What the tasks run: shards of one run, merged by `cardsim merge`, or shards of a sweep,
    /// completed by `cardsim sweep --require-complete`.
    /// What the tasks run: shards of one run, merged by `cardsim merge`; shards of a sweep,
    /// completed by `cardsim sweep --require-complete`; or the starts of a calibration
    /// (`cardsim calibrate --start I`), finished by `cardsim calibrate` replaying them.
    enum Mode: Equatable { case run, sweep, calibrate }

    var mode: Mode = .run
    /// Absolute path of the scenario file given; the jobs read its copy, `scenarioPath`.
    var source: String
    /// The model files the scenario names, as read at submission; relative ones are copied
    /// into the work folder under their references (`modelFileCopies`).
    var modelFiles: [ModelFile] = []
    /// Absolute path of the `cardsim` executable the jobs start.
    var cardsim: String
    /// Absolute path of the output directory (`--out`).
    var out: String
    /// Absolute path of the work folder holding scripts, scenario copy, logs and shards.
    var work: String
    /// Number of shards K (array tasks 1...K).
    var shards: Int
    /// Arguments passed to every `cardsim run` / `cardsim sweep` after the scenario and the
    /// output: `--set` overrides and run sizes, in the order given.
    var arguments: [String] = []
    /// `--threads` given by the user; without it each task uses `$SLURM_CPUS_PER_TASK` threads
    /// (1 when unset), so that a task never uses more cores than it was given.
    var threads: Int?
    /// `#SBATCH` options shared by both scripts, e.g. `--partition=long`.
    var common: [String] = []
    /// `#SBATCH` options of the array tasks only, e.g. `--cpus-per-task=4`.
    var taskOnly: [String] = []
    /// The job name stem (`cardsim-NAME`, the merge job `cardsim-NAME-merge`).
    var name: String
    /// The `cardsim slurm` command line that wrote the scripts, recorded in a comment.
    var commandLine: String

    var arrayScriptPath: String { "\(work)/array.sbatch" }
    var mergeScriptPath: String { "\(work)/merge.sbatch" }
    var scenarioPath: String { "\(work)/scenario.yaml" }
    var logsPath: String { "\(work)/logs" }
    var shardsPath: String { "\(work)/shards" }

    /// Output directory of shard `index`: `WORK/shards/shard-I-of-K`.
    func shardPath(_ index: Int) -> String { "\(shardsPath)/shard-\(index)-of-\(shards)" }

    /// The job array. Task I (from `SLURM_ARRAY_TASK_ID`) runs shard I of K, K written in the
    /// script rather than read from `SLURM_ARRAY_TASK_COUNT` (which is 1 when one task is
    /// resubmitted alone with `sbatch --array=I`).
    var arrayScript: String {
        let k = shards
        var lines = header(jobName: "cardsim-\(name)", log: "\(logsPath)/shard-%a.%A.log",
                           options: ["--array=1-\(k)"] + common + taskOnly)
        lines += [
            "shard=\"${SLURM_ARRAY_TASK_ID:?this script is a Slurm job array: submit it with sbatch --array=1-\(k)}\"",
            "if [ \"$shard\" -lt 1 ] || [ \"$shard\" -gt \(k) ]; then",
            "  echo \"cardsim: array task $shard is outside 1-\(k)\" >&2",
            "  exit 2",
            "fi",
        ]
        switch mode {
        case .run:
            lines.append("exec " + command(["run", scenarioPath, "--out"]) + " \"\(shardsPath)/shard-${shard}-of-\(k)\""
                         + " --shard \"${shard}/\(k)\" " + trailingArguments)
        case .sweep:
            lines.append("exec " + command(["sweep", scenarioPath, "--out", out]) + " --shard \"${shard}/\(k)\" " + trailingArguments)
        case .calibrate:
            lines.append("exec " + command(["calibrate", source, "--out", out, "--starts", "\(k)"]) + " --start \"${shard}\" " + trailingArguments)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The merge job, submitted with `--dependency=afterok:ARRAY_ID` so that it starts only
    /// when every task succeeded (and is cancelled if one fails: `--kill-on-invalid-dep=yes`).
    var mergeScript: String {
        var lines = header(jobName: "cardsim-\(name)-merge", log: "\(logsPath)/merge.%j.log",
                           options: common + ["--kill-on-invalid-dep=yes"])
        switch mode {
        case .run:
            lines.append("exec " + command(["merge"] + (1...shards).map(shardPath) + ["--out", out]))
        case .sweep:
            lines.append("exec " + command(["sweep", scenarioPath, "--out", out, "--require-complete"]) + " " + trailingArguments)
        case .calibrate:
            lines.append("exec " + command(["calibrate", source, "--out", out, "--starts", "\(shards)"]) + " " + trailingArguments)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The shebang, the `#SBATCH` lines and the shell's strict mode.
    private func header(jobName: String, log: String, options: [String]) -> [String] {
        ["#!/bin/bash",
         "# Written by: \(commandLine)",
         "#SBATCH --job-name=\(jobName)",
         "#SBATCH --output=\(log)"]
            + options.map { "#SBATCH \($0)" }
            + ["set -euo pipefail"]
    }

    /// `'CARDSIM' 'ARG'...`, every word single-quoted.
    private func command(_ words: [String]) -> String {
        ([cardsim] + words).map(ShellQuote.word).joined(separator: " ")
    }

    /// The user's arguments, then `--threads`.
    private var trailingArguments: String {
        let threadsArgument = threads.map { "--threads \($0)" } ?? "--threads \"${SLURM_CPUS_PER_TASK:-1}\""
        return (arguments.map(ShellQuote.word) + [threadsArgument]).joined(separator: " ")
    }
}

/// Quoting for POSIX shells.
enum ShellQuote {
    /// `text` as one shell word: bare when it holds only characters the shell leaves alone,
    /// else in single quotes (a `'` inside written `'\''`).
    static func word(_ text: String) -> String {
        let plain = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./=:,+@%")
        if !text.isEmpty, text.allSatisfy(plain.contains) { return text }
        return "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
