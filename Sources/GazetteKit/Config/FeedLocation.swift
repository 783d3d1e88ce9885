import Foundation

/// Turns a feed's `url` as written in `feeds.json` into a fetchable URL, and compares feed URLs for duplicates.
enum FeedLocation {
    /// Why a `url` value cannot be used, with a corrected form when one is obvious.
    struct Problem: Error, Sendable, Equatable {
        var message: String
        var suggestion: String?
    }

    /// An absolute `http(s)://` or `file://` URL, or a file path (relative paths resolve against `base`).
    static func resolve(_ text: String, relativeTo base: URL) -> Result<URL, Problem> {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.isEmpty { return .failure(Problem(message: "is empty; give the feed's http(s) URL or a file path")) }
        if trimmed != text {
            return .failure(Problem(message: "has spaces at the start or end", suggestion: trimmed))
        }
        if text.unicodeScalars.contains(where: { $0.properties.isWhitespace || $0.value < 0x20 }) {
            let encoded = text.replacingOccurrences(of: " ", with: "%20")
            return .failure(Problem(message: "contains a space or control character; URLs encode spaces as %20", suggestion: encoded))
        }
        if let scheme = scheme(of: text) {
            return resolveAbsolute(text, scheme: scheme.lowercased())
        }
        if text.hasPrefix("//") {
            return .failure(Problem(message: "has no scheme; write it in full with https:", suggestion: "https:" + text))
        }
        if text.lowercased().hasPrefix("www.") {
            return .failure(Problem(message: "looks like a web address without its scheme", suggestion: "https://" + text))
        }
        return .success(fileURL(forPath: text, relativeTo: base))
    }

    /// The identity used to spot the same feed listed twice: scheme (http = https), host case,
    /// default port, fragment and a trailing `/` are ignored; file URLs compare by standardized path.
    static func normalizedKey(_ url: URL) -> String {
        if url.isFileURL { return "file://" + url.standardizedFileURL.path }
        guard let components = URLComponents(url: url, resolvingAgainstBaseURL: true) else { return url.absoluteString }
        var key = (components.host ?? "").lowercased()
        if let port = components.port, !(port == 80 || port == 443) { key += ":\(port)" }
        var path = components.percentEncodedPath
        while path.hasSuffix("/") { path.removeLast() }
        key += path
        if let query = components.percentEncodedQuery, !query.isEmpty { key += "?" + query }
        return key
    }

    /// A scheme prefix (`https`, `file`, `htp`), ignoring one-letter "schemes" that are Windows drive letters.
    private static func scheme(of text: String) -> String? {
        guard let colon = text.firstIndex(of: ":") else { return nil }
        let candidate = text[..<colon]
        guard candidate.count >= 2, let first = candidate.first, first.isASCII, first.isLetter,
            candidate.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "+.-".contains($0)) })
        else { return nil }
        return String(candidate)
    }

    private static func resolveAbsolute(_ text: String, scheme: String) -> Result<URL, Problem> {
        switch scheme {
        case "http", "https":
            guard let url = URL(string: text), let host = url.host, !host.isEmpty else {
                return .failure(Problem(message: "is not a valid \(scheme) URL (it needs a host, as in https://example.org/feed.xml)"))
            }
            return .success(url)
        case "file":
            guard let url = URL(string: text), url.isFileURL, !url.path.isEmpty else {
                return .failure(Problem(message: "is not a valid file URL (write file:///absolute/path.xml, or just the path)"))
            }
            return .success(url.standardizedFileURL)
        case "feed":
            // feed://example.org/rss or feed:https://example.org/rss, as some browsers copy them.
            let rest = text.dropFirst("feed:".count)
            let fixed = rest.hasPrefix("//") ? "https:" + rest : String(rest)
            return .failure(
                Problem(message: "uses the feed: scheme, which is only a browser hint; use the http(s) address", suggestion: fixed))
        default:
            let rest = text.dropFirst(scheme.count)
            let fixed = Suggestion.closest(to: scheme, in: ["http", "https", "file"]).map { $0 + rest }
            return .failure(
                Problem(message: "has the unsupported scheme \"\(scheme)\"; use http, https, file or a file path", suggestion: fixed))
        }
    }

    static func fileURL(forPath path: String, relativeTo base: URL) -> URL {
        var expanded = path
        if path == "~" || path.hasPrefix("~/") {
            expanded = FileManager.default.homeDirectoryForCurrentUser.path + path.dropFirst()
        }
        if expanded.hasPrefix("/") { return URL(fileURLWithPath: expanded).standardizedFileURL }
        // appendingPathComponent, not relativeTo: a base without a trailing "/" would lose its last folder.
        return base.appendingPathComponent(expanded).standardizedFileURL
    }
}
