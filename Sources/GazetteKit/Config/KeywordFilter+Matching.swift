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
                    let first = needle[0]
                    var i = 0
                    let lastStart = hay.count - n
                    while i <= lastStart {
                        if hay[i] == first {
                            var j = 1
                            while j < n && hay[i + j] == needle[j] { j += 1 }
                            if j == n
                                && (!checkStart || i == 0 || !KeywordText.isWordByte(hay[i - 1]))
                                && (!checkEnd || i + n == hay.count || !KeywordText.isWordByte(hay[i + n]))
                            {
                                return true
                            }
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
    static func normalize(_ text: String) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for scalar in text.lowercased().precomposedStringWithCanonicalMapping.unicodeScalars {
            let folded: Unicode.Scalar
            switch scalar.value {
            case 0x2018, 0x2019, 0x201B, 0x2032, 0x02BC: folded = "'"
            case 0x201C, 0x201D, 0x201F, 0x2033: folded = "\""
            case 0x2D, 0x2010...0x2015, 0x2212: folded = " "
            default: folded = scalar
            }
            if folded.properties.isWhitespace || (folded.value >= 0x80 && !isWordScalar(folded)) {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace {
                out.append(UInt8(ascii: " "))
                pendingSpace = false
            }
            if let encoded = UTF8.encode(folded) { out.append(contentsOf: encoded) }
        }
        return out
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
