import Foundation

/// How one feed's entry is recognised again in later runs of that feed, and which of its
/// identifiers can be trusted, so an entry is never published twice nor two entries merged.
///
/// Within one feed an entry is the same as a stored one when, in this order:
/// 1. its id matches (exactly, or by `entryKey`: an http(s) id compared as a canonical link, so
///    `http://x/?p=1` and `https://www.x/?p=1` match) — unless the id is unreliable;
/// 2. else its canonical link matches — unless the link is unreliable;
/// 3. else the part of its id or link after the host matches (`hostFreeKeys`) and its normalized
///    title is equal: the feed moved to another host;
/// 4. else the hash of normalized title + published date + content matches (`contentHash`; for an
///    entry with neither title nor text, a hash of its id and link instead).
///
/// An id is unreliable when two entries of the same document carry it but differ in link or
/// title (a feed reusing one guid), or when it is the feed's own site link. A link is unreliable
/// when it is not identifying (a bare home page), is the feed's site link, or is carried by two
/// entries of the document with different titles.
public struct EntryIdentity: Sendable, Hashable {
    /// The id the feed gave (or the parser derived).
    public var entryID: String
    /// `CanonicalLink.entryKey(forID:)` of the id.
    public var entryKey: String
    /// False when the id cannot tell this entry from others (see the type's documentation).
    public var idIsReliable: Bool
    /// Canonical form of the declared original link, else of the link.
    public var canonicalLink: String?
    /// False when the link cannot tell this entry from others.
    public var linkIsReliable: Bool
    /// Path-and-query of the id and of the link, for recognising entries after a host change.
    public var hostFreeKeys: [String]
    /// Digest of normalized title, published date and content: the identity of last resort.
    public var contentHash: String
    /// Digest of everything the feed says about the entry except its id (links in canonical form,
    /// comment counts left out); a change means an update.
    public var copyHash: String
    /// `TitleKey.normalized` of the title.
    public var titleKey: String
    /// `TitleKey.core` of the title.
    public var titleCore: String

    /// The identities of every item of one document, judging reuse across the whole document.
    public static func identities(for items: [FeedItem], siteLink: String?) -> [EntryIdentity] {
        let site = siteLink.flatMap(CanonicalLink.canonicalize)
        var identities = items.map { EntryIdentity(item: $0, site: site) }
        var byID: [String: Set<String>] = [:]
        var byLink: [String: Set<String>] = [:]
        for identity in identities {
            byID[identity.entryKey, default: []].insert((identity.canonicalLink ?? "") + "\u{1F}" + identity.titleKey)
            if let link = identity.canonicalLink { byLink[link, default: []].insert(identity.titleKey) }
        }
        for index in identities.indices {
            if (byID[identities[index].entryKey]?.count ?? 0) > 1 { identities[index].idIsReliable = false }
            if let link = identities[index].canonicalLink, (byLink[link]?.count ?? 0) > 1 {
                identities[index].linkIsReliable = false
            }
        }
        return identities
    }

    /// The identity of one item on its own (no document-wide reuse check).
    public init(item: FeedItem, siteLink: String?) {
        self.init(item: item, site: siteLink.flatMap(CanonicalLink.canonicalize))
    }

    private init(item: FeedItem, site: String?) {
        entryID = item.id
        entryKey = CanonicalLink.entryKey(forID: item.id)
        idIsReliable = !item.id.isEmpty && entryKey != site
        let idLink = CanonicalLink.canonicalize(item.id)
        let link = item.originalLink ?? item.link
        canonicalLink = link == item.id ? idLink : link.flatMap(CanonicalLink.canonicalize)
        linkIsReliable = canonicalLink.map { CanonicalLink.isIdentifying($0) && $0 != site } ?? false
        var hostFree: [String] = []
        if let idLink, let key = CanonicalLink.hostFreeKey(idLink) {
            hostFree.append(key)
        }
        if let link = canonicalLink, linkIsReliable, let key = CanonicalLink.hostFreeKey(link), !hostFree.contains(key) {
            hostFree.append(key)
        }
        hostFreeKeys = hostFree
        let title = item.title ?? ""
        titleKey = TitleKey.normalized(title)
        titleCore = TitleKey.core(title)
        let text = item.content ?? item.summary
        if titleKey.isEmpty && (text ?? "").isEmpty {
            // Nothing to recognise the entry by: never let two empty entries share a hash.
            contentHash = ContentHash.digest(["empty", entryKey, item.link])
        } else {
            contentHash = ContentHash.digest([titleKey, item.published.map(Self.exact), text])
        }
        copyHash = Self.copyHash(of: item)
    }

    private static func exact(_ date: Date) -> String {
        String(date.timeIntervalSinceReferenceDate.bitPattern, radix: 16)
    }

    private static func copyHash(of item: FeedItem) -> String {
        var parts: [String?] = [
            item.title, item.link.map { CanonicalLink.canonicalize($0) ?? $0 },
            item.originalLink.map { CanonicalLink.canonicalize($0) ?? $0 }, item.published.map(exact), item.updated.map(exact),
            item.summary, item.content, item.image,
        ]
        parts.append(item.categories.joined(separator: "\u{1E}"))
        parts.append(item.authors.map { "\($0.name ?? "")\u{1D}\($0.email ?? "")\u{1D}\($0.uri ?? "")" }.joined(separator: "\u{1E}"))
        parts.append(
            item.enclosures.map { "\($0.url)\u{1D}\($0.type ?? "")\u{1D}\($0.length.map(String.init) ?? "")" }.joined(separator: "\u{1E}"))
        return ContentHash.digest(parts)
    }
}
