import ArgumentParser
import CardsimOutput
import CardsimReport
import CardsimScenario
import Foundation

/// `cardsim slurm SCENARIO --shards K --out DIR`: run a scenario as a Slurm job array of K
/// shards plus a merge job that depends on it.
struct SlurmCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "slurm",
        abstract: "Run a scenario (or a sweep) on a Slurm cluster: a job array of shards and a merge job.",
        discussion: """
            Writes the batch scripts into the work folder (default: DIR.slurm, beside DIR) and \
            submits them: a job array whose task I runs 'cardsim run --shard I/K' into \
            WORK/shards/shard-I-of-K, logging to WORK/logs/shard-I.JOBID.log, and a merge job \
            (--dependency=afterok on the array) that runs 'cardsim merge' into DIR. The merged \
            DIR is byte for byte what one 'cardsim run' writes.

            If a task fails, the merge job is cancelled; submit that shard again alone, with a \
            new merge job, by repeating the command with --resubmit I. 'cardsim merge' refuses \
            missing or duplicated shards.

            With --sweep the tasks run 'cardsim sweep SCENARIO --out DIR --shard I/K' and the \
            last job 'cardsim sweep SCENARIO --out DIR --require-complete'. With --calibrate \
            SCENARIO is a targets file: task I runs start I of the calibration's search \
            ('cardsim calibrate TARGETS --out DIR --starts K --start I') and the last job \
            replays the K starts and finishes ('cardsim calibrate TARGETS --out DIR --starts \
            K'), with the bytes of one process; the targets file and its scenario are read in \
            place.

            Every task reads the copy of the scenario made at submission (WORK/scenario.yaml). \
            Without --threads, each task uses as many threads as it has CPUs (--cpus-per-task, \
            default 1). Exit status 69 when sbatch is missing or refuses a job.
            """
    )

    @Argument(help: "The scenario file (YAML).")
    var scenario: String

    @Option(help: ArgumentHelp("Number of shards K: array tasks 1 to K.", valueName: "k"))
    var shards: Int

    @Option(help: ArgumentHelp("Output directory of the merged run (or of the sweep).", valueName: "dir"))
    var out: String

    @Option(help: ArgumentHelp("Folder for scripts, scenario copy, logs and shards (default: DIR.slurm).", valueName: "dir"))
    var work: String?

    @Option(help: ArgumentHelp("Slurm partition of the jobs (sbatch --partition).", valueName: "name"))
    var partition: String?

    @Option(help: ArgumentHelp("Time limit of each job (sbatch --time), e.g. 2:00:00.", valueName: "limit"))
    var time: String?

    @Option(help: ArgumentHelp("Account charged for the jobs (sbatch --account).", valueName: "name"))
    var account: String?

    @Option(name: .customLong("cpus-per-task"), help: ArgumentHelp("CPUs of each array task (sbatch --cpus-per-task); also its thread count unless --threads is given.", valueName: "n"))
    var cpusPerTask: Int?

    @Option(help: ArgumentHelp("Memory of each job (sbatch --mem), e.g. 4G.", valueName: "size"))
    var mem: String?

    @OptionGroup var size: RunSizeOptions

    @Option(name: .customLong("set"), help: ArgumentHelp("Override a scenario value, e.g. --set bank.product.apr=0.16 (repeatable).", valueName: "path=value"))
    var overrides: [String] = []

    @Flag(help: "Run a sweep: tasks run 'cardsim sweep --shard I/K', the last job 'cardsim sweep --require-complete'.")
    var sweep = false

    @Flag(help: "Run a calibration (SCENARIO is a targets file): task I runs start I of K, the last job 'cardsim calibrate' finishes.")
    var calibrate = false

    @Option(help: ArgumentHelp("The cardsim executable the jobs run (default: this one), as seen from the compute nodes.", valueName: "path"))
    var cardsim: String?

    @Option(help: ArgumentHelp("The sbatch program (default: sbatch on PATH).", valueName: "path"))
    var sbatch: String?

    @Option(help: ArgumentHelp("Submit shard I again alone, and a new merge job after it; give the other arguments as at first.", valueName: "i"))
    var resubmit: Int?

    @Flag(name: .customLong("dry-run"), help: "Print the scripts and the sbatch commands; write and submit nothing.")
    var dryRun = false

    func validate() throws {
        try OutputPath.check(out)
    }

    func run() throws {
        let jobs = try jobArray()
        if dryRun { return print(SlurmPlan.dryRun(jobs, resubmit: resubmit)) }
        let sbatch = try Sbatch.locate(self.sbatch)
        if let resubmit {
            try SlurmPlan.checkResubmission(jobs, scenarioText: try scenarioText())
            let array = try sbatch.submit(jobs.arrayScriptPath, options: ["--array=\(resubmit)"])
            let merge = try sbatch.submit(jobs.mergeScriptPath, options: ["--dependency=afterok:\(array)"])
            print(SlurmPlan.submitted(jobs, array: array, merge: merge, tasks: "shard \(resubmit) of \(jobs.shards)"))
        } else {
            try SlurmPlan.write(jobs, scenarioText: try scenarioText())
            let array = try sbatch.submit(jobs.arrayScriptPath, options: [])
            let merge = try sbatch.submit(jobs.mergeScriptPath, options: ["--dependency=afterok:\(array)"])
            print(SlurmPlan.submitted(jobs, array: array, merge: merge, tasks: "shards 1-\(jobs.shards) of \(jobs.shards)"))
        }
    }

    /// The scripts for these arguments, after checking them (exit 2 for bad input).
    func jobArray() throws -> SlurmJobArray {
        guard shards >= 1 else {
            throw CommandFailure("--shards \(shards): need at least 1 shard", help: "Give the number of array tasks, e.g. --shards 8.",
                                 exitCode: ExitCodes.invalidInput)
        }
        if let resubmit, !(1...shards).contains(resubmit) {
            throw CommandFailure("--resubmit \(resubmit) is not a shard of 1-\(shards)",
                                 help: "Give the number I of the failed task (its log is WORK/logs/shard-I.JOBID.log).",
                                 exitCode: ExitCodes.invalidInput)
        }
        if let cpusPerTask, cpusPerTask < 1 {
            throw CommandFailure("--cpus-per-task \(cpusPerTask): need at least 1", help: "Give the CPUs of each task, e.g. --cpus-per-task 4.",
                                 exitCode: ExitCodes.invalidInput)
        }
        try size.validate()
        for (flag, value) in [("--partition", partition), ("--time", time), ("--account", account), ("--mem", mem)] {
            if let value, value.isEmpty || value.contains(where: \.isWhitespace) {
                throw CommandFailure("\(flag) '\(value)' is empty or holds white space", help: "Give one Slurm value, e.g. \(flag)=\(Self.example[flag] ?? "x").",
                                     exitCode: ExitCodes.invalidInput)
            }
        }
        let outPath = Self.absolute(out)
        let workPath = Self.absolute(work ?? outPath + ".slurm")
        if workPath.contains(where: { $0.isWhitespace || $0 == "%" || $0 == "\\" || $0 == "\"" || $0 == "'" }) {
            throw CommandFailure("the work folder \(workPath) holds white space, quotes, '\\' or '%', which Slurm's #SBATCH --output cannot take",
                                 help: "Choose another --out, or give --work a plain path.", exitCode: ExitCodes.invalidInput)
        }
        if workPath == outPath || workPath.hasPrefix(outPath + "/") {
            throw CommandFailure("the work folder \(workPath) is inside the output directory \(outPath), which the merge replaces",
                                 help: "Give --work a folder outside --out (the default is DIR.slurm, beside DIR).",
                                 exitCode: ExitCodes.invalidInput)
        }
        if sweep && calibrate {
            throw CommandFailure("--sweep and --calibrate both given", help: "Give one of them.", exitCode: ExitCodes.usage)
        }
        let modelFiles: [ModelFile]
        if calibrate {
            // The tasks read the targets file and its scenario in place; they are checked here.
            _ = try CommandFailure.catching { try CalibrationSpec.load(path: scenario) }
            modelFiles = []
        } else if sweep {
            // The sweep command validates its own scenario format when the jobs run.
            _ = try scenarioText()
            modelFiles = (try? ScenarioInput.load(path: scenario, overrides: size.overrides(after: overrides), checkMemory: false))?.source.modelFiles ?? []
        } else {
            let loaded = try CommandFailure.catching { try ScenarioInput.load(path: scenario, overrides: size.overrides(after: overrides), checkMemory: false) }
            modelFiles = loaded.source.modelFiles
            guard shards <= loaded.scenario.run.paths else {
                throw CommandFailure("--shards \(shards) asks for more shards than the run's \(loaded.scenario.run.paths) paths",
                                     help: "Use at most \(loaded.scenario.run.paths) shards, or more paths.", exitCode: ExitCodes.invalidInput)
            }
        }
        try SlurmJobArray.checkModelFiles(modelFiles, scenario: scenario)
        let executable = try cardsimExecutable()
        var common: [String] = []
        if let partition { common.append("--partition=\(partition)") }
        if let account { common.append("--account=\(account)") }
        if let time { common.append("--time=\(time)") }
        if let mem { common.append("--mem=\(mem)") }
        let arguments = overrides.flatMap { ["--set", $0] } + size.sizeArguments
        let name = URL(fileURLWithPath: scenario).deletingPathExtension().lastPathComponent
        var jobs = SlurmJobArray(mode: calibrate ? .calibrate : sweep ? .sweep : .run, source: Self.absolute(scenario), cardsim: executable, out: outPath, work: workPath, shards: shards,
                                 arguments: arguments, threads: size.threads, common: common,
                                 taskOnly: cpusPerTask.map { ["--cpus-per-task=\($0)"] } ?? [],
                                 name: name.filter { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == "." },
                                 commandLine: "")
        jobs.modelFiles = modelFiles
        var words = ["cardsim", "slurm", Self.absolute(scenario), "--shards", "\(shards)", "--out", outPath]
        if work != nil { words += ["--work", workPath] }
        if sweep { words.append("--sweep") }
        if calibrate { words.append("--calibrate") }
        words += common + (cpusPerTask.map { ["--cpus-per-task=\($0)"] } ?? []) + arguments + (size.threads.map { ["--threads", "\($0)"] } ?? [])
        if cardsim != nil { words += ["--cardsim", executable] }
        jobs.commandLine = words.map(ShellQuote.word).joined(separator: " ")
        return jobs
    }

    static let example = ["--partition": "compute", "--time": "2:00:00", "--account": "risk", "--mem": "4G"]

    /// The scenario's resolved text, merged over the files it extends, which the tasks read
    /// (exit 2 with the loader's message if it cannot be read or its chain is broken).
    func scenarioText() throws -> String {
        try CommandFailure.catching { try ScenarioLoader.resolvedText(path: scenario) }
    }

    /// `--cardsim`, else the running executable; absolute, and checked to be a program.
    func cardsimExecutable() throws -> String {
        let path = cardsim.map(Self.absolute) ?? Self.runningExecutable
        guard FileManager.default.isExecutableFile(atPath: path) else {
            throw CommandFailure("--cardsim \(path) is not an executable program",
                                 help: "Give the path of the cardsim binary as the compute nodes see it.", exitCode: ExitCodes.invalidInput)
        }
        return path
    }

    /// The absolute path of this process's executable.
    static var runningExecutable: String {
        if let link = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return link }
        return absolute(Bundle.main.executablePath ?? CommandLine.arguments[0])
    }

    /// `path` made absolute against the working directory, with `.` and `..` resolved.
    static func absolute(_ path: String) -> String {
        URL(fileURLWithPath: path, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true))
            .standardizedFileURL.path
    }
}

extension RunSizeOptions {
    /// `--paths N --seed S --months M --agents A` for the sizes given (`--threads` apart).
    var sizeArguments: [String] {
        var list: [String] = []
        if let paths { list += ["--paths", "\(paths)"] }
        if let seed { list += ["--seed", "\(seed)"] }
        if let months { list += ["--months", "\(months)"] }
        if let agents { list += ["--agents", "\(agents)"] }
        return list
    }
}
