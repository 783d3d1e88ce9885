import Foundation

extension HTMLSanitizer {
    /// What the sanitizer does with an element.
    enum ElementRule: Sendable, Equatable {
        /// Kept, with its allowed attributes; `void` elements have no content or end tag.
        case keep(void: Bool)
        /// Removed together with everything inside it (script, style, applet…).
        case dropWithContent
        /// Kept only when it embeds an allow-listed video player, else unwrapped.
        case iframe
        /// Not allowed: the tags go, the content stays (text is always kept).
        case unwrap
    }

    /// What the sanitizer does with an attribute of a kept element.
    enum AttributeRule: Sendable, Equatable {
        case keep
        /// A URL: dangerous schemes removed, relative references made absolute.
        case url
        /// A URL kept verbatim when safe (a same-document `#map` reference must stay relative).
        case urlVerbatim
        /// A comma-separated list of image candidates (`srcset`).
        case srcset
        case style
    }

    /// Elements kept: feedparser's `acceptable_elements` (HTML 4 and early HTML 5) without `form`
    /// and `noscript`, plus later harmless HTML 5 elements (mark, picture, summary, wbr…).
    ///
    /// No element whose content a browser reads as raw text is ever written (`noscript` with
    /// scripting on, `xmp`, `plaintext`, `noembed`, `noframes`, `iframe`, and `template`'s inert
    /// content): libxml2 parses their content as markup, and a reader that re-serializes it inside
    /// such an element can turn an escaped `&lt;/noscript&gt;` in an attribute into a real end tag
    /// (mutation XSS). `noscript`, `xmp` and `plaintext` are unwrapped (their sanitized content
    /// stays); `noembed`, `noframes` and `template`, never shown by a current browser, are dropped.
    static let keptElements: [String] = [
        "a", "abbr", "acronym", "address", "article", "aside", "audio", "b", "bdi", "bdo", "big",
        "blockquote", "button", "canvas", "caption", "center", "cite", "code", "colgroup",
        "command", "data", "datagrid", "datalist", "dd", "del", "details", "dfn", "dialog", "dir",
        "div", "dl", "dt", "em", "event-source", "fieldset", "figcaption", "figure", "font",
        "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "i", "ins", "kbd",
        "label", "legend", "li", "m", "main", "map", "mark", "menu", "meter", "multicol", "nav",
        "nextid", "ol", "optgroup", "option", "output", "p", "picture", "pre",
        "progress", "q", "rp", "rt", "ruby", "s", "samp", "section", "select", "small", "sound",
        "spacer", "span", "strike", "strong", "sub", "summary", "sup", "table", "tbody", "td",
        "textarea", "tfoot", "th", "thead", "time", "tr", "tt", "u", "ul", "var", "video",
    ]

    static let voidElements: [String] = [
        "area", "br", "col", "hr", "img", "input", "keygen", "source", "track", "wbr",
    ]

    /// Elements whose content is code or invisible machinery, never text for a reader.
    static let droppedWithContent: [String] = [
        "script", "style", "applet", "template", "noembed", "noframes", "xml",
    ]

    /// Attributes kept: feedparser's `acceptable_attributes`, plus `srcset`, `sizes`, `loading`,
    /// `decoding` for responsive and lazy images. No event handlers, no `formaction`.
    static let keptAttributes: [String] = [
        "abbr", "accept", "accept-charset", "accesskey", "align", "alt", "autocomplete",
        "autofocus", "axis", "balance", "bgcolor", "bgproperties", "border",
        "bordercolor", "bordercolordark", "bordercolorlight", "bottompadding", "cellpadding",
        "cellspacing", "ch", "challenge", "char", "charoff", "charset", "checked", "choff",
        "class", "clear", "color", "cols", "colspan", "compact", "contenteditable", "controls",
        "coords", "datafld", "datapagesize", "datetime", "decoding", "default", "delay", "dir",
        "disabled", "draggable", "end", "enctype", "face", "for", "form", "frame", "galleryimg",
        "gutter", "headers", "height", "hidden", "hidefocus", "high", "hreflang", "hspace", "id",
        "inputmode", "ismap", "keytype", "label", "lang", "leftspacing", "list", "loading", "loop",
        "loopcount", "loopend", "loopstart", "low", "max", "maxlength", "media", "method", "min",
        "multiple", "name", "nohref", "noshade", "nowrap", "open", "optimum", "pattern",
        "point-size", "pqg", "preload", "prompt", "radiogroup", "readonly", "rel", "repeat-max",
        "repeat-min", "replace", "required", "rev", "rightspacing", "rows", "rowspan", "rules",
        "scope", "selected", "shape", "size", "sizes", "span", "start", "step", "summary",
        "suppress", "tabindex", "target", "template", "title", "toppadding", "type",
        "unselectable", "urn", "valign", "value", "variable", "volume", "vrml", "vspace", "width",
        "wrap", "xml:lang",
    ]

