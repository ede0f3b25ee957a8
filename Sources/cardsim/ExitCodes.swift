import ArgumentParser

/// The exit statuses of `cardsim`. Scripts and CI may rely on them; they are listed in
/// `cardsim --help` too.
enum ExitCodes {
    /// The command did what it was asked.
    static let success = ExitCode(0)
    /// A regression check failed: outputs differ from the stored baseline beyond tolerance
    /// (`cardsim check`).
    static let regression = ExitCode(1)
    /// Invalid input: a scenario file missing, malformed, invalid or too large for the memory
    /// allowed, a bad `--shard`, shards that do not make up one run, a baseline missing or
    /// damaged, an output directory whose files do not match its `manifest.json`, a sweep
    /// directory of another sweep or (with `--require-complete`) with points missing.
    static let invalidInput = ExitCode(2)
    /// The output could not be written.
    static let outputFailed = ExitCode(3)
    /// The command line itself is wrong (unknown option, missing argument); ArgumentParser's
    /// usage error, `EX_USAGE`.
    static let usage = ExitCode(64)
    /// A program cardsim drives is missing or failed: gnuplot for `chart`, `report` and
    /// `notebook`, sbatch for `slurm` (`EX_UNAVAILABLE`).
    static let toolUnavailable = ExitCode(69)
    /// Another cardsim process holds the lock of the output directory (`EX_TEMPFAIL`); nothing
    /// was written.
    static let locked = ExitCode(75)
    /// Interrupted by SIGINT or SIGTERM before the output was published: nothing new is at the
    /// output path and the old output there is intact.
    static let interrupted = ExitCode(130)

    /// The table shown in `cardsim --help`.
    static let helpText = """
        Exit status:
          0    success
          1    a regression check failed (cardsim check)
          2    invalid input: scenario file missing, malformed or invalid, or too large
               for the memory allowed; bad --shard; shards that do not make up one run;
               a baseline missing or damaged; an output directory whose files do not
               match its manifest.json; a sweep directory of another sweep or with
               points missing
          3    the output could not be written
          64   command-line usage error
          69   gnuplot is missing or failed (chart, report, notebook);
               gnuplot failed while drawing a sweep's tornado chart (sweep);
               sbatch is missing or refused a job (slurm)
          75   another cardsim process is writing the output directory (named)
          130  interrupted (SIGINT or SIGTERM): nothing new at the output path,
               the old output there intact
        """
}
