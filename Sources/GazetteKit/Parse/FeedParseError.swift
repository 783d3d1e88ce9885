/// Why a document could not be turned into a feed at all (recoverable damage is not an error:
/// it shows up as `ParsedFeed.recovered` and `diagnostics`).
public enum FeedParseError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The input is not a feed (an HTML page, an unknown XML vocabulary, garbage...).
    case notAFeed(source: String, reason: String)
    /// The input is empty.
    case empty(source: String)

    public var description: String {
        switch self {
        case .notAFeed(let source, let reason): "\(source): not a feed: \(reason)"
        case .empty(let source): "\(source): the document is empty"
        }
    }
}
