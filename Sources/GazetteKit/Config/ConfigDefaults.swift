import Foundation

/// Run-wide settings from `feeds.json`'s optional `defaults` object, so a cron line needs no flags.
///
/// Command-line options (`--output`, `--database`) override these.
public struct ConfigDefaults: Sendable, Hashable {
    /// Seconds between fetches for feeds without their own `interval` (default 30 minutes).
    public var interval: TimeInterval
    /// Where published files go (default `output/` beside feeds.json).
    public var output: URL
    /// The SQLite store (default `.gazette/gazette.sqlite` beside feeds.json).
    public var database: URL
    /// Entries per section when a section sets no `maxEntries` (default 50).
    public var maxEntries: Int
    /// Entries per source in a section when a section sets no `maxPerSource` (default 10).
    public var maxPerSource: Int

    /// Built-in defaults, with paths resolved against the folder `feeds.json` lives in.
    public init(
        baseDirectory: URL, interval: TimeInterval = 1800, output: URL? = nil, database: URL? = nil,
        maxEntries: Int = 50, maxPerSource: Int = 10
    ) {
        self.interval = interval
        self.output = output ?? baseDirectory.appendingPathComponent("output", isDirectory: true)
        self.database = database ?? baseDirectory.appendingPathComponent(".gazette/gazette.sqlite")
        self.maxEntries = maxEntries
        self.maxPerSource = maxPerSource
    }
}
