import CardsimEngine
import CardsimOutput

/// `--shard I/K`: run shard I (1-based) of K.
struct ShardSpec: Equatable {
    var index: Int
    var count: Int

    /// Parses `I/K` with 1 <= I <= K.
    init(parsing text: String) throws {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let i = Int(parts[0]), let k = Int(parts[1]) else {
            throw CommandFailure("invalid --shard '\(text)': expected I/K, e.g. 2/8",
                                 help: "Give the shard number I (1-based) and the shard count K, as in --shard 1/4.",
                                 exitCode: ExitCodes.invalidInput)
        }
        guard k >= 1, i >= 1, i <= k else {
            throw CommandFailure("invalid --shard '\(text)': need 1 <= I <= K",
                                 help: "Shards are numbered from 1 to K, as in --shard 1/4 ... --shard 4/4.",
                                 exitCode: ExitCodes.invalidInput)
        }
        index = i; count = k
    }

    /// The shard's paths of a run of `paths` paths; refuses more shards than paths.
    func info(paths: Int) throws -> ShardInfo {
        guard count <= paths else {
            throw CommandFailure("--shard \(index)/\(count) asks for \(count) shards of a run of \(paths) paths",
                                 help: "Use at most \(paths) shards, or more paths.",
                                 exitCode: ExitCodes.invalidInput)
        }
        return ShardInfo(index: index, count: count,
                         paths: MonteCarlo.shardRange(index: index, count: count, paths: paths))
    }
}
