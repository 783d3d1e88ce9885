extension HTMLSanitizer {
    /// Inline SVG and MathML ("foreign content"), allowed from feedparser's lists minus anything
    /// that can change a link or run code after sanitizing: no SVG animation elements (`animate`,
    /// `set`… can rewrite an `href` to `javascript:`), no `use` (pulls in other documents), no
    /// `foreignObject`, no animation timing attributes. Names are case-folded by libxml2's HTML
    /// parser, so the tables map lower-case names back to SVG's camelCase.
    enum ForeignVocabulary: Sendable {
        case svg
        case mathML

        /// The output spelling of an allowed element of this vocabulary, or nil.
        func elementName(_ key: Key) -> [UInt8]? {
            switch self {
            case .svg: ForeignTables.svgElements[key]
            case .mathML: ForeignTables.mathMLElements[key]
            }
        }

        /// The output spelling of an allowed attribute of this vocabulary, or nil.
        func attributeName(_ key: Key) -> [UInt8]? {
            switch self {
            case .svg: ForeignTables.svgAttributes[key]
            case .mathML: ForeignTables.mathMLAttributes[key]
            }
        }
    }

    private enum ForeignTables {
        static func table(_ names: [String]) -> [Key: [UInt8]] {
            var table: [Key: [UInt8]] = [:]
            for name in names { table[Key(Array(name.lowercased().utf8))] = Array(name.utf8) }
            return table
        }

        static let svgElements = table([
            "a", "circle", "defs", "desc", "ellipse", "font-face", "font-face-name", "font-face-src", "g",
            "glyph", "hkern", "line", "linearGradient", "marker", "metadata", "missing-glyph", "mpath",
            "path", "polygon", "polyline", "radialGradient", "rect", "stop", "svg", "switch", "text",
            "title", "tspan",
        ])

        static let svgAttributes = table([
            "accent-height", "alphabetic", "arabic-form", "ascent", "baseProfile", "bbox", "cap-height",
            "class", "color", "color-rendering", "cx", "cy", "d", "descent", "display", "dx", "dy", "fill",
            "fill-opacity", "fill-rule", "font-family", "font-size", "font-stretch", "font-style",
            "font-variant", "font-weight", "fx", "fy", "g1", "g2", "glyph-name", "gradientUnits", "hanging",
            "height", "horiz-adv-x", "horiz-origin-x", "href", "id", "ideographic", "k", "lang",
            "marker-end", "marker-mid", "marker-start", "markerHeight", "markerUnits", "markerWidth",
            "mathematical", "max", "min", "name", "offset", "opacity", "orient", "origin",
            "overline-position", "overline-thickness", "panose-1", "path", "pathLength", "points",
            "preserveAspectRatio", "r", "refX", "refY", "requiredExtensions", "requiredFeatures",
            "rotate", "rx", "ry", "slope", "stemh", "stemv", "stop-color", "stop-opacity",
            "strikethrough-position", "strikethrough-thickness", "stroke", "stroke-dasharray",
            "stroke-dashoffset", "stroke-linecap", "stroke-linejoin", "stroke-miterlimit",
            "stroke-opacity", "stroke-width", "style", "systemLanguage", "target", "text-anchor",
            "transform", "type", "u1", "u2", "underline-position", "underline-thickness", "unicode",
            "unicode-range", "units-per-em", "version", "viewBox", "visibility", "width", "widths", "x",
            "x-height", "x1", "x2", "xlink:href", "xlink:title", "xlink:type", "xlink:show", "xml:lang",
            "xml:space", "y", "y1", "y2", "zoomAndPan",
        ])

        static let mathMLElements = table([
            "annotation", "maction", "maligngroup", "malignmark", "math", "menclose", "merror", "mfenced",
            "mfrac", "mglyph", "mi", "mlabeledtr", "mlongdiv", "mmultiscripts", "mn", "mo", "mover",
            "mpadded", "mphantom", "mprescripts", "mroot", "mrow", "ms", "mscarries", "mscarry",
            "msgroup", "msline", "mspace", "msqrt", "msrow", "mstack", "mstyle", "msub", "msubsup",
            "msup", "mtable", "mtd", "mtext", "mtr", "munder", "munderover", "none", "semantics",
        ])

        static let mathMLAttributes = table([
            "accent", "accentunder", "actiontype", "align", "alignmentscope", "altimg", "altimg-height",
            "altimg-valign", "altimg-width", "alttext", "bevelled", "charalign", "close", "columnalign",
            "columnlines", "columnspacing", "columnspan", "columnwidth", "crossout", "decimalpoint",
            "denomalign", "depth", "dir", "display", "displaystyle", "edge", "encoding", "equalcolumns",
            "equalrows", "fence", "fontstyle", "fontweight", "form", "frame", "framespacing",
            "groupalign", "height", "href", "id", "indentalign", "indentalignfirst", "indentalignlast",
            "indentshift", "indentshiftfirst", "indentshiftlast", "indenttarget", "infixlinebreakstyle",
            "largeop", "length", "linebreak", "linebreakmultchar", "linebreakstyle", "lineleading",
            "linethickness", "location", "longdivstyle", "lquote", "lspace", "mathbackground",
            "mathcolor", "mathsize", "mathvariant", "maxsize", "minlabelspacing", "minsize",
            "movablelimits", "notation", "numalign", "open", "other", "overflow", "position", "rowalign",
            "rowlines", "rowspacing", "rowspan", "rquote", "rspace", "scriptlevel", "scriptminsize",
            "scriptsizemultiplier", "selection", "separator", "separators", "shift", "side", "stackalign",
            "stretchy", "subscriptshift", "superscriptshift", "symmetric", "voffset", "width",
            "xlink:href", "xlink:show", "xlink:type",
        ])
    }

    static let svgKey = Key(Array("svg".utf8))
    static let mathKey = Key(Array("math".utf8))

    /// SVG presentation properties allowed in `style` inside SVG.
    static let acceptableSVGProperties: Set<String> = [
        "fill", "fill-opacity", "fill-rule", "stroke", "stroke-linecap", "stroke-linejoin",
        "stroke-opacity", "stroke-width",
    ]
}
