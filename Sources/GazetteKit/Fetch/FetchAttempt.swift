import Foundation

/// What one fetch learned, before it is folded into the stored state (internal to the fetcher).
struct FetchAttempt: Sendable {
    var outcome: FetchOutcome
    /// Status of the final response (0 for network-level failures).
    var status: Int
    /// Validators of the final response (200 or 304).
    var etag: String?
    var lastModified: String?
    /// `Cache-Control: max-age` of the final response.
    var maxAge: TimeInterval?
    /// `Retry-After` of a 429/503.
    var retryAfter: TimeInterval?
    /// Target of an all-permanent redirect chain.
    var permanentRedirect: URL?
    /// Feeds found when the URL answered an HTML page.
    var discovered: [DiscoveredFeed] = []

    init(outcome: FetchOutcome, status: Int) {
        self.outcome = outcome
        self.status = status
    }

    init(failure: FetchFailure) {
        self.init(outcome: .failed(failure), status: failure.status)
        if case .httpStatus(_, _, let retryAfter) = failure { self.retryAfter = retryAfter }
    }

    /// Turns `.fetched` into `.unchanged` when its body hashes to `previousHash`.
    mutating func markUnchanged(ifHashEquals previousHash: String?) {
        if case .fetched(let document) = outcome, let previousHash, document.bodyHash == previousHash {
            outcome = .unchanged
        }
    }
}
