/// A publish-time tripwire for the store's promise that article HTML is already sanitized: HTML
/// that still carries obviously active markup is published as visible text instead of markup.
///
/// Not a sanitizer (that is `HTMLSanitizer`, applied when items are parsed): it only catches HTML
/// that never went through it, such as rows written by an older version, so that even then no
/// published file hands a reader a script. It errs towards false negatives on obfuscated markup and
/// false positives only on text that literally contains markup-like patterns.
enum UnsanitizedHTMLGuard {
    /// Elements an allow-list sanitizer never keeps and that run code or change the page.
    static let activeElements = [
        "<script", "<iframe", "<frame", "<object", "<embed", "<applet", "<form", "<base", "<meta", "<link",
        "<svg", "<math", "<style",
    ]

    /// True when `html` contains an active element, or a start tag with an event-handler attribute
    /// (`onload=`…) or an attribute value with a `javascript:`, `vbscript:` or `data:` URL
    /// (raster `data:image/…` excepted). Text
    /// outside tags that merely mentions these never counts.
    static func looksActive(_ html: String) -> Bool {
        let lower = html.lowercased()
        if activeElements.contains(where: { lower.contains($0) }) { return true }
        if lower.contains(eventHandler) { return true }
        return lower.contains(scriptURLAttribute)
    }

    /// Publishes `html` as safe HTML: itself when it looks sanitized, else its source escaped as text
    /// in a paragraph (readers show the markup as characters; nothing is lost, nothing runs).
    static func guarded(_ html: String) -> String {
        looksActive(html) ? "<p>" + XMLWriter.escapeText(html) + "</p>" : html
    }

    /// Inside a start tag: an `on…=` attribute.
    nonisolated(unsafe) private static let eventHandler = /<[a-z][^>]*[\s\/"'`]on[a-z]+\s*=/
    /// Inside a start tag: an attribute whose value starts with a script or data URL.
    nonisolated(unsafe) private static let scriptURLAttribute = /<[a-z][^>]*=\s*["'`]?\s*(?:(?:javascript|vbscript|livescript):|data:(?!image\/(?:png|gif|jpeg|jpg|webp|avif)[;,]))/
}
