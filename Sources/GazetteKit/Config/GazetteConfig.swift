import Foundation

/// Everything `feeds.json` says: the site, its sections and the sources that feed them.
public struct GazetteConfig: Sendable, Hashable {
    public var site: SiteConfig
    /// Sections in the order `feeds.json` lists them.
    public var sections: [SectionConfig]
    public var feeds: [FeedConfig]
    /// The folder `feeds.json` lives in: relative feed paths, the default output folder and
    /// database are resolved against it.
    public var baseDirectory: URL
    /// Run-wide settings from the optional `defaults` object (interval, output folder, database).
    public var defaults: ConfigDefaults

    public init(
        site: SiteConfig, sections: [SectionConfig], feeds: [FeedConfig], baseDirectory: URL,
        defaults: ConfigDefaults? = nil
    ) {
        self.site = site
        self.sections = sections
        self.feeds = feeds
        self.baseDirectory = baseDirectory
        self.defaults = defaults ?? ConfigDefaults(baseDirectory: baseDirectory)
    }

    /// The section with this id, if the configuration declares it.
    public func section(_ id: String) -> SectionConfig? { sections.first { $0.id == id } }

    /// Minimum seconds between fetches of `feed`: its own `interval`, else `defaults.interval`.
    public func interval(for feed: FeedConfig) -> TimeInterval { feed.interval ?? defaults.interval }
}

/// The published site: where the output files are served, and how the feeds name their publisher.
public struct SiteConfig: Sendable, Hashable {
    public var title: String
    /// The public URL the output folder is served at (ends with `/`).
    public var url: URL
    public var author: String?
    public var description: String?
    public var icon: URL?
    public var logo: URL?
    /// WebSub hubs (`site.hubs`): every feed names them as `rel="hub"`, and a run that changed a
    /// section notifies each one.
    public var hubs: [URL]
    /// The language of the published feeds and index page (`site.language`, a BCP 47 tag such as `en-GB`).
    public var language: String?

    public init(
        title: String, url: URL, author: String? = nil, description: String? = nil, icon: URL? = nil, logo: URL? = nil,
        hubs: [URL] = [], language: String? = nil
    ) {
        self.title = title
        self.url = url
        self.author = author
        self.description = description
        self.icon = icon
        self.logo = logo
        self.hubs = hubs
        self.language = language
    }
}

/// One published section (one Atom file): its identity, limits and routing rules.
public struct SectionConfig: Sendable, Hashable {
    /// The key in `feeds.json`; also the output file name (`<id>.xml`).
    public var id: String
    public var title: String
    public var description: String?
    /// At most this many entries in the published feed (default 50).
    public var maxEntries: Int
    /// At most this many entries from any single source (default 10).
    public var maxPerSource: Int
    /// Items from any source that match go to this section too.
    public var route: KeywordFilter?
    /// The section's language (BCP 47), when it differs from `site.language`.
    public var language: String?

    public init(
        id: String, title: String, description: String? = nil, maxEntries: Int = 50, maxPerSource: Int = 10, route: KeywordFilter? = nil,
        language: String? = nil
    ) {
        self.id = id
        self.title = title
        self.description = description
        self.maxEntries = maxEntries
        self.maxPerSource = maxPerSource
        self.route = route
        self.language = language
    }
}

/// Case-insensitive whole-word keyword rules on an item's title, summary and categories.
///
/// An item passes when it mentions no `exclude` keyword, and either the rule has no `include` and no
/// `categories`, or it mentions an `include` keyword or carries one of the `categories`.
/// See `KeywordFilter+Matching.swift` for the word-boundary rules.
public struct KeywordFilter: Sendable, Hashable, Codable {
    /// The item must mention at least one of these (empty: no requirement).
    public var include: [String] { didSet { compiled = CompiledKeywords(self) } }
    /// The item must mention none of these.
    public var exclude: [String] { didSet { compiled = CompiledKeywords(self) } }
    /// Categories that route/admit an item outright (case-insensitive exact match).
    public var categories: [String] { didSet { compiled = CompiledKeywords(self) } }
    /// The keywords normalized once, so matching per item per section stays cheap.
    private(set) var compiled: CompiledKeywords

