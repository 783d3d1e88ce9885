/// A media file attached to an item (RSS `enclosure`, Atom `link rel="enclosure"`, Media RSS, JSON attachments).
public struct Enclosure: Sendable, Hashable, Codable {
    /// Absolute URL of the file.
    public var url: String
    public var type: String?
    /// Size in bytes, when the feed states it.
    public var length: Int64?

    public init(url: String, type: String? = nil, length: Int64? = nil) {
        self.url = url
        self.type = type
        self.length = length
    }
}
