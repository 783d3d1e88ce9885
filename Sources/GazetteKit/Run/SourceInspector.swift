import Foundation

/// Looks at a URL a user wants to add before it goes into `feeds.json`: is it a feed, a page that
/// links to feeds, or a page without feeds that an XPath rule could scrape?
///
/// Powers `gazette add`, which shows what was found and only then edits the file.
public struct SourceInspector: Sendable {
    /// What the URL turned out to be.
    public enum Finding: Sendable {
        /// A feed (possibly found through the page's autodiscovery links: then `alternatives` are all
        /// the feeds the page links, and `chosen` the index of the one taken).
        case feed(url: URL, parsed: ParsedFeed, discoveredFrom: URL?, alternatives: [DiscoveredFeed], chosen: Int)
        /// An HTML page without feed links; `suggestion` is a starting scraping rule when the page has an obvious structure.
        case page(url: URL, suggestion: HTMLRuleSuggestion?)
        /// Nothing usable: the reason says why.
        case failed(reason: String)
        /// `pick` asked for a feed the page does not link (it links `alternatives`).
        case noSuchPick(page: URL, pick: Int, alternatives: [DiscoveredFeed])
    }

    public var policy: FetchPolicy

    public init(policy: FetchPolicy = FetchPolicy()) {
        self.policy = policy
    }

    /// Resolves `text` as `feeds.json` would (URLs, or paths relative to `baseDirectory`).
    /// - Returns: the URL, or a message saying what is wrong with `text` (and a corrected form when obvious).
    public static func resolve(_ text: String, baseDirectory: URL) -> Result<URL, InvalidLocation> {
        FeedLocation.resolve(text, relativeTo: baseDirectory).mapError { problem in
            InvalidLocation(text: text, message: problem.message, suggestion: problem.suggestion)
        }
    }

    /// A source address that cannot be used, as `gazette add` reports it.
    public struct InvalidLocation: Error, Sendable, CustomStringConvertible {
        public var text: String
        public var message: String
        public var suggestion: String?
        public var description: String {
            "\(text): \(message)" + (suggestion.map { " (did you mean \($0)?)" } ?? "")
        }
    }

    /// Fetches `url` and works out what it is; for a page linking several feeds, `pick` (1-based)
    /// says which one to take (default: the first).
    public func inspect(_ url: URL, headers: [String: String] = [:], pick: Int? = nil) async -> Finding {
        var pagePolicy = policy
        pagePolicy.autodiscovery = false
        let fetcher = Fetcher(policy: pagePolicy)
        let first = await fetcher.fetch(FetchRequest(feedKey: url.absoluteString, url: url, headers: headers))
        guard case .fetched(let document) = first.outcome else {
            return .failed(reason: Self.describe(first.outcome, url: url))
        }
        if FeedAutodiscovery.looksLikeHTML(document.body, contentType: document.contentType) {
            let links = FeedAutodiscovery.discover(in: document.body, pageURL: document.finalURL, charset: document.charset)
            guard !links.isEmpty else {
                let suggestion = HTMLRuleSuggester.suggestion(for: document.body, url: document.finalURL, httpCharset: document.charset)
                return .page(url: document.finalURL, suggestion: suggestion)
            }
            let index = (pick ?? 1) - 1
            guard links.indices.contains(index) else {
                return .noSuchPick(page: document.finalURL, pick: pick ?? 1, alternatives: links)
            }
            let chosen = links[index]
            let second = await fetcher.fetch(FetchRequest(feedKey: chosen.url.absoluteString, url: chosen.url, headers: headers))
            guard case .fetched(let feedDocument) = second.outcome else {
                return .failed(
                    reason: "the page links to \(chosen.url.absoluteString), but " + Self.describe(second.outcome, url: chosen.url))
            }
            return parse(feedDocument, discoveredFrom: document.finalURL, alternatives: links, chosen: index)
        }
        return parse(document, discoveredFrom: nil, alternatives: [], chosen: 0)
    }

    private func parse(_ document: FetchedDocument, discoveredFrom: URL?, alternatives: [DiscoveredFeed], chosen: Int) -> Finding {
        do {
            let parsed = try FeedParser().parse(document.body, url: document.finalURL, httpCharset: document.charset)
            return .feed(
                url: document.finalURL, parsed: parsed, discoveredFrom: discoveredFrom, alternatives: alternatives, chosen: chosen)
        } catch {
            return .failed(reason: error.description)
        }
    }

    private static func describe(_ outcome: FetchOutcome, url: URL) -> String {
        switch outcome {
        case .failed(let failure): "\(failure.location): \(failure.reason(listedInFeedsJSON: false))"
        case .gone: "\(url.absoluteString): the server says it is gone (410)"
        case .notModified, .unchanged, .fetched: "\(url.absoluteString): no document was received"
        }
    }
}