    public init(include: [String] = [], exclude: [String] = [], categories: [String] = []) {
        self.include = include
        self.exclude = exclude
        self.categories = categories
        compiled = CompiledKeywords()
        compiled = CompiledKeywords(self)
    }

    private enum CodingKeys: String, CodingKey { case include, exclude, categories }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            include: try container.decodeIfPresent([String].self, forKey: .include) ?? [],
            exclude: try container.decodeIfPresent([String].self, forKey: .exclude) ?? [],
            categories: try container.decodeIfPresent([String].self, forKey: .categories) ?? [])
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(include, forKey: .include)
        try container.encode(exclude, forKey: .exclude)
        try container.encode(categories, forKey: .categories)
    }

    public static func == (lhs: KeywordFilter, rhs: KeywordFilter) -> Bool {
        lhs.include == rhs.include && lhs.exclude == rhs.exclude && lhs.categories == rhs.categories
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(include)
        hasher.combine(exclude)
        hasher.combine(categories)
    }
}

/// One source in `feeds.json`: a feed URL (or local path), or an HTML page with scraping rules.
public struct FeedConfig: Sendable, Hashable {
    /// Exactly as written in `feeds.json`; the feed's key in the store.
    public var key: String
    /// The resolved location: an http(s) URL or a `file://` URL (relative paths resolved against feeds.json's folder).
    public var url: URL
    /// The sections this source feeds (at least one).
    public var sections: [String]
    public var name: String?
    /// Minimum seconds between fetches (default: the run's default interval).
    public var interval: TimeInterval?
    /// Extra request headers (API tokens, Basic auth).
    public var headers: [String: String]
    /// At most this many entries from this source in any section.
    public var maxEntries: Int?
    /// Only items passing this filter are kept from this source.
    public var filter: KeywordFilter?
    /// Set for HTML listing pages scraped with XPath rules.
    public var html: HTMLRule?

    public init(
        key: String, url: URL, sections: [String], name: String? = nil, interval: TimeInterval? = nil,
        headers: [String: String] = [:], maxEntries: Int? = nil, filter: KeywordFilter? = nil, html: HTMLRule? = nil
    ) {
        self.key = key
        self.url = url
        self.sections = sections
        self.name = name
        self.interval = interval
        self.headers = headers
        self.maxEntries = maxEntries
        self.filter = filter
        self.html = html
    }
}

/// XPath 1.0 rules that turn an HTML listing page into items (FreshRSS's "HTML + XPath" idea).
public struct HTMLRule: Sendable, Hashable, Codable {
    /// Selects each item's node.
    public var item: String
    /// Relative to the item node.
    public var title: String?
    public var link: String?
    public var summary: String?
    public var author: String?
    public var date: String?
    /// A Unicode date pattern such as `dd MMMM yyyy`; when absent common forms are tried.
    public var dateFormat: String?
    public var category: String?
    /// A regular expression with a capture group applied to the author text (e.g. `^By (.+?) \\|`).
    public var authorPattern: String?
    /// A regular expression with a capture group applied to the date text.
    public var datePattern: String?

    public init(
        item: String, title: String? = nil, link: String? = nil, summary: String? = nil, author: String? = nil,
        date: String? = nil, dateFormat: String? = nil, category: String? = nil, authorPattern: String? = nil,
        datePattern: String? = nil
    ) {
        self.item = item
        self.title = title
        self.link = link
        self.summary = summary
        self.author = author
        self.date = date
        self.dateFormat = dateFormat
        self.category = category
        self.authorPattern = authorPattern
        self.datePattern = datePattern
    }
}
