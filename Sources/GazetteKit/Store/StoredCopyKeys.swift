import GRDB

/// The keys a stored copy (or a tombstone) is recognised by, and the guard that stops one shared
/// key from matching two different entries.
struct StoredCopyKeys {
    static let columns = """
        id, articleId, entryID, entryKey, idIsReliable, canonicalLink, linkIsReliable, titleKey, \
        contentHash, copyHash
        """

    var rowID: Int64
    var articleID: String
    var entryID: String
    var entryKey: String
    var idIsReliable: Bool
    var canonicalLink: String?
    var linkIsReliable: Bool
    var titleKey: String
    var contentHash: String
    /// The copy's digest (empty for tombstones, which keep none).
    var copyHash: String

    init(row: Row) {
        rowID = row["id"]
        articleID = row["articleId"]
        entryID = row["entryID"]
        entryKey = row["entryKey"]
        idIsReliable = row["idIsReliable"]
        canonicalLink = row["canonicalLink"]
        linkIsReliable = row["linkIsReliable"]
        titleKey = row["titleKey"]
        contentHash = row["contentHash"]
        copyHash = row["copyHash"] ?? ""
    }

    /// Whether a stored copy sharing the entry's id is the same entry: not when both the link and
    /// the title differ (the feed reuses one id for different entries).
    func sameEntryByID(_ identity: EntryIdentity) -> Bool {
        let linksDiffer = linkIsReliable && identity.linkIsReliable && canonicalLink != identity.canonicalLink
        return !(linksDiffer && titleKey != identity.titleKey)
    }

    /// Whether a stored copy sharing the entry's link is the same entry: not when both the id and
    /// the title differ (the feed reuses one link, e.g. a "latest news" page).
    func sameEntryByLink(_ identity: EntryIdentity) -> Bool {
        let idsDiffer = idIsReliable && identity.idIsReliable && entryKey != identity.entryKey
        return !(idsDiffer && titleKey != identity.titleKey)
    }

    /// The best of `candidates` sharing the entry's id: same link first, then same title, then oldest.
    static func bestByID(_ candidates: [StoredCopyKeys], for identity: EntryIdentity) -> StoredCopyKeys? {
        let plausible = candidates.filter { $0.sameEntryByID(identity) }
        return plausible.first { $0.canonicalLink == identity.canonicalLink && $0.titleKey == identity.titleKey }
            ?? plausible.first { $0.canonicalLink == identity.canonicalLink }
            ?? plausible.first { $0.titleKey == identity.titleKey }
            ?? plausible.first
    }
}
