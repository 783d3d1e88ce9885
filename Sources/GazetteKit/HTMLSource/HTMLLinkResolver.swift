import Foundation

/// Turns the links a page prints (relative, protocol-relative, with spaces or non-ASCII characters)
/// into absolute http(s) URLs, against the page URL and its `<base href>`.
struct HTMLLinkResolver {
    /// The base every relative link is resolved against: `<base href>` (itself resolved against the page), else the page.
    let base: URL
    /// `scheme://authority` of `base`, for the fast path of root-relative links (`/news/x`).
    private let origin: String?

    init(pageURL: URL, baseHref: String?) {
        // A `<base href>` in another scheme (`javascript:`, `file:`) is ignored: links would resolve into it.
        if let baseHref, let resolved = Self.resolve(baseHref, against: pageURL),
            let scheme = resolved.scheme?.lowercased(),
            scheme == "http" || scheme == "https" || scheme == pageURL.scheme?.lowercased()
        {
            base = resolved
        } else {
            base = pageURL
        }
        if let scheme = base.scheme, let host = base.host, base.user == nil, base.password == nil,
            host.utf8.allSatisfy({ Self.isPlain($0) && $0 != UInt8(ascii: "/") && $0 != UInt8(ascii: "?") })
        {
            origin = "\(scheme)://\(host)" + (base.port.map { ":\($0)" } ?? "")
        } else {
            origin = nil
        }
    }

    /// Unreserved and sub-delimiter ASCII plus `/`, `?`, `=`, `&`, `%`, `:`, `@`: no encoding or normalisation needed.
    private static func isPlain(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            true
        case UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "~"), UInt8(ascii: "/"), UInt8(ascii: "?"),
            UInt8(ascii: "="), UInt8(ascii: "&"), UInt8(ascii: "%"), UInt8(ascii: ":"), UInt8(ascii: "@"), UInt8(ascii: "+"),
            UInt8(ascii: ","), UInt8(ascii: ";"):
            true
        default: false
        }
    }

    /// The absolute URL string for `raw`, or `nil` for empty and fragment-only links and for any
    /// link that does not resolve to http(s) or the page's own scheme (`javascript:`, `mailto:`,
    /// `file:`, or a made-up `t00:` — found by fuzzing — is never published as an entry's link).
    func absolute(_ raw: String) -> String? {
        let trimmed = raw.trimmingASCIIWhitespace
        guard !trimmed.isEmpty, !trimmed.hasPrefix("#") else { return nil }
        // Fast path for the common root-relative link: nothing to encode, no dot segments to remove.
        if let origin, trimmed.utf8.first == UInt8(ascii: "/"), !trimmed.hasPrefix("//"), !trimmed.contains("/."),
            trimmed.utf8.allSatisfy(Self.isPlain)
        {
            return origin + trimmed
        }
        guard var url = Self.resolve(trimmed, against: base), let scheme = url.scheme?.lowercased(),
            scheme == "http" || scheme == "https" || scheme == base.scheme?.lowercased()
        else { return nil }
        if scheme == "http" || scheme == "https", url.host?.isEmpty ?? true {
            // `https:news/x` (no `//`; found by FuzzScraper): browsers read it as a relative link when
            // the page has the same scheme (WHATWG URL), and a web link without a host is none at all.
            guard scheme == base.scheme?.lowercased(),
                let relative = Self.resolve(String(trimmed.dropFirst(scheme.count + 1)), against: base),
                relative.host?.isEmpty == false
            else { return nil }
            url = relative
        }
        return url.absoluteString
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
