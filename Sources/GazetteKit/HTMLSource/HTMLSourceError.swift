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
    public var description: String { "\(subject): \(reason)" }

    /// The rule key (`feeds[2].html.link`) or the page URL the problem is about.
    public var subject: String {
        switch self {
        case .invalidXPath(let key, _, _), .missingKey(let key, _), .invalidPattern(let key, _, _), .itemNotNodeSet(let key, _, _): key
        case .emptyPage(let url), .unreadablePage(let url): url
        }
    }

    /// What is wrong and what to do, without the key or page.
    public var reason: String {
        switch self {
        case .invalidXPath(_, let expression, let reason):
            "invalid XPath expression \"\(expression)\": \(reason)"
        case .missingKey(_, let reason):
            reason
        case .invalidPattern(_, let pattern, let reason):
            "invalid regular expression \"\(pattern)\": \(reason)"
        case .itemNotNodeSet(_, let expression, let resultType):
            "the expression \"\(expression)\" returns a \(resultType), but it must select the item elements (e.g. \"//article\")"
        case .emptyPage:
            "the page is empty (0 bytes); check the URL in a browser"
        case .unreadablePage:
            "the page could not be read as HTML"
        }
    }
}
