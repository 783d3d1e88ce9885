import Foundation

/// What fetching one feed came to; the run parses only `.fetched`.
public enum FetchOutcome: Sendable, Hashable {
    /// A new body to parse.
    case fetched(FetchedDocument)
    /// The server answered 304: the stored articles stand, nothing to parse.
    case notModified
    /// The server answered 200 with the very body parsed last time (same SHA-256): nothing to parse.
    case unchanged
    /// The feed failed this time; the others go on. The state records the back-off.
    case failed(FetchFailure)
    /// The server answered 410 Gone: stop polling and tell the user.
    case gone

    /// The new document, when there is one.
    public var document: FetchedDocument? {
        if case .fetched(let document) = self { return document }
        return nil
    }

    /// The failure, when the fetch failed.
    public var failure: FetchFailure? {
        if case .failed(let failure) = self { return failure }
        return nil
    }

    /// True for the outcomes that count as a healthy feed (fetched, not modified, unchanged).
    public var isSuccess: Bool {
        switch self {
        case .fetched, .notModified, .unchanged: true
        case .failed, .gone: false
        }
    }
}

/// A feed body as it arrived, with what the parser needs to know about it.
public struct FetchedDocument: Sendable, Hashable {
    /// The decoded (decompressed) body bytes.
    public var body: Data
    /// Where the body came from after redirects and autodiscovery (resolves relative links).
    public var finalURL: URL
    /// The media type of `Content-Type`, lower-cased, without parameters (`application/rss+xml`).
    public var contentType: String?
    /// The `charset` parameter of `Content-Type`, for the parser to prefer over guessing.
    public var charset: String?
    /// HTTP status (200 for local files).
    public var status: Int
    /// The HTML page this feed was discovered from, when the configured URL was a page.
    public var discoveredFrom: URL?
    /// SHA-256 of `body`, lower-case hex (stored to recognise an identical body next time).
    public var bodyHash: String

    public init(
        body: Data, finalURL: URL, contentType: String? = nil, charset: String? = nil, status: Int = 200,
        discoveredFrom: URL? = nil, bodyHash: String? = nil
    ) {
        self.body = body
        self.finalURL = finalURL
        self.contentType = contentType
        self.charset = charset
        self.status = status
        self.discoveredFrom = discoveredFrom
        self.bodyHash = bodyHash ?? BodyHash.sha256Hex(body)
    }
}