    static let urlAttributes: [String] = [
        "href", "src", "cite", "longdesc", "background", "dynsrc", "lowsrc", "action", "poster",
        "data", "datasrc", "ping", "icon",
    ]

    private static func key(_ name: String) -> Key { Key(Array(name.utf8)) }

    static let elementRules: PackedLookup<ElementRule> = {
        var table: [Key: ElementRule] = [:]
        for name in keptElements { table[key(name)] = .keep(void: false) }
        for name in voidElements { table[key(name)] = .keep(void: true) }
        for name in droppedWithContent { table[key(name)] = .dropWithContent }
        table[key("iframe")] = .iframe
        return PackedLookup(table)
    }()

    static let attributeRules: PackedLookup<AttributeRule> = {
        var table: [Key: AttributeRule] = [:]
        for name in keptAttributes { table[key(name)] = .keep }
        for name in urlAttributes { table[key(name)] = .url }
        table[key("usemap")] = .urlVerbatim
        table[key("srcset")] = .srcset
        table[key("style")] = .style
        return PackedLookup(table)
    }()

    /// A read-only table keyed by names, probed without `Hasher` (these lookups run for every
    /// element and attribute): an open-addressing array of `Key`s.
    struct PackedLookup<Value: Sendable>: Sendable {
        private let keys: [Key]
        private let values: [Value?]
        private let mask: Int

        init(_ table: [Key: Value]) {
            var size = 16
            while size < table.count * 4 { size *= 2 }
            var keys = [Key](repeating: .empty, count: size)
            var values = [Value?](repeating: nil, count: size)
            for (key, value) in table where key != .unknown {
                var slot = key.slot(mask: size - 1)
                while keys[slot] != .empty { slot = (slot + 1) & (size - 1) }
                keys[slot] = key
                values[slot] = value
            }
            self.keys = keys
            self.values = values
            self.mask = size - 1
        }

        subscript(key: Key) -> Value? {
            // Names are never empty, so no key is `.empty` (the empty-slot marker); `.unknown`
            // (a name too long to pack) is never stored.
            guard key != .unknown, key != .empty else { return nil }
            var slot = key.slot(mask: mask)
            while true {
                let candidate = keys[slot]
                if candidate == key { return values[slot] }
                if candidate == .empty { return nil }
                slot = (slot + 1) & mask
            }
        }
    }

    /// A name (up to 32 bytes) as a small trivial value without building a `String`: its bytes
    /// packed eight to a word, zero-padded (names hold no NUL byte, so packing is unique). A
    /// longer name is `.unknown`, which no table holds: no element or attribute the sanitizer
    /// knows is longer than 20 bytes.
    struct Key: Hashable, Sendable {
        let w0: UInt64
        let w1: UInt64
        let w2: UInt64
        let w3: UInt64

        static let maximumLength = 32
        static let empty = Key(w0: 0, w1: 0, w2: 0, w3: 0)
        static let unknown = Key(w0: .max, w1: .max, w2: .max, w3: .max)

        private init(w0: UInt64, w1: UInt64, w2: UInt64, w3: UInt64) {
            (self.w0, self.w1, self.w2, self.w3) = (w0, w1, w2, w3)
        }

        /// The key of `bytes`, ASCII letters lower-cased when `lowercasing`.
        @inline(__always)
        init(_ bytes: UnsafeBufferPointer<UInt8>, lowercasing: Bool = false) {
            guard bytes.count <= Self.maximumLength, let base = bytes.baseAddress else {
                self = bytes.isEmpty ? .empty : .unknown
                return
            }
            var words: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
            var index = 0
            func word(_ limit: Int) -> UInt64 {
                var word: UInt64 = 0
                while index < limit {
                    var byte = base[index]
                    if lowercasing, byte >= 0x41, byte <= 0x5A { byte |= 0x20 }
                    word = word &<< 8 | UInt64(byte)
                    index += 1
                }
                return word
            }
            let count = bytes.count
            words.0 = word(min(count, 8))
            if count > 8 { words.1 = word(min(count, 16)) }
            if count > 16 { words.2 = word(min(count, 24)) }
            if count > 24 { words.3 = word(count) }
            self.init(w0: words.0, w1: words.1, w2: words.2, w3: words.3)
        }

        init(_ bytes: [UInt8]) {
            self = bytes.withUnsafeBufferPointer { Key($0) }
        }

        /// From a NUL-terminated C string (libxml2 names).
        init(cString pointer: UnsafePointer<UInt8>) {
            self.init(UnsafeBufferPointer(start: pointer, count: strlen(pointer)))
        }

        @inline(__always)
        func slot(mask: Int) -> Int {
            let mixed = (w0 ^ (w1 &* 0x9E37_79B9) ^ (w2 &* 0x85EB_CA6B) ^ (w3 &* 0xC2B2_AE35)) &* 0x9E37_79B9_7F4A_7C15
            return Int(truncatingIfNeeded: mixed >> 40) & mask
        }
    }
}
