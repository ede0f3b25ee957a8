import CardsimTestSupport
import Foundation
import Testing

/// `cardsim slurm` on the built binary, with a stand-in `sbatch` on PATH: the scripts' text,
/// the submission sequence, the scripts run as Slurm would run them, and bad input.
/// (scripts/slurm-cluster-test.sh runs the same on a real one-node Slurm cluster.)
@Suite("cardsim slurm")
struct SlurmCommandTests {
    static let small = ["--agents", "2000", "--paths", "6", "--months", "12"]

    /// A folder with an `sbatch` that records its arguments (one call per line in
    /// `sbatch.calls`) and prints job ids 41, 42, … When `executing`, it also runs the script
    /// as Slurm would, at once: every array task in turn with `SLURM_ARRAY_TASK_ID` set (the
    /// indices of `--array=` on its command line, else of the script's `#SBATCH --array=`).
    struct FakeSbatch {
        let dir: TemporaryDirectory
        var bin: URL { dir.path("bin") }
        var calls: [String] {
            ((try? String(contentsOf: dir.path("sbatch.calls"), encoding: .utf8)) ?? "")
                .split(separator: "\n").map(String.init)
        }
        var environment: [String: String] {
            ["PATH": bin.path + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")]
        }

        init(executing: Bool = false, failing: String? = nil) throws {
            dir = try TemporaryDirectory(prefix: "cardsim-slurm")
            try FileManager.default.createDirectory(at: dir.path("bin"), withIntermediateDirectories: true)
            let calls = dir.path("sbatch.calls").path
            let body: String
            if let failing {
                body = "echo \(failing) >&2\nexit 1\n"
            } else {
                body = """
                    echo "$*" >> \(calls)
                    id=$((40 + $(wc -l < \(calls))))
                    script="${@: -1}"
                    array=""
                    for a in "$@"; do case "$a" in --array=*) array="${a#--array=}";; esac; done
                    [ -n "$array" ] || array=$(sed -n 's/^#SBATCH --array=//p' "$script")
                    if [ \(executing ? 1 : 0) = 1 ]; then
                      if [ -n "$array" ]; then
                        for i in $(seq "${array%-*}" "${array#*-}"); do SLURM_ARRAY_TASK_ID=$i bash "$script" >/dev/null 2>&1 || true; done
                      else
                        bash "$script" >/dev/null 2>&1 || true
                      fi
                    fi
                    echo "$id"
                    """
            }
            let program = dir.path("bin/sbatch")
            try Data(("#!/bin/bash\n" + body).utf8).write(to: program)
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: program.path)
        }

        /// `cardsim slurm` with this sbatch first on PATH.
        func slurm(_ arguments: [String]) throws -> CardsimBinary.Outcome {
            try CardsimBinary.run(["slurm"] + arguments, environment: environment)
        }
    }

    /// `baseline.yaml --shards K --out OUT` with the small sizes and `extra`.
    func arguments(_ out: URL, shards: Int = 3, _ extra: [String] = []) -> [String] {
        [RunCommandTests.baseline, "--shards", "\(shards)", "--out", out.path] + Self.small + extra
    }

