import Foundation

/// What the content rule and the candidate index need of one feed's copy of an entry: its date,
/// its text's fingerprint and its `CandidateKeys`, computed once per copy.
struct CandidateCopy {
    /// Published, else updated, else when Gazette first saw the copy.
    let date: Date
    /// The fingerprint of the richer of content and summary.
    let text: TextFingerprint
    /// The keys the copy is indexed by in `candidate_key`.
    let keys: CandidateKeys

    init(item: FeedItem, seen: Date, rule: DuplicateRule) {
        date = item.published ?? item.updated ?? seen
        text = TextFingerprint(html: Self.richerText(item.content, item.summary))
        keys = CandidateKeys(title: item.title ?? "", text: text, rule: rule)
    }

    /// The longer of content and summary (content on ties), the text the rule compares.
    static func richerText(_ content: String?, _ summary: String?) -> String {
        let content = content ?? ""
        let summary = summary ?? ""
        return content.utf8.count >= summary.utf8.count ? content : summary
    }
}
