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

    /// Elements kept: feedparser's `acceptable_elements` (HTML 4 and early HTML 5) without `form`,
    /// plus later harmless HTML 5 elements (mark, picture, summary, wbr…).
    static let keptElements: [String] = [
        "a", "abbr", "acronym", "address", "article", "aside", "audio", "b", "bdi", "bdo", "big",
        "blockquote", "button", "canvas", "caption", "center", "cite", "code", "colgroup",
        "command", "data", "datagrid", "datalist", "dd", "del", "details", "dfn", "dialog", "dir",
        "div", "dl", "dt", "em", "event-source", "fieldset", "figcaption", "figure", "font",
        "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "i", "ins", "kbd",
        "label", "legend", "li", "m", "main", "map", "mark", "menu", "meter", "multicol", "nav",
        "nextid", "noscript", "ol", "optgroup", "option", "output", "p", "picture", "pre",
        "progress", "q", "rp", "rt", "ruby", "s", "samp", "section", "select", "small", "sound",
        "spacer", "span", "strike", "strong", "sub", "summary", "sup", "table", "tbody", "td",
        "textarea", "tfoot", "th", "thead", "time", "tr", "tt", "u", "ul", "var", "video",
    ]

    static let voidElements: [String] = [
        "area", "br", "col", "hr", "img", "input", "keygen", "source", "track", "wbr",
    ]

    /// Elements whose content is code or invisible machinery, never text for a reader.
    static let droppedWithContent: [String] = [
        "script", "style", "applet", "template", "noembed", "noframes", "xml", "xmp",
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

    /// A read-only table keyed by names, probed without hashing through `Hasher` (these lookups
    /// run for every element and attribute): short names by their packed integer in an
    /// open-addressing array, long ones in a dictionary.
    struct PackedLookup<Value: Sendable>: Sendable {
        private let keys: [UInt64]
        private let values: [Value?]
        private let mask: Int
        private let long: [Key: Value]

        init(_ table: [Key: Value]) {
            var size = 16
            while size < table.count * 4 { size *= 2 }
            var keys = [UInt64](repeating: 0, count: size)
            var values = [Value?](repeating: nil, count: size)
            var long: [Key: Value] = [:]
            for (key, value) in table {
                guard key.long == nil else {
                    long[key] = value
                    continue
                }
                var slot = Self.slot(key.packed, mask: size - 1)
                while keys[slot] != 0 { slot = (slot + 1) & (size - 1) }
                keys[slot] = key.packed
                values[slot] = value
            }
            self.keys = keys
            self.values = values
            self.mask = size - 1
            self.long = long
        }

        private static func slot(_ packed: UInt64, mask: Int) -> Int {
            Int(truncatingIfNeeded: (packed &* 0x9E37_79B9_7F4A_7C15) >> 40) & mask
        }

        subscript(key: Key) -> Value? {
            if key.long != nil { return long[key] }
            return self[packed: key.packed]
        }

        /// The value for a name of up to 8 bytes, given packed.
        subscript(packed packed: UInt64) -> Value? {
            // Names are never empty, so no packed name is 0 (the empty-slot marker).
            var slot = Self.slot(packed, mask: mask)
            while true {
                let candidate = keys[slot]
                if candidate == packed { return values[slot] }
                if candidate == 0 { return nil }
                slot = (slot + 1) & mask
            }
        }
    }

    /// A name as a hashable value without building a `String`: names of up to 8 bytes are packed
    /// into an integer (most tags and attributes; names hold no NUL byte, so packing is unique),
    /// longer ones keep their bytes.
    struct Key: Hashable, Sendable {
        let packed: UInt64
        let long: [UInt8]?

        init(_ bytes: [UInt8]) {
            if bytes.count <= 8 {
                packed = bytes.reduce(0) { $0 &<< 8 | UInt64($1) }
                long = nil
            } else {
                packed = 0
                long = bytes
            }
        }

        /// From a NUL-terminated C string (libxml2 names).
        init(cString pointer: UnsafePointer<UInt8>) {
            var packed: UInt64 = 0
            var count = 0
            while pointer[count] != 0 {
                if count < 8 { packed = packed &<< 8 | UInt64(pointer[count]) }
                count += 1
            }
            if count <= 8 {
                self.packed = packed
                long = nil
            } else {
                self.packed = 0
                long = Array(UnsafeBufferPointer(start: pointer, count: count))
            }
        }
    }
}
