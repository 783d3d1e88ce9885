import Foundation

/// Why one feed could not be fetched, typed for the run and worded for the user (URL, cause, remedy).
public enum FetchFailure: Error, Sendable, Hashable, CustomStringConvertible {
    /// The server answered an error status (404, 500, 429…); `retryAfter` when it said when to come back.
    case httpStatus(Int, url: URL, retryAfter: TimeInterval? = nil)
    /// The feed took longer than the per-feed total time limit (a slow or trickling server).
    case timeout(seconds: TimeInterval, url: URL)
    /// No progress for `requestTimeout` seconds (connect, headers or body stalled).
    case requestTimeout(seconds: TimeInterval, url: URL)
    /// The decoded body grew past the size limit (huge, endless or a decompression bomb).
    case tooLarge(limit: Int, url: URL)
    /// A redirect led back to a URL already visited in this chain.
    case redirectLoop(url: URL)
    /// More redirect hops than the policy allows.
    case tooManyRedirects(limit: Int, url: URL)
    /// A 3xx answer without a usable `Location`.
    case badRedirect(status: Int, location: String?, url: URL)
    /// Connection refused or reset, DNS failure, TLS error…
    case network(message: String, url: URL)
    /// A `file://` feed that does not exist.
    case fileNotFound(path: String)
    /// A `file://` feed that exists but cannot be read (a folder, no permission…).
    case fileUnreadable(path: String, message: String)
    /// A URL scheme Gazette does not fetch (only http, https and file).
    case unsupportedScheme(url: URL)
    /// The URL answered an HTML page that links no feed.
    case noFeedInPage(url: URL)
    /// The server answered success with an empty body (200 with nothing, or 204).
    case emptyBody(status: Int, url: URL)

    /// The HTTP status involved, 0 for network-level failures (stored as `lastStatus`).
    public var status: Int {
        switch self {
        case .httpStatus(let code, _, _): code
        case .badRedirect(let code, _, _): code
        case .noFeedInPage: 200
        case .emptyBody(let code, _): code
        default: 0
        }
    }

    /// What the user reads in the run report and `lastError`: where, then what happened.
    public var description: String { "\(location): \(reason)" }

    /// The URL (or, for local files, the path) that failed.
    public var location: String {
        switch self {
        case .httpStatus(_, let url, _), .timeout(_, let url), .requestTimeout(_, let url), .tooLarge(_, let url),
            .redirectLoop(let url), .tooManyRedirects(_, let url), .badRedirect(_, _, let url), .network(_, let url),
            .unsupportedScheme(let url), .noFeedInPage(let url), .emptyBody(_, let url):
            url.absoluteString
        case .fileNotFound(let path), .fileUnreadable(let path, _): path
        }
    }

    /// What happened, in plain words, without the URL (the run names the feed once, before it).
    public var reason: String { reason(listedInFeedsJSON: true) }

    /// What happened; `listedInFeedsJSON` false words the remedy for an address not in the file yet (`gazette add`).
    public func reason(listedInFeedsJSON listed: Bool) -> String {
        switch self {
        case .httpStatus(let code, _, let retryAfter):
            let wait = retryAfter.map { "; it asked to retry after \(Int($0)) s" } ?? ""
            return "the server answered \(code) \(Self.reason(code))\(wait)" + Self.advice(code, listed: listed)
        case .timeout(let seconds, _):
            return "gave up after \(Self.seconds(seconds)) (the per-feed time limit); "
                + "the server is too slow or never finished the response"
        case .requestTimeout(let seconds, _):
            return "no response for \(Self.seconds(seconds)) (request timeout); the server may be down or overloaded"
        case .tooLarge(let limit, _):
            return "the body is larger than the \(Self.bytes(limit)) limit "
                + "(counted after decompression); raise maxBodyBytes if this feed is really that big"
        case .redirectLoop:
            return "redirect loop (this URL was already visited in the chain); the site is misconfigured"
        case .tooManyRedirects(let limit, _):
            return "more than \(limit) redirects; " + (listed ? "use the final feed URL in feeds.json" : "use the final address")
        case .badRedirect(let status, let location, _):
            let target = location.map { "an unusable Location '\($0)'" } ?? "no Location header"
            return "redirect \(status) with \(target)"
        case .network(let message, _):
            return message
        case .fileNotFound:
            return listed
                ? "no such file; check the path in feeds.json (relative paths start at feeds.json's folder)"
                : "no such file (relative paths start at feeds.json's folder)"
        case .fileUnreadable(_, let message):
            return "cannot read the file: \(message)"
        case .unsupportedScheme:
            return "only http://, https:// and file:// URLs can be fetched"
        case .noFeedInPage:
            return "this is an HTML page and it links no RSS, Atom or JSON feed; use the feed's own URL"
        case .emptyBody(let status, _):
            return "the server answered \(status) with an empty body; the feed may be temporarily broken"
        }
    }

    /// True when the failure says the host itself could not be reached (refused, unknown, no answer),
    /// so every feed on that host fails the same way and a run reports them together.
    public var isHostUnreachable: Bool {
        switch self {
        case .requestTimeout: true
        case .network(let message, _): Self.unreachableMessages.contains(message)
        default: false
        }
    }

    static let connectionRefused = "could not connect (connection refused); is the server up?"
    static let hostNotFound = "host not found; check the domain name in feeds.json"
    static let unreachableMessages: Set<String> = [connectionRefused, hostNotFound]

    static func reason(_ code: Int) -> String {
        switch code {
        case 400: "Bad Request"
        case 401: "Unauthorized"
        case 403: "Forbidden"
        case 404: "Not Found"
        case 405: "Method Not Allowed"
        case 406: "Not Acceptable"
        case 408: "Request Timeout"
        case 410: "Gone"
        case 429: "Too Many Requests"
        case 500: "Internal Server Error"
        case 501: "Not Implemented"
        case 502: "Bad Gateway"
        case 503: "Service Unavailable"
        case 504: "Gateway Timeout"
        default: code >= 500 ? "(server error)" : code >= 400 ? "(client error)" : "(unexpected status)"
        }
    }

    static func advice(_ code: Int, listed: Bool = true) -> String {
        switch code {
        case 401, 403: "; the feed may need credentials (headers in feeds.json)"
        case 404, 410: listed ? "; check the URL in feeds.json" : "; check the address (does it open in a browser?)"
        case 429, 503: "; Gazette will wait before trying again"
        case 500...599: "; Gazette will retry later with back-off"
        default: ""
        }
    }

    static func seconds(_ value: TimeInterval) -> String {
        value >= 1 && value == value.rounded() ? "\(Int(value)) s" : String(format: "%.2f s", value)
    }

    static func bytes(_ count: Int) -> String {
        if count >= 1 << 20, count % (1 << 20) == 0 { return "\(count >> 20) MiB" }
        if count >= 1 << 10, count % (1 << 10) == 0 { return "\(count >> 10) KiB" }
        return "\(count)-byte"
    }
}
