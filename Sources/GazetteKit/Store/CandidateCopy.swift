import Foundation

/// What the content rule and the candidate index need of one feed's copy of an entry: its date,
/// its text and its `CandidateKeys`, computed once per copy. The text's `TextFingerprint` is only
/// built when a candidate is compared (`fingerprint()`): most new copies have none.
struct CandidateCopy {
    /// Published, else updated, else when Gazette first saw the copy.
    let date: Date
    /// The title (empty when none).
    let title: String
    /// The plain text of the richer of content and summary.
    let plainText: String
    /// The keys the copy is indexed by in `candidate_key`.
    let keys: CandidateKeys

    init(item: FeedItem, seen: Date, rule: DuplicateRule) {
        self.init(item: item, titleForms: TitleKey.forms(item.title ?? ""), seen: seen, rule: rule)
    }

    /// The copy of an entry whose `EntryIdentity` already normalized its title.
    init(item: FeedItem, identity: EntryIdentity, seen: Date, rule: DuplicateRule) {
        let forms = TitleKey.forms(item.title ?? "", normalized: identity.titleKey, core: identity.titleCore)
        self.init(item: item, titleForms: forms, seen: seen, rule: rule)
    }

    private init(item: FeedItem, titleForms: Set<String>, seen: Date, rule: DuplicateRule) {
        date = item.published ?? item.updated ?? seen
        title = item.title ?? ""
        plainText = TextFingerprint.plainText(fromHTML: Self.richerText(item.content, item.summary))
        keys = CandidateKeys(titleForms: titleForms, plainText: plainText, rule: rule)
    }

    /// The text's fingerprint.
    func fingerprint() -> TextFingerprint {
        TextFingerprint(plainText: plainText)
    }

    /// The longer of content and summary (content on ties), the text the rule compares.
    static func richerText(_ content: String?, _ summary: String?) -> String {
        let content = content ?? ""
        let summary = summary ?? ""
        return content.utf8.count >= summary.utf8.count ? content : summary
    }
}
