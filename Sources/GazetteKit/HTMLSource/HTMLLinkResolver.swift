import Foundation

/// Turns the links a page prints (relative, protocol-relative, with spaces or non-ASCII characters)
/// into absolute http(s) URLs, against the page URL and its `<base href>`.
struct HTMLLinkResolver {
    /// The base every relative link is resolved against: `<base href>` (itself resolved against the page), else the page.
    let base: URL

    init(pageURL: URL, baseHref: String?) {
        if let baseHref, let resolved = Self.resolve(baseHref, against: pageURL) {
            base = resolved
        } else {
            base = pageURL
        }
    }

    /// The absolute URL string for `raw`, or `nil` for empty, fragment-only and `javascript:`/`mailto:` links.
    func absolute(_ raw: String) -> String? {
        let trimmed = raw.trimmingASCIIWhitespace
        guard !trimmed.isEmpty, !trimmed.hasPrefix("#") else { return nil }
        let lowered = trimmed.lowercased()
        for scheme in ["javascript:", "mailto:", "tel:", "data:", "vbscript:"] where lowered.hasPrefix(scheme) {
            return nil
        }
        return Self.resolve(trimmed, against: base)?.absoluteString
    }

    private static let allowed: CharacterSet = {
        var set = CharacterSet.urlQueryAllowed
        set.insert(charactersIn: "#%")
        return set
    }()

    static func resolve(_ raw: String, against base: URL) -> URL? {
        let trimmed = raw.trimmingASCIIWhitespace
        let candidate =
            URL(string: trimmed, relativeTo: base)
            ?? trimmed.addingPercentEncoding(withAllowedCharacters: allowed).flatMap { URL(string: $0, relativeTo: base) }
        return candidate?.absoluteURL
    }
}
