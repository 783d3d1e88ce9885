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
        // A web address typed without "scheme://" would otherwise pass as a file path and fail only
        // at run time; a path that exists stays a path.
        if let suggestion = webAddressWithoutScheme(text),
            !FileManager.default.fileExists(atPath: fileURL(forPath: text, relativeTo: base).path)
        {
            return .failure(
                Problem(
                    message: "is not a file (there is no such path next to feeds.json) and looks like a web address "
                        + "without its scheme; write it with \(suggestion.hasPrefix("https") ? "https://" : "http://")",
                    suggestion: suggestion))
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

    /// The full address when `text` looks like a web address typed without `scheme://`
    /// (`example.org/rss.xml`, `127.0.0.1:8701/feed.xml`, `localhost:8080/feed`, `https//example.com/rss`).
    /// Local hosts are suggested with `http://`, others with `https://`.
    static func webAddressWithoutScheme(_ text: String) -> String? {
        let lower = text.lowercased()
        for scheme in ["https", "http"] where lower.hasPrefix(scheme + "//") {
            let rest = text.dropFirst(scheme.count + 2)
            return rest.isEmpty ? nil : "\(scheme)://\(rest)"
        }
        let slash = text.firstIndex(of: "/")
        let authority = String(text[..<(slash ?? text.endIndex)])
        var host = Substring(authority)
        var hasPort = false
        if let colon = authority.lastIndex(of: ":") {
            let port = authority[authority.index(after: colon)...]
            guard !port.isEmpty, port.count <= 5, port.allSatisfy(\.isASCII), port.allSatisfy(\.isNumber) else { return nil }
            host = authority[..<colon]
            hasPort = true
        }
        let labels = host.split(separator: ".", omittingEmptySubsequences: false)
        let isIPv4 = labels.count == 4 && labels.allSatisfy { !$0.isEmpty && $0.count <= 3 && $0.allSatisfy { $0.isASCII && $0.isNumber } }
        let isLocal = host.lowercased() == "localhost" || isIPv4
        let fileExtensions: Set<String> = ["xml", "rss", "atom", "rdf", "json", "html", "htm", "txt", "feed"]
        let isDomain =
            labels.count >= 2
            && labels.allSatisfy { label in
                !label.isEmpty && label.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
            }
            && (labels.last.map { $0.count >= 2 && $0.allSatisfy(\.isLetter) } ?? false)
        guard isLocal || isDomain else { return nil }
        // `feed.xml` alone is a file name, not a host: a domain needs a path or a port after it.
        if !isLocal && slash == nil && !hasPort && fileExtensions.contains(String(labels.last ?? "").lowercased()) { return nil }
        if !isLocal && slash == nil && !hasPort && labels.count < 2 { return nil }
        return (isLocal ? "http://" : "https://") + text
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
