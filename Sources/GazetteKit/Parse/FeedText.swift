import Foundation

/// Turns raw element text into what the model promises: plain-text titles and sanitized HTML bodies.
///
/// Fast paths matter here (this runs for every field of every item): text with no `<` and no `&`
/// never reaches libxml2's HTML parser.
struct FeedText {
    let sanitizer = HTMLSanitizer()
    private var lastBase: (string: String, url: URL?) = ("", nil)

    /// Plain text for a title-like field: entities decoded, markup removed (when it is HTML), whitespace collapsed.
    func plain(_ value: TextValue) -> String {
        switch value.kind {
        case .text:
            return Self.collapseWhitespace(value.raw)
        case .sniff, .html:
            if !Self.mayContainMarkup(value.raw) { return Self.collapseWhitespace(value.raw) }
            if value.kind == .sniff && !Self.looksLikeHTML(value.raw) { return Self.collapseWhitespace(value.raw) }
            return Self.collapseWhitespace(sanitizer.plainText(fromHTML: value.raw))
        }
    }

    /// Sanitized HTML for a summary or content field; plain text is HTML-escaped.
    mutating func html(_ value: TextValue) -> String {
        switch value.kind {
        case .text:
            return Self.mayNeedEscaping(value.raw) ? HTMLSanitizer.escape(value.raw) : value.raw
        case .sniff, .html:
            if !Self.mayContainMarkup(value.raw) { return value.raw }
            return sanitizer.sanitize(value.raw, baseURL: url(for: value.base))
        }
    }

    private mutating func url(for base: String) -> URL? {
        if base == lastBase.string { return lastBase.url }
        let url = base.isEmpty ? nil : URL(string: base)
        lastBase = (base, url)
        return url
    }

    /// True when the text has a `<` or `&`, i.e. might hold markup or references.
    static func mayContainMarkup(_ s: String) -> Bool {
        s.utf8.contains { $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: "&") }
    }

    static func mayNeedEscaping(_ s: String) -> Bool {
        s.utf8.contains { $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: ">") || $0 == UInt8(ascii: "\"") }
    }

    /// feedparser's heuristic: a tag (`<b>`, `</p>`, `<br/>`) or a character reference (`&amp;`, `&#8217;`).
    static func looksLikeHTML(_ s: String) -> Bool {
        let bytes = Array(s.utf8)
        var i = 0
        while i < bytes.count {
            let c = bytes[i]
            if c == UInt8(ascii: "<"), i + 1 < bytes.count {
                let n = bytes[i + 1]
                if (n | 0x20) >= 0x61 && (n | 0x20) <= 0x7A || n == UInt8(ascii: "/") || n == UInt8(ascii: "!") {
                    return true
                }
            } else if c == UInt8(ascii: "&") {
                var j = i + 1
                if j < bytes.count && bytes[j] == UInt8(ascii: "#") { j += 1 }
                let start = j
                while j < bytes.count && j - start < 32 {
                    let d = bytes[j]
                    if (d | 0x20) >= 0x61 && (d | 0x20) <= 0x7A || (d >= 0x30 && d <= 0x39) { j += 1 } else { break }
                }
                if j > start && j < bytes.count && bytes[j] == UInt8(ascii: ";") { return true }
            }
            i += 1
        }
        return false
    }

    /// Collapses runs of whitespace to one space and trims both ends (no copy when already clean).
    static func collapseWhitespace(_ s: String) -> String {
        var clean = true
        var previousSpace = true
        for c in s.utf8 {
            let space = c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D || c == 0x0C
            if space && (previousSpace || c != 0x20) { clean = false; break }
            previousSpace = space
        }
        if clean && !previousSpace { return s }
        if clean && s.isEmpty { return s }
        var out: [UInt8] = []
        out.reserveCapacity(s.utf8.count)
        var pendingSpace = false
        for c in s.utf8 {
            if c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D || c == 0x0C {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.append(0x20) }
                pendingSpace = false
                out.append(c)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
