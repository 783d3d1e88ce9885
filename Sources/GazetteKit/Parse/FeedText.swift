import Foundation

/// Turns raw element text into what the model promises: plain-text titles and sanitized HTML bodies.
///
/// Fast paths matter here (this runs for every field of every item): text with no `<` and no `&`
/// never reaches libxml2's HTML parser.
struct FeedText {
    let sanitizer = HTMLSanitizer()
    /// Buffers the sanitizer reuses across the fragments of one parse.
    private let workspace = HTMLSanitizer.Workspace()
    private var lastBase: (string: String, url: URL?) = ("", nil)
    /// The last fragment sanitized and its result: feeds often repeat the same HTML in
    /// `description` and `content:encoded`.
    private var lastSanitized: (input: TextValue, output: String)?

    /// How many fields held double-escaped references (`&amp;quot;`) that were decoded one level more.
    private(set) var doubleEscapedFields = 0

    /// The repairs made, for `ParsedFeed.diagnostics`.
    var notes: [String] {
        guard doubleEscapedFields > 0 else { return [] }
        let fields = doubleEscapedFields == 1 ? "1 field" : "\(doubleEscapedFields) fields"
        return ["decoded one extra level of entity escaping (such as &amp;quot;) in \(fields)"]
    }

    /// Plain text for a title-like field: entities decoded, markup removed (when it is HTML), whitespace collapsed.
    mutating func plain(_ value: TextValue) -> String {
        switch value.kind {
        case .text:
            return Self.collapseWhitespace(value.raw)
        case .sniff, .html:
            if !Self.mayContainMarkup(value.raw) { return Self.collapseWhitespace(value.raw) }
            if value.kind == .sniff && !Self.looksLikeHTML(value.raw) { return Self.collapseWhitespace(value.raw) }
            if !value.raw.utf8.contains(UInt8(ascii: "<")) {
                var raw = value.raw
                if let single = raw.withUTF8({ Self.undoingDoubleEscape($0) }) {
                    doubleEscapedFields += 1
                    raw = String(decoding: single, as: UTF8.self)
                }
                return Self.collapseWhitespace(Self.decodeReferences(raw))
            }
            return Self.collapseWhitespace(sanitizer.plainText(fromHTML: value.raw))
        }
    }

    /// Sanitized HTML for a summary or content field; plain text is HTML-escaped.
    mutating func html(_ value: TextValue) -> String {
        return value.withUTF8 { bytes in
            guard let start = bytes.baseAddress else { return "" }
            switch value.kind {
            case .text:
                return HTMLSanitizer.escape(bytes)
            case .sniff, .html:
                let hasTag = memchr(start, Int32(UInt8(ascii: "<")), bytes.count) != nil
                if !hasTag, memchr(start, Int32(UInt8(ascii: "&")), bytes.count) == nil {
                    return String(decoding: bytes, as: UTF8.self)
                }
                // References but no tags: nothing to sanitize, only to normalize.
                if !hasTag {
                    if let single = Self.undoingDoubleEscape(bytes) {
                        doubleEscapedFields += 1
                        return HTMLSanitizer.escape(Self.decodeReferences(String(decoding: single, as: UTF8.self)))
                    }
                    return HTMLSanitizer.escape(Self.decodeReferences(value.raw))
                }
                if let last = lastSanitized, last.input.base == value.base,
                    last.input.withUTF8({ $0.count == bytes.count && memcmp($0.baseAddress!, start, bytes.count) == 0 })
                {
                    return last.output
                }
                let output = sanitizer.sanitize(bytes, baseURL: url(for: value.base), workspace: workspace)
                lastSanitized = (value, output)
                return output
            }
        }
    }

    private mutating func url(for base: String) -> URL? {
        if base == lastBase.string { return lastBase.url }
        let url = base.isEmpty ? nil : URL(string: base)
        lastBase = (base, url)
        return url
    }

