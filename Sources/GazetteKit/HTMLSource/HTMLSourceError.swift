/// Why an HTML listing page could not be scraped with its rule; each message names the rule key,
/// the expression or the page, and what to change.
public enum HTMLSourceError: Error, Sendable, Hashable, CustomStringConvertible {
    /// An XPath expression of the rule does not compile (or fails when evaluated).
    case invalidXPath(key: String, expression: String, reason: String)
    /// A rule key that must be present is missing or blank.
    case missingKey(key: String, reason: String)
    /// `authorPattern` / `datePattern` is not a usable regular expression.
    case invalidPattern(key: String, pattern: String, reason: String)
    /// The `item` expression returns a string, number or boolean instead of selecting elements.
    case itemNotNodeSet(key: String, expression: String, resultType: String)
    /// The page has no bytes at all.
    case emptyPage(url: String)
    /// libxml2 could not build any document from the bytes.
    case unreadablePage(url: String)

    /// The message shown to the user: the key or page, what is wrong, and what to do.
    public var description: String {
        switch self {
        case .invalidXPath(let key, let expression, let reason):
            "\(key): invalid XPath expression \"\(expression)\": \(reason)"
        case .missingKey(let key, let reason):
            "\(key): \(reason)"
        case .invalidPattern(let key, let pattern, let reason):
            "\(key): invalid regular expression \"\(pattern)\": \(reason)"
        case .itemNotNodeSet(let key, let expression, let resultType):
            "\(key): the expression \"\(expression)\" returns a \(resultType), but it must select the item elements (e.g. \"//article\")"
        case .emptyPage(let url):
            "\(url): the page is empty (0 bytes); check the URL in a browser"
        case .unreadablePage(let url):
            "\(url): the page could not be read as HTML"
        }
    }
}
