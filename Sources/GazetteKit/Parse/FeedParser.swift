import Foundation

/// Turns any feed document found in the wild into a `ParsedFeed`.
///
/// Format is detected from the content, never from a file name or content type. All XML and HTML
/// work goes through libxml2 with entity substitution, DTD loading and network access disabled.
public struct FeedParser: Sendable {
    public init() {}

    /// Parses one document.
    /// - Parameters:
    ///   - data: the document's bytes, as fetched.
    ///   - url: the URL it came from (base for relative links).
    ///   - httpCharset: the charset an HTTP `Content-Type` header gave, if any (authoritative).
    public func parse(_ data: Data, url: URL?, httpCharset: String? = nil) throws(FeedParseError) -> ParsedFeed {
        // TODO(parser): implemented by the parser work.
        throw .notAFeed(source: url?.absoluteString ?? "input", reason: "parser not implemented yet")
    }
}