    @Test("--dry-run prints the job array and the merge job, and writes and submits nothing")
    func dryRun() throws {
        let sbatch = try FakeSbatch()
        let dir = try TemporaryDirectory()
        let out = dir.path("out").path, work = dir.path("out.slurm").path
        let outcome = try sbatch.slurm(arguments(dir.path("out"), ["--partition", "long", "--time", "1:00:00",
                                                                   "--cpus-per-task", "2", "--set", "bank.risk.cutoff=0.2", "--dry-run"]))
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let text = outcome.stdout
        for line in [
            "==> \(work)/array.sbatch <==",
            "#SBATCH --array=1-3",
            "#SBATCH --output=\(work)/logs/shard-%a.%A.log",
            "#SBATCH --partition=long",
            "#SBATCH --time=1:00:00",
            "#SBATCH --cpus-per-task=2",
            "set -euo pipefail",
            "shard=\"${SLURM_ARRAY_TASK_ID:?this script is a Slurm job array: submit it with sbatch --array=1-3}\"",
            "==> \(work)/merge.sbatch <==",
            "#SBATCH --output=\(work)/logs/merge.%j.log",
            "#SBATCH --kill-on-invalid-dep=yes",
            "  sbatch --parsable \(work)/array.sbatch   # prints ARRAY_ID",
            "  sbatch --parsable --dependency=afterok:ARRAY_ID \(work)/merge.sbatch",
        ] {
            #expect(text.split(separator: "\n").contains { $0 == line }, "no line '\(line)' in:\n\(text)")
        }
        #expect(text.contains(" run \(work)/scenario.yaml --out \"\(work)/shards/shard-${shard}-of-3\" --shard \"${shard}/3\" "
                              + "--set bank.risk.cutoff=0.2 --paths 6 --months 12 --agents 2000 --threads \"${SLURM_CPUS_PER_TASK:-1}\"\n"))
        #expect(text.contains(" merge \(work)/shards/shard-1-of-3 \(work)/shards/shard-2-of-3 \(work)/shards/shard-3-of-3 --out \(out)\n"))
        // The time limit and partition go to the merge job too; the CPUs only to the tasks.
        let merge = try #require(text.components(separatedBy: "merge.sbatch <==").last)
        #expect(merge.contains("#SBATCH --partition=long") && !merge.contains("#SBATCH --cpus-per-task"))
        #expect(dir.entries == [])
        #expect(sbatch.calls == [])
    }

    @Test("--sweep renders sweep shards and a completing sweep instead of run and merge")
    func sweep() throws {
        let dir = try TemporaryDirectory()
        let work = dir.path("grid.slurm").path, out = dir.path("grid").path
        let outcome = try CardsimBinary.run(["slurm"] + arguments(dir.path("grid"), shards: 4, ["--sweep", "--threads", "2", "--dry-run"]))
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.contains(" sweep \(work)/scenario.yaml --out \(out) --shard \"${shard}/4\" --paths 6 --months 12 --agents 2000 --threads 2\n"))
        #expect(outcome.stdout.contains(" sweep \(work)/scenario.yaml --out \(out) --require-complete --paths 6 --months 12 --agents 2000 --threads 2\n"))
        #expect(!outcome.stdout.contains(" merge ") && !outcome.stdout.contains(" run "))
        #expect(outcome.stdout.contains("#SBATCH --array=1-4\n"))
    }

    @Test("submits the array, then the merge with afterok on the array's id")
    func submissionSequence() throws {
        let sbatch = try FakeSbatch()
        let dir = try TemporaryDirectory()
        let work = dir.path("out.slurm")
        // --sbatch names the program; PATH's stand-in must not be used then.
        let named = try FakeSbatch()
        let outcome = try named.slurm(arguments(dir.path("out"), ["--sbatch", sbatch.bin.appendingPathComponent("sbatch").path]))
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(sbatch.calls == ["--parsable \(work.path)/array.sbatch",
                                 "--parsable --dependency=afterok:41 \(work.path)/merge.sbatch"])
        #expect(named.calls == [])
        #expect(outcome.stdout.hasPrefix("Submitted job array 41 (shards 1-3 of 3) and merge job 42 "))
        #expect(dir.entries == ["out.slurm"])
        let made = try FileManager.default.contentsOfDirectory(atPath: work.path).sorted()
        #expect(made == ["array.sbatch", "logs", "merge.sbatch", "scenario.yaml", "shards"])
        #expect(try Data(contentsOf: work.appendingPathComponent("scenario.yaml")) == Data(contentsOf: URL(fileURLWithPath: RunCommandTests.baseline)))
        let script = try String(contentsOf: work.appendingPathComponent("array.sbatch"), encoding: .utf8)
        #expect(script.hasPrefix("#!/bin/bash\n# Written by: cardsim slurm \(RunCommandTests.baseline) --shards 3 --out \(dir.path("out").path) "))
    }

    @Test("the scripts, run as Slurm runs them, merge into the bytes of one run; a resubmitted shard completes it again")
    func scriptsRunAsSlurmWould() throws {
        let sbatch = try FakeSbatch(executing: true)
        let dir = try TemporaryDirectory()
        let out = dir.path("out"), work = dir.path("out.slurm")
        // A name with quotes, spaces and a '$' checks the scripts' quoting: it lands in summary.json.
        let name = ["--set", "name=Bank's \"A\" plan, $HOME `x`"]
        let single = try CardsimBinary.run(["run", RunCommandTests.baseline, "--out", dir.path("single").path] + Self.small + name)
        #expect(single.status == 0, "\(single.stderr)")

        let outcome = try sbatch.slurm(arguments(out, name))
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(DirectoryComparison.differences(dir.path("single"), out) == [])
        let shards = try FileManager.default.contentsOfDirectory(atPath: work.appendingPathComponent("shards").path).sorted()
        #expect(shards == ["shard-1-of-3", "shard-2-of-3", "shard-3-of-3"])

        // Shard 2 lost, the output gone: resubmitting shard 2 alone rebuilds the same bytes.
        try FileManager.default.removeItem(at: work.appendingPathComponent("shards/shard-2-of-3"))
        try FileManager.default.removeItem(at: out)
        let again = try sbatch.slurm(arguments(out, name + ["--resubmit", "2"]))
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stdout.hasPrefix("Submitted job array 43 (shard 2 of 3) and merge job 44 "))
        #expect(Array(sbatch.calls.suffix(2)) == ["--parsable --array=2 \(work.path)/array.sbatch",
                                                 "--parsable --dependency=afterok:43 \(work.path)/merge.sbatch"])
        #expect(DirectoryComparison.differences(dir.path("single"), out) == [])
    }

    /// Runs `cardsim slurm` with `extra` and expects `status` with `message` as the first line.
    func expectRefused(_ extra: [String], shards: Int = 3, status: Int32 = 2, _ message: String,
                       sbatch: FakeSbatch? = nil, in dir: TemporaryDirectory? = nil,
                       sourceLocation: SourceLocation = #_sourceLocation) throws {
        let fake = try sbatch ?? FakeSbatch()
        let dir = try dir ?? TemporaryDirectory()
        let before = dir.entries
        let outcome = try fake.slurm(arguments(dir.path("out"), shards: shards, extra))
        #expect(outcome.status == status, "\(outcome.stderr)", sourceLocation: sourceLocation)
        #expect(outcome.stderrLines.first == "Error: \(message)", sourceLocation: sourceLocation)
        #expect(outcome.stderrLines.dropFirst().first?.hasPrefix("Help: ") == true, sourceLocation: sourceLocation)
        #expect(dir.entries == before, "something was written", sourceLocation: sourceLocation)
    }

    @Test("bad input: exit 2 with what is wrong and what to do, nothing written or submitted")
    func badInput() throws {
        let sbatch = try FakeSbatch()
        try expectRefused([], shards: 0, "--shards 0: need at least 1 shard", sbatch: sbatch)
        try expectRefused([], shards: 7, "--shards 7 asks for more shards than the run's 6 paths", sbatch: sbatch)
        try expectRefused(["--resubmit", "4"], "--resubmit 4 is not a shard of 1-3", sbatch: sbatch)
        try expectRefused(["--cpus-per-task", "0"], "--cpus-per-task 0: need at least 1", sbatch: sbatch)
        try expectRefused(["--time", "1 day"], "--time '1 day' is empty or holds white space", sbatch: sbatch)
        let dir = try TemporaryDirectory()
        try expectRefused(["--work", dir.path("out/jobs").path],
                          "the work folder \(dir.path("out/jobs").path) is inside the output directory \(dir.path("out").path), which the merge replaces",
                          sbatch: sbatch, in: dir)
        try expectRefused(["--resubmit", "2"], "\(dir.path("out.slurm").path)/array.sbatch is missing: there is no earlier submission to resubmit a shard of",
                          sbatch: sbatch, in: dir)
        #expect(sbatch.calls == [])

        // An output directory the merge would refuse to replace is refused before submitting.
        try FileManager.default.createDirectory(at: dir.path("out"), withIntermediateDirectories: true)
        try Data("keep".utf8).write(to: dir.path("out/notes.txt"))
        try expectRefused([], "\(dir.path("out").path) exists and is not a cardsim output directory; the merge would not replace it",
                          sbatch: sbatch, in: dir)
        #expect(sbatch.calls == [])
    }

    @Test("a missing scenario is reported by the loader with exit 2")
    func missingScenario() throws {
        let dir = try TemporaryDirectory()
        let outcome = try CardsimBinary.run(["slurm", dir.path("absent.yaml").path, "--shards", "2", "--out", dir.path("out").path, "--dry-run"])
        #expect(outcome.status == 2)
        #expect(outcome.stderrLines.first?.hasPrefix("\(dir.path("absent.yaml").path): error: ") == true, "\(outcome.stderr)")
    }

    @Test("a resubmission with other arguments than the first submission is refused")
    func resubmitOtherArguments() throws {
        let sbatch = try FakeSbatch()
        let dir = try TemporaryDirectory()
        #expect(try sbatch.slurm(arguments(dir.path("out"))).status == 0)
        let outcome = try sbatch.slurm(arguments(dir.path("out"), ["--seed", "7", "--resubmit", "2"]))
        #expect(outcome.status == 2)
        #expect(outcome.stderrLines.first?.hasPrefix("Error: the arguments differ from the first submission's: \(dir.path("out.slurm").path)/array.sbatch line 2 is ") == true,
                "\(outcome.stderr)")
        #expect(sbatch.calls.count == 2, "the resubmission submitted something: \(sbatch.calls)")
    }

    @Test("no sbatch, or an sbatch that refuses the job: exit 69 with its message")
    func sbatchUnavailable() throws {
        let dir = try TemporaryDirectory()
        let empty = try TemporaryDirectory()
        let none = try CardsimBinary.run(["slurm"] + arguments(dir.path("out")), environment: ["PATH": empty.url.path])
        #expect(none.status == 69)
        #expect(none.stderrLines.first == "Error: sbatch is not installed (no 'sbatch' program on PATH); jobs are submitted with it")
        #expect(dir.entries == [])

        let notAProgram = try CardsimBinary.run(["slurm"] + arguments(dir.path("out"), ["--sbatch", empty.url.path]))
        #expect(notAProgram.status == 69)
        #expect(notAProgram.stderrLines.first == "Error: --sbatch \(empty.url.path) is not an executable program")
        #expect(dir.entries == [])

        let refusing = try FakeSbatch(failing: "'sbatch: error: invalid partition specified: long'")
        let outcome = try refusing.slurm(arguments(dir.path("out"), ["--partition", "long"]))
        #expect(outcome.status == 69)
        #expect(outcome.stderrLines.first?.hasSuffix("/bin/sbatch --parsable \(dir.path("out.slurm").path)/array.sbatch failed with exit status 1: "
                                                     + "sbatch: error: invalid partition specified: long") == true, "\(outcome.stderr)")
    }

    @Test("an output folder that cannot be written: exit 3")
    func unwritable() throws {
        let dir = try TemporaryDirectory()
        try Data("a file".utf8).write(to: dir.path("blocker"))
        let sbatch = try FakeSbatch()
        let outcome = try sbatch.slurm(arguments(dir.path("blocker/out")))
        #expect(outcome.status == 3, "\(outcome.stderr)")
        #expect(outcome.stderrLines.first?.hasPrefix("Error: cannot create \(dir.path("blocker/out.slurm").path)/logs") == true, "\(outcome.stderr)")
        #expect(sbatch.calls == [])
    }
}
