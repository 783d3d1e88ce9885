import Foundation

/// Makes untrusted HTML from feeds safe to republish, using libxml2's HTML parser and an allow-list.
///
/// Removes scripts, styles, event handlers, dangerous URLs, forms, embeds, tracking pixels;
/// resolves relative `href`/`src` against `baseURL`; always keeps the text.
public struct HTMLSanitizer: Sendable {
    public init() {}

    /// Returns sanitized HTML for `html`, with relative URLs resolved against `baseURL`.
    public func sanitize(_ html: String, baseURL: URL?) -> String {
        // TODO(sanitizer): implemented by the sanitizer work.
        html
    }

    /// Returns the text of an HTML fragment: markup removed, entities decoded, whitespace collapsed.
    /// Used for titles, which Gazette always keeps as plain text.
    public func plainText(fromHTML html: String) -> String {
        // TODO(sanitizer): implemented by the sanitizer work.
        html
    }

    /// Escapes plain text for inclusion in HTML (`&`, `<`, `>`, `"`).
    public static func escape(_ text: String) -> String {
        // TODO(sanitizer): implemented by the sanitizer work.
        text
    }
}
