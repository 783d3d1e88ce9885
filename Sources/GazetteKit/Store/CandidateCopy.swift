import Foundation

/// What the content rule and the candidate index need of one feed's copy of an entry: its date,
/// its text and its `CandidateKeys`, computed once per copy (the text's fingerprint only when the
/// text is long enough for body keys; else when a candidate is compared, by `fingerprint()`).
struct CandidateCopy {
    /// Published, else updated, else when Gazette first saw the copy.
    let date: Date
    /// The title (empty when none).
    let title: String
    /// The richer of content and summary.
    let html: String
    /// The text's fingerprint, when computed for body keys.
    let text: TextFingerprint?
    /// The keys the copy is indexed by in `candidate_key`.
    let keys: CandidateKeys

    init(item: FeedItem, seen: Date, rule: DuplicateRule) {
        date = item.published ?? item.updated ?? seen
        title = item.title ?? ""
        html = Self.richerText(item.content, item.summary)
        text = CandidateKeys.mayHaveBodyKeys(html, rule: rule) ? TextFingerprint(html: html) : nil
        keys = CandidateKeys(title: title, text: text, rule: rule)
    }

    /// The text's fingerprint.
    func fingerprint() -> TextFingerprint {
        text ?? TextFingerprint(html: html)
    }

    /// The longer of content and summary (content on ties), the text the rule compares.
    static func richerText(_ content: String?, _ summary: String?) -> String {
        let content = content ?? ""
        let summary = summary ?? ""
        return content.utf8.count >= summary.utf8.count ? content : summary
    }
}