    /// Decodes character references (`&#8217;`, `&#x2019;`) and named ones (XML's five and HTML 4's);
    /// unknown or malformed references stay as they are.
    static func decodeReferences(_ s: String) -> String {
        guard s.utf8.contains(UInt8(ascii: "&")) else { return s }
        let bytes = Array(s.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            guard bytes[i] == UInt8(ascii: "&") else {
                out.append(bytes[i])
                i += 1
                continue
            }
            var j = i + 1
            while j < bytes.count, j - i <= 32, bytes[j] != UInt8(ascii: ";"), bytes[j] != UInt8(ascii: "&"),
                bytes[j] > 0x20
            {
                j += 1
            }
            var scalar: Unicode.Scalar?
            if j < bytes.count, bytes[j] == UInt8(ascii: ";"), j > i + 1 {
                let name = String(decoding: bytes[(i + 1)..<j], as: UTF8.self)
                if name.hasPrefix("#x") || name.hasPrefix("#X") {
                    scalar = UInt32(name.dropFirst(2), radix: 16).flatMap(Self.characterReference)
                } else if name.hasPrefix("#") {
                    scalar = UInt32(name.dropFirst()).flatMap(Self.characterReference)
                } else {
                    switch name {
                    case "amp": scalar = "&"
                    case "lt": scalar = "<"
                    case "gt": scalar = ">"
                    case "quot": scalar = "\""
                    case "apos": scalar = "'"
                    default: scalar = HTMLEntities.codePoint(name).flatMap(Unicode.Scalar.init)
                    }
                }
            }
            if let scalar {
                out.append(contentsOf: Array(String(Character(scalar)).utf8))
                i = j + 1
            } else {
                out.append(bytes[i])
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Text escaped twice (`&amp;quot;Market Perform&amp;quot;`, shown to readers as `&quot;…`) with
    /// one level of escaping undone (`&quot;Market Perform&quot;`), or nil. Only when the text has no
    /// tag and every `&` in it starts a double-escaped reference to a known entity: a post *about*
    /// entities that writes `&amp;amp;` next to real markup or a bare `&` is left as it is.
    static func undoingDoubleEscape(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        guard let base = bytes.baseAddress, memchr(base, Int32(UInt8(ascii: "<")), bytes.count) == nil else { return nil }
        let count = bytes.count
        var index = ByteScan.find(UInt8(ascii: "&"), base, from: 0, to: count)
        guard index < count else { return nil }
        var output: [UInt8] = []
        output.reserveCapacity(count)
        var copied = 0
        while index < count {
            // `&amp;` then a reference: `#123;`, `#x1F;` or a known name and `;`.
            guard index + 5 < count, base[index + 1] == UInt8(ascii: "a"), base[index + 2] == UInt8(ascii: "m"),
                base[index + 3] == UInt8(ascii: "p"), base[index + 4] == UInt8(ascii: ";")
            else { return nil }
            let start = index + 5
            var end = start
            while end < count, end - start <= 32, base[end] != UInt8(ascii: ";"),
                FeedDate.isLetter(base[end])
                    || FeedDate.isDigit(base[end]) || base[end] == UInt8(ascii: "#")
            {
                end += 1
            }
            guard end < count, base[end] == UInt8(ascii: ";"), end > start else { return nil }
            let name = String(decoding: UnsafeBufferPointer(start: base + start, count: end - start), as: UTF8.self)
            if name.hasPrefix("#x") || name.hasPrefix("#X") {
                guard name.count > 2, UInt32(name.dropFirst(2), radix: 16) != nil else { return nil }
            } else if name.hasPrefix("#") {
                guard name.count > 1, UInt32(name.dropFirst()) != nil else { return nil }
            } else if !["amp", "lt", "gt", "quot", "apos"].contains(name), HTMLEntities.codePoint(name) == nil {
                return nil
            }
            output.append(contentsOf: UnsafeBufferPointer(start: base + copied, count: index + 1 - copied))
            copied = start
            index = ByteScan.find(UInt8(ascii: "&"), base, from: end, to: count)
        }
        output.append(contentsOf: UnsafeBufferPointer(start: base + copied, count: count - copied))
        return output
    }

    /// A numeric reference's character; 0x80–0x9F are read as windows-1252, as HTML does.
    private static func characterReference(_ code: UInt32) -> Unicode.Scalar? {
        if let mapped = Windows1252.replacement(forC1: code) { return Unicode.Scalar(mapped) }
        if code == 0 { return nil }
        return Unicode.Scalar(code)
    }

    /// True when the text has a `<` or `&`, i.e. might hold markup or references.
    static func mayContainMarkup(_ s: String) -> Bool {
        var s = s
        return s.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return false }
            return memchr(base, Int32(UInt8(ascii: "<")), bytes.count) != nil
                || memchr(base, Int32(UInt8(ascii: "&")), bytes.count) != nil
        }
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
        var utf8 = s
        return utf8.withUTF8 { bytes in
            var clean = true
            var previousSpace = true
            for c in bytes {
                let space = c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D || c == 0x0C
                if space && (previousSpace || c != 0x20) {
                    clean = false
                    break
                }
                previousSpace = space
            }
            if clean && (!previousSpace || bytes.isEmpty) { return s }
            let out = ByteBuffer(capacity: bytes.count)
            var pendingSpace = false
            for c in bytes {
                if c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D || c == 0x0C {
                    pendingSpace = !out.isEmpty
                } else {
                    if pendingSpace { out.append(0x20) }
                    pendingSpace = false
                    out.append(c)
                }
            }
            return out.string()
        }
    }
}

extension String {
    /// The string without leading/trailing ASCII whitespace; returns `self` (no copy) when already trimmed.
    /// Foundation's `trimmingCharacters(in:)` bridges through NSString and showed up in profiles.
    var asciiTrimmed: String {
        let utf8 = self.utf8
        guard let first = utf8.first, let last = utf8.last else { return self }
        func space(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D || c == 0x0C }
        if !space(first) && !space(last) { return self }
        var lo = utf8.startIndex
        var hi = utf8.endIndex
        while lo < hi, space(utf8[lo]) { lo = utf8.index(after: lo) }
        while hi > lo, space(utf8[utf8.index(before: hi)]) { hi = utf8.index(before: hi) }
        return String(self[lo..<hi])
    }
}
