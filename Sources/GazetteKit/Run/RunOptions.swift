import Foundation

/// What one `gazette run` (or `publish`) was asked to do, beyond what `feeds.json` says.
public struct RunOptions: Sendable {
    /// `--output`: overrides the configuration's output folder.
    public var output: URL?
    /// `--database`: overrides the configuration's state database.
    public var database: URL?
    /// `--force`: fetch every feed, due or not (gone feeds included).
    public var force: Bool
    /// `--dry-run`: fetch and parse, report what would change, write nothing.
    public var dryRun: Bool
    /// Limits and politeness of the fetcher.
    public var fetchPolicy: FetchPolicy
    /// Articles older than this are expired from the store (default 90 days).
    public var retention: TimeInterval
    /// Each feed keeps at least this many articles whatever their age.
    public var keepPerFeed: Int
    /// How hubs in `site.hubs` are notified after a run (timeout, concurrency).
    public var webSub = WebSubNotifier()

    public init(
        output: URL? = nil, database: URL? = nil, force: Bool = false, dryRun: Bool = false,
        fetchPolicy: FetchPolicy = FetchPolicy(), retention: TimeInterval = 90 * 86_400, keepPerFeed: Int = 50
    ) {
        self.output = output
        self.database = database
        self.force = force
        self.dryRun = dryRun
        self.fetchPolicy = fetchPolicy
        self.retention = retention
        self.keepPerFeed = keepPerFeed
    }

    /// The output folder for `config`: `--output`, else the configuration's default.
    public func outputDirectory(for config: GazetteConfig) -> URL { output ?? config.defaults.output }

    /// The database path for `config`: `--database`, else the configuration's default.
    public func databasePath(for config: GazetteConfig) -> String { (database ?? config.defaults.database).path }
}
