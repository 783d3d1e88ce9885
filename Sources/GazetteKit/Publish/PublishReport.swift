/// What a publish run did to the output folder, so the caller can log it and tests can check
/// that unchanged files were left alone.
public struct PublishReport: Sendable, Hashable {
    /// File names (relative to the output folder) whose bytes changed and were replaced atomically.
    public var written: [String]
    /// File names whose new bytes equalled the existing file: not touched (mtime unchanged).
    public var unchanged: [String]
    /// Entries published per section id, after ordering and caps.
    public var entryCounts: [String: Int]

    public init(written: [String] = [], unchanged: [String] = [], entryCounts: [String: Int] = [:]) {
        self.written = written
        self.unchanged = unchanged
        self.entryCounts = entryCounts
    }
}
