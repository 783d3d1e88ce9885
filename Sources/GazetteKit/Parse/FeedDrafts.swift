import Foundation

/// How the text of an element is to be read: a feed's element tells us (Atom `type`) or we guess (RSS).
enum TextKind: UInt8, Sendable {
    /// RSS-style: HTML if it looks like HTML, otherwise plain text.
    case sniff
    /// Plain text: markup characters are literal.
    case text
    /// HTML source (escaped HTML in the feed, or inline markup we re-serialized).
    case html
}

/// The raw value of a text element, with how to read it and the base URL in force where it appeared.
///
/// Summaries and contents keep the bytes the parser gathered: they go to the sanitizer, which
/// reads bytes, so building (and validating) a `String` of every body first would be wasted work.
struct TextValue: Sendable {
    /// Where the text lives: a `String`, or UTF-8 bytes not yet made into one.
    enum Storage: Sendable {
        case string(String)
        case bytes([UInt8])
    }

    var storage: Storage
    var kind: TextKind
    var base: String

    init(raw: String, kind: TextKind, base: String) {
        self.storage = .string(raw)
        self.kind = kind
        self.base = base
    }

    /// `bytes` must be valid UTF-8 (the parser's text always is).
    init(utf8 bytes: [UInt8], kind: TextKind, base: String) {
        self.storage = .bytes(bytes)
        self.kind = kind
        self.base = base
    }

    /// The text as a `String`.
    var raw: String {
        switch storage {
        case .string(let string): string
        case .bytes(let bytes): String(decoding: bytes, as: UTF8.self)
        }
    }

    /// Calls `body` with the text's UTF-8 bytes.
    func withUTF8<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        switch storage {
        case .string(var string): string.withUTF8(body)
        case .bytes(let bytes): bytes.withUnsafeBufferPointer(body)
        }
    }
}

/// A value chosen among several elements by precedence (e.g. `content:encoded` over `description`).
struct Ranked<Value> {
    private(set) var value: Value?
    private var rank: Int8 = -1

    /// Keeps `candidate` if its rank beats the current one (the first of equal ranks wins).
    mutating func offer(_ candidate: Value, rank newRank: Int8) {
        if newRank > rank {
            value = candidate
            rank = newRank
        }
    }

    /// Keeps `candidate` unless a better-ranked value is already there (the last of equal ranks wins,
    /// as feedparser does for repeated date elements).
    mutating func overwrite(_ candidate: Value, rank newRank: Int8) {
        if newRank >= rank {
            value = candidate
            rank = newRank
        }
    }
}

/// An author being read from an Atom `<author>` / `<contributor>` element.
struct PersonDraft: Sendable {
    var name: String?
    var email: String?
    var uri: String?

    var person: Person? {
        if name == nil && email == nil && uri == nil { return nil }
        return Person(name: name, email: email, uri: uri)
    }
}

/// Everything collected about one entry while its element is open.
struct ItemDraft {
    var guid: String?
    var guidIsPermaLink = true
    var atomID: String?
    var rdfAbout: String?
    var title = Ranked<TextValue>()
    var link = Ranked<String>()
    var originalLink: String?
    var published = Ranked<String>()
    var updated = Ranked<String>()
    var authors: [Person] = []
    var fallbackAuthors: [Person] = []
    var summary = Ranked<TextValue>()
    var content = Ranked<TextValue>()
    var categories: [String] = []
    var enclosures: [Enclosure] = []
    var comments: String?
    var commentsFeed: String?
    var commentCount: Int?
    var image = Ranked<String>()
    var source: EntrySource?

    /// The entry's id when it is a link: an RSS `guid` that is a permalink, or an Atom `id`, with
    /// an `http(s)` URL (feedparser links an entry to either when it has no `<link>`).
    var permalinkID: String? {
        if let guid, guidIsPermaLink, Self.isWebURL(guid) { return guid }
        if let atomID, Self.isWebURL(atomID) { return atomID }
        return nil
    }

    private static func isWebURL(_ s: String) -> Bool { s.hasPrefix("http://") || s.hasPrefix("https://") }
}

/// Everything collected about the feed itself.
struct FeedDraft {
    var title = Ranked<TextValue>()
    var subtitle = Ranked<TextValue>()
    var link = Ranked<String>()
    var feedURL: String?
    var id: String?
    var updated = Ranked<String>()
    var language = Ranked<String>()
    var authors: [Person] = []
    var fallbackAuthors: [Person] = []
    var image = Ranked<String>()
    var generator: String?
    var ttlMinutes: Double?
    var updatePeriod: String?
    var updateFrequency: Double?

    /// `ttl` (minutes), else `sy:updatePeriod` / `sy:updateFrequency`, in seconds.
    var refreshInterval: TimeInterval? {
        if let ttlMinutes, ttlMinutes > 0 { return ttlMinutes * 60 }
        guard updatePeriod != nil || updateFrequency != nil else { return nil }
        let period: Double
        switch updatePeriod?.lowercased() ?? "daily" {
        case "hourly": period = 3600
        case "weekly": period = 7 * 86400
        case "monthly": period = 30 * 86400
        case "yearly": period = 365 * 86400
        default: period = 86400
        }
        let frequency = max(updateFrequency ?? 1, 1)
        return period / frequency
    }
}
