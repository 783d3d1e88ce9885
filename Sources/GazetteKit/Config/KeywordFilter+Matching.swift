import Foundation

/// Matching rules, shared by per-feed filters and section routes:
/// - case-insensitive; curly apostrophes and quotes count as straight ones; hyphens and dashes,
///   other non-ASCII punctuation and any run of whitespace count as one space, on both sides
///   (so `social care` matches "social-care" and `child-protection` matches "child protection");
/// - a keyword matches whole words only: `ofsted` matches "Ofsted report" and "Ofsted's", `art`
///   does not match "start", `school` does not match "schools" (list plurals, or end the keyword
///   with `*` for a prefix: `inspect*` matches "inspection");
/// - a phrase (`children's services`) matches the same words in the same order;
/// - keywords are looked for in the title, the summary and each category;
/// - `categories` entries match an item's category exactly (ignoring case and surrounding spaces);
/// - `exclude` wins over `include` and `categories`.
extension KeywordFilter {
    /// An item's text normalized once, so one item can be tested against many sections cheaply.
    public struct Subject: Sendable {
        let fields: [[UInt8]]
        let categories: [[UInt8]]

        /// Prepares plain-text title and summary (not HTML) and the item's categories.
        public init(title: String?, summary: String?, categories: [String]) {
            fields = [title, summary].compactMap { $0 }.map(KeywordText.normalize) + categories.map(KeywordText.normalize)
            self.categories = categories.map(KeywordText.normalize)
        }
    }

    /// Whether an item with this plain-text title, summary and categories passes the filter.
    public func matches(title: String?, summary: String?, categories: [String]) -> Bool {
        matches(Subject(title: title, summary: summary, categories: categories))
    }

    /// Whether a prepared item passes the filter (the fast path for routing many items to many sections).
    public func matches(_ subject: Subject) -> Bool {
        let compiled = self.compiled
        for keyword in compiled.exclude where keyword.occurs(in: subject.fields) { return false }
        if compiled.include.isEmpty && compiled.categories.isEmpty { return true }
        for wanted in compiled.categories where subject.categories.contains(wanted) { return true }
        for keyword in compiled.include where keyword.occurs(in: subject.fields) { return true }
        return false
    }

    /// True when the filter can never admit anything because a keyword normalizes to nothing.
    static func isUsableKeyword(_ keyword: String) -> Bool {
        CompiledKeywords.Keyword(keyword) != nil
    }
}

/// `KeywordFilter`'s keywords, lower-cased and normalized as UTF-8 bytes.
struct CompiledKeywords: Sendable, Hashable {
    /// One keyword or phrase, with whether its ends must fall on word boundaries.
    struct Keyword: Sendable, Hashable {
        let bytes: [UInt8]
        let checkStart: Bool
        let checkEnd: Bool

        init?(_ text: String) {
            var normalized = KeywordText.normalize(text)
            var prefix = false
            if normalized.last == UInt8(ascii: "*") {
                normalized.removeLast()
                prefix = true
                while normalized.last == UInt8(ascii: " ") { normalized.removeLast() }
            }
            guard let first = normalized.first, let last = normalized.last else { return nil }
            bytes = normalized
            // A keyword that starts or ends with punctuation (`c++`, `#send`) needs no boundary there.
            checkStart = KeywordText.isWordByte(first)
            checkEnd = !prefix && KeywordText.isWordByte(last)
        }

        func occurs(in fields: [[UInt8]]) -> Bool {
            fields.contains { occurs(in: $0) }
        }

        func occurs(in text: [UInt8]) -> Bool {
            let n = bytes.count
            guard n <= text.count else { return false }
            return text.withUnsafeBufferPointer { hay in
                bytes.withUnsafeBufferPointer { needle in
                    guard let hayBase = hay.baseAddress, let needleBase = needle.baseAddress else { return false }
                    let first = Int32(needle[0])
                    var i = 0
                    let lastStart = hay.count - n
                    while i <= lastStart {
                        // memchr finds the next candidate first byte (vectorized in libc).
                        guard let found = memchr(hayBase + i, first, lastStart - i + 1) else { return false }
                        i = hayBase.distance(to: found.assumingMemoryBound(to: UInt8.self))
                        if memcmp(hayBase + i + 1, needleBase + 1, n - 1) == 0
                            && (!checkStart || i == 0 || !KeywordText.isWordByte(hay[i - 1]))
                            && (!checkEnd || i + n == hay.count || !KeywordText.isWordByte(hay[i + n]))
                        {
                            return true
                        }
                        i += 1
                    }
                    return false
                }
            }
        }
    }

