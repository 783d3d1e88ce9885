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
    /// (raster `data:image/…` excepted). Text outside tags that merely mentions these never counts.
    static func looksActive(_ html: String) -> Bool {
        let bytes = Array(html.utf8).map { ($0 >= 0x41 && $0 <= 0x5A) ? $0 + 0x20 : $0 }
        var index = 0
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "<") else {
                index += 1
                continue
            }
            let tagEnd = bytes[index...].firstIndex(of: UInt8(ascii: ">")) ?? bytes.count
            let tag = bytes[index..<tagEnd]
            if activeElements.contains(where: { tag.starts(with: $0.utf8) }) { return true }
            if index + 1 < bytes.count, isLetter(bytes[index + 1]), hasActiveAttribute(tag) { return true }
            index = tagEnd
        }
        return false
    }

    /// Inside one start tag (lower-cased bytes from `<` up to `>`): an `on…=` attribute, or an
    /// attribute value starting with a script URL.
    private static func hasActiveAttribute(_ tag: ArraySlice<UInt8>) -> Bool {
        var i = tag.startIndex
        while i < tag.endIndex {
            let byte = tag[i]
            if byte == UInt8(ascii: "o"), i + 1 < tag.endIndex, tag[i + 1] == UInt8(ascii: "n"), i > tag.startIndex,
                separators.contains(tag[i - 1])
            {
                var j = i + 2
                while j < tag.endIndex, isLetter(tag[j]) { j += 1 }
                while j < tag.endIndex, spaces.contains(tag[j]) { j += 1 }
                if j > i + 2, j < tag.endIndex, tag[j] == UInt8(ascii: "=") { return true }
            }
            if byte == UInt8(ascii: "=") {
                var j = i + 1
                while j < tag.endIndex, spaces.contains(tag[j]) || quotes.contains(tag[j]) { j += 1 }
                let value = tag[j...]
                if scriptSchemes.contains(where: { value.starts(with: $0.utf8) }) { return true }
                if value.starts(with: "data:".utf8), !safeDataPrefixes.contains(where: { value.starts(with: $0.utf8) }) {
                    return true
                }
            }
            i += 1
        }
        return false
    }

    private static let scriptSchemes = ["javascript:", "vbscript:", "livescript:"]
    private static let safeDataPrefixes = ["png", "gif", "jpeg", "jpg", "webp", "avif"].flatMap {
        ["data:image/\($0);", "data:image/\($0),"]
    }
    private static let spaces: Set<UInt8> = [0x20, 0x09, 0x0A, 0x0C, 0x0D]
    private static let quotes: Set<UInt8> = [UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "`")]
    private static let separators: Set<UInt8> = spaces.union(quotes).union([UInt8(ascii: "/")])

    private static func isLetter(_ byte: UInt8) -> Bool { byte >= 0x61 && byte <= 0x7A }

    /// Publishes `html` as safe HTML: itself when it looks sanitized, else its source escaped as text
    /// in a paragraph (readers show the markup as characters; nothing is lost, nothing runs).
    static func guarded(_ html: String) -> String {
        looksActive(html) ? "<p>" + XMLWriter.escapeText(html) + "</p>" : html
    }
}
