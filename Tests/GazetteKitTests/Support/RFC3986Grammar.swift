import Foundation

/// RFC 3986 Appendix A as a regular expression, written independently of the publisher's own URI
/// mapping so tests can check that every published URL really is a URI.
enum RFC3986Grammar {
    private static let pct = "%[0-9A-Fa-f]{2}"
    private static let unreserved = "A-Za-z0-9\\-._~"
    private static let subDelims = "!$&'()*+,;="
    private static let pchar = "(?:[\(unreserved)\(subDelims):@]|\(pct))"
    private static let scheme = "[A-Za-z][A-Za-z0-9+\\-.]*"
    private static let userinfo = "(?:[\(unreserved)\(subDelims):]|\(pct))*"
    private static let ipLiteral = "\\[(?:[0-9A-Fa-f:.]+|v[0-9A-Fa-f]+\\.[\(unreserved)\(subDelims):]+)\\]"
    private static let regName = "(?:[\(unreserved)\(subDelims)]|\(pct))*"
    private static let authority = "(?:\(userinfo)@)?(?:\(ipLiteral)|\(regName))(?::[0-9]*)?"
    private static let pathAbEmpty = "(?:/\(pchar)*)*"
    private static let pathAbsolute = "/(?:\(pchar)+(?:/\(pchar)*)*)?"
    private static let pathRootless = "\(pchar)+(?:/\(pchar)*)*"
    private static let pathNoScheme = "(?:[\(unreserved)\(subDelims)@]|\(pct))+(?:/\(pchar)*)*"
    private static let query = "(?:\(pchar)|[/?])*"
    private static let hierPart = "(?://\(authority)\(pathAbEmpty)|\(pathAbsolute)|\(pathRootless)|)"
    private static let relativePart = "(?://\(authority)\(pathAbEmpty)|\(pathAbsolute)|\(pathNoScheme)|)"

    private static let uri = try! NSRegularExpression(
        pattern: "^\(scheme):\(hierPart)(?:\\?\(query))?(?:#\(query))?$")
    private static let relativeReference = try! NSRegularExpression(
        pattern: "^\(relativePart)(?:\\?\(query))?(?:#\(query))?$")

    /// True when `text` matches RFC 3986's `URI` rule (an absolute URI, optionally with a fragment).
    static func isURI(_ text: String) -> Bool { matches(uri, text) }

    /// True when `text` matches RFC 3986's `URI-reference` rule (a URI or a relative reference).
    static func isURIReference(_ text: String) -> Bool { matches(uri, text) || matches(relativeReference, text) }

    private static func matches(_ expression: NSRegularExpression, _ text: String) -> Bool {
        guard text.unicodeScalars.allSatisfy(\.isASCII) else { return false }
        let range = NSRange(text.startIndex..., in: text)
        return expression.firstMatch(in: text, range: range) != nil
    }
}
