/// The version of cardsim, written into every output directory (`summary.json`'s
/// `cardsim_version`). Shards made by different versions are never merged.
public enum CardsimVersion {
    public static let current = "0.1.0"
}