    var include: [Keyword] = []
    var exclude: [Keyword] = []
    var categories: [[UInt8]] = []

    init() {}

    init(_ filter: KeywordFilter) {
        include = filter.include.compactMap(Keyword.init)
        exclude = filter.exclude.compactMap(Keyword.init)
        categories = filter.categories.map(KeywordText.normalize).filter { !$0.isEmpty }
    }
}

/// The text normalization both keywords and items go through.
enum KeywordText {
    /// Lower-cased NFC UTF-8: typographic apostrophes and quotes folded to ASCII, hyphens, dashes and
    /// non-ASCII punctuation to spaces, whitespace collapsed and trimmed.
    ///
    /// ASCII is handled byte by byte; Unicode properties are consulted only for non-ASCII characters,
    /// and the (costly) NFC composition only when the text holds combining marks.
    static func normalize(_ text: String) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        var hasNonASCII = false
        for byte in text.utf8 {
            if byte >= 0x80 {
                hasNonASCII = true
                break
            }
            appendASCII(byte, to: &out, pendingSpace: &pendingSpace)
        }
        guard hasNonASCII else { return out }

        out.removeAll(keepingCapacity: true)
        pendingSpace = false
        let composed =
            text.unicodeScalars.contains { $0.properties.canonicalCombiningClass != .notReordered }
            ? text.precomposedStringWithCanonicalMapping : text
        for scalar in composed.unicodeScalars {
            if scalar.isASCII {
                appendASCII(UInt8(scalar.value), to: &out, pendingSpace: &pendingSpace)
                continue
            }
            for lower in scalar.properties.lowercaseMapping.unicodeScalars {
                appendNonASCII(lower, to: &out, pendingSpace: &pendingSpace)
            }
        }
        return out
    }

    @inline(__always)
    private static func appendASCII(_ byte: UInt8, to out: inout [UInt8], pendingSpace: inout Bool) {
        switch byte {
        case 0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, UInt8(ascii: "-"):
            pendingSpace = !out.isEmpty
            return
        default:
            break
        }
        if pendingSpace {
            out.append(0x20)
            pendingSpace = false
        }
        out.append(byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte)
    }

    private static func appendNonASCII(_ scalar: Unicode.Scalar, to out: inout [UInt8], pendingSpace: inout Bool) {
        if scalar.isASCII {
            appendASCII(UInt8(scalar.value), to: &out, pendingSpace: &pendingSpace)
            return
        }
        switch scalar.value {
        case 0x2018, 0x2019, 0x201B, 0x2032, 0x02BC:
            appendASCII(UInt8(ascii: "'"), to: &out, pendingSpace: &pendingSpace)
            return
        case 0x201C, 0x201D, 0x201F, 0x2033:
            appendASCII(UInt8(ascii: "\""), to: &out, pendingSpace: &pendingSpace)
            return
        default:
            break
        }
        // Dashes, other punctuation, symbols and non-ASCII spaces (NBSP) all separate words.
        guard isWordScalar(scalar) else {
            pendingSpace = !out.isEmpty
            return
        }
        if pendingSpace {
            out.append(0x20)
            pendingSpace = false
        }
        if let encoded = UTF8.encode(scalar) { out.append(contentsOf: encoded) }
    }

    /// Non-ASCII punctuation and symbols (`«`, `…`, `•`) separate words, so they are folded to spaces.
    private static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        let properties = scalar.properties
        if properties.isAlphabetic || properties.numericType != nil { return true }
        switch properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }

    /// Letters, digits and `_`; every non-ASCII byte counts as part of a word (non-ASCII punctuation was
    /// already folded to spaces, so what remains are accented letters and other scripts).
    @inline(__always)
    static func isWordByte(_ b: UInt8) -> Bool {
        switch b {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"): true
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): true
        case 0x80...: true
        default: false
        }
    }
}
