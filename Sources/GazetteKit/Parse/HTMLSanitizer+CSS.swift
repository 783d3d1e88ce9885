extension HTMLSanitizer {
    /// The safe inline-CSS subset, as feedparser's `sanitize_style` defines it.
    ///
    /// 1. `url(…)` is removed (no remote fetches, no `url(javascript:…)`).
    /// 2. The whole value must pass a character gauntlet: letters, digits, `:,;#%.!` and spaces,
    ///    hyphens only inside words, quoted words, and parentheses holding only digits and commas
    ///    (so `expression(…)`, `\` escapes, comments and `@import` reject the whole attribute).
    /// 3. It must be a plain list of `property: value;` declarations.
    /// 4. A declaration is kept when its property is allow-listed, or when it is a
    ///    `background*`/`border*`/`margin*`/`padding*` shorthand whose every word is a known keyword
    ///    or a small length/colour.
    /// Inside SVG, the SVG paint properties (`fill`, `stroke`…) are allowed too.
    /// Returns the cleaned declarations (`prop: value;` joined by spaces), or nothing.
    static func sanitizeStyle(_ input: UnsafeBufferPointer<UInt8>, svg: Bool = false) -> [UInt8] {
        let style = removingURLs(input)
        guard passesGauntlet(style) else { return [] }
        var output: [UInt8] = []
        var index = 0
        let count = style.count
        while true {
            while index < count, isCSSSpace(style[index]) { index += 1 }
            if index >= count { break }
            let nameStart = index
            while index < count, isCSSWordOrHyphen(style[index]) { index += 1 }
            let nameEnd = index
            guard nameEnd > nameStart else { return [] }
            while index < count, isCSSSpace(style[index]) { index += 1 }
            guard index < count, style[index] == UInt8(ascii: ":") else { return [] }
            index += 1
            while index < count, isCSSSpace(style[index]) { index += 1 }
            let valueStart = index
            while index < count, style[index] != UInt8(ascii: ":"), style[index] != UInt8(ascii: ";") { index += 1 }
            let valueEnd = index
            if index < count, style[index] == UInt8(ascii: ";") { index += 1 }
            guard valueEnd > valueStart else { continue }
            let name = style[nameStart..<nameEnd]
            let value = style[valueStart..<valueEnd]
            if keepsDeclaration(name: name, value: value, svg: svg) {
                if !output.isEmpty { output.append(0x20) }
                output.append(contentsOf: name)
                output.append(contentsOf: ": ".utf8)
                output.append(contentsOf: value)
                output.append(UInt8(ascii: ";"))
            }
        }
        return output
    }

    private static func keepsDeclaration(name: ArraySlice<UInt8>, value: ArraySlice<UInt8>, svg: Bool) -> Bool {
        // Names and keywords are looked up as packed keys: building Strings for every declaration
        // of every `style` attribute showed in profiles.
        let key = name.withUnsafeBufferPointer { Key($0, lowercasing: true) }
        if CSSTables.properties[key] != nil { return true }
        if svg && CSSTables.svgProperties[key] != nil { return true }
        let family = name.prefix { $0 != UInt8(ascii: "-") }
        guard family.withUnsafeBufferPointer({ CSSTables.shorthandFamilies[Key($0, lowercasing: true)] != nil }) else {
            return false
        }
        for word in value.split(whereSeparator: isCSSSpace) {
            if word.withUnsafeBufferPointer({ CSSTables.keywords[Key($0)] != nil }) { continue }
            if !isValidCSSValue(word) { return false }
        }
        return true
    }

    /// The allow-lists below as packed-key tables.
    private enum CSSTables {
        static func table(_ names: some Sequence<String>) -> PackedLookup<Bool> {
            PackedLookup(Dictionary(uniqueKeysWithValues: names.map { (Key(Array($0.utf8)), true) }))
        }
        static let properties = table(acceptableCSSProperties)
        static let svgProperties = table(acceptableSVGProperties)
        static let keywords = table(acceptableCSSKeywords)
        static let shorthandFamilies = table(["background", "border", "margin", "padding"])
        static let units = table(["cm", "em", "ex", "in", "mm", "pc", "pt", "px", "%", ",", ")"])
    }

    /// feedparser's `valid_css_values`: `#hex`, `rgb(…)`, or a small number with an optional unit.
    static func isValidCSSValue(_ word: ArraySlice<UInt8>) -> Bool {
        var bytes = word[...]
        if bytes.first == UInt8(ascii: "#") {
            bytes = bytes.dropFirst()
            return !bytes.isEmpty && bytes.allSatisfy { FeedDate.isDigit($0) || ($0 >= 0x61 && $0 <= 0x66) }
        }
        if bytes.starts(with: "rgb(".utf8) {
            // rgb\(\d+%?,\d*%?,?\d*%?\)?
            bytes = bytes.dropFirst(4)
            let leading = bytes.prefix(while: FeedDate.isDigit).count
            guard leading > 0 else { return false }
            bytes = bytes.dropFirst(leading)
            if bytes.first == UInt8(ascii: "%") { bytes = bytes.dropFirst() }
            guard bytes.first == UInt8(ascii: ",") else { return false }
            bytes = bytes.dropFirst()
            bytes = bytes.drop(while: FeedDate.isDigit)
            if bytes.first == UInt8(ascii: "%") { bytes = bytes.dropFirst() }
            if bytes.first == UInt8(ascii: ",") { bytes = bytes.dropFirst() }
            bytes = bytes.drop(while: FeedDate.isDigit)
            if bytes.first == UInt8(ascii: "%") { bytes = bytes.dropFirst() }
            if bytes.first == UInt8(ascii: ")") { bytes = bytes.dropFirst() }
            return bytes.isEmpty
        }
        // \d{0,2}\.?\d{0,2}(cm|em|ex|in|mm|pc|pt|px|%|,|\))?
        let before = bytes.prefix(while: FeedDate.isDigit).count
        bytes = bytes.dropFirst(before)
        if bytes.first == UInt8(ascii: ".") {
            bytes = bytes.dropFirst()
            let after = bytes.prefix(while: FeedDate.isDigit).count
            guard before <= 2, after <= 2 else { return false }
            bytes = bytes.dropFirst(after)
        } else if before > 4 {
            return false
        }
        if bytes.isEmpty { return true }
        return bytes.withUnsafeBufferPointer { CSSTables.units[Key($0)] != nil }
    }

    /// Replaces every `url( … )` (and the spaces after it) with one space.
    private static func removingURLs(_ input: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(input.count)
        let count = input.count
        var index = 0
        while index < count {
            if index + 3 < count, input[index] | 0x20 == UInt8(ascii: "u"), input[index + 1] | 0x20 == UInt8(ascii: "r"),
                input[index + 2] | 0x20 == UInt8(ascii: "l"), let end = urlCallEnd(input, from: index + 3)
            {
                output.append(0x20)
                index = end
                continue
            }
            output.append(input[index])
            index += 1
        }
        return output
    }

    /// If `\s*\(\s*[^\s)]+\s*\)\s*` starts at `start`, the index after it.
    private static func urlCallEnd(_ input: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        var index = start
        let count = input.count
        while index < count, isCSSSpace(input[index]) { index += 1 }
        guard index < count, input[index] == UInt8(ascii: "(") else { return nil }
        index += 1
        while index < count, isCSSSpace(input[index]) { index += 1 }
        let argumentStart = index
        while index < count, !isCSSSpace(input[index]), input[index] != UInt8(ascii: ")") { index += 1 }
        guard index > argumentStart else { return nil }
        while index < count, isCSSSpace(input[index]) { index += 1 }
        guard index < count, input[index] == UInt8(ascii: ")") else { return nil }
        index += 1
        while index < count, isCSSSpace(input[index]) { index += 1 }
        return index
    }

    /// feedparser's gauntlet: `^([:,;#%.\sa-zA-Z0-9!]|\w-\w|'[\s\w]+'|"[\s\w]+"|\([\d,\s]+\))*$`.
    private static func passesGauntlet(_ style: [UInt8]) -> Bool {
        let count = style.count
        var index = 0
        while index < count {
            let byte = style[index]
            if index + 1 < count, style[index + 1] == UInt8(ascii: "-") {
                // \w-\w: a hyphen needs a word character on each side.
                guard isCSSWord(byte), index + 2 < count, isCSSWord(style[index + 2]) else { return false }
                index += 3
            } else if isGauntletSingle(byte) {
                index += 1
            } else if byte == UInt8(ascii: "'") || byte == UInt8(ascii: "\"") {
                var end = index + 1
                while end < count, style[end] != byte {
                    guard isCSSWord(style[end]) || isCSSSpace(style[end]) else { return false }
                    end += 1
                }
                guard end < count, end > index + 1 else { return false }
                index = end + 1
            } else if byte == UInt8(ascii: "(") {
                var end = index + 1
                while end < count, style[end] != UInt8(ascii: ")") {
                    let inner = style[end]
                    guard FeedDate.isDigit(inner) || inner == UInt8(ascii: ",") || isCSSSpace(inner) else { return false }
                    end += 1
                }
                guard end < count, end > index + 1 else { return false }
                index = end + 1
            } else {
                return false
            }
        }
        return true
    }

    private static func isGauntletSingle(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: ":"), UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "#"), UInt8(ascii: "%"),
            UInt8(ascii: "."), UInt8(ascii: "!"):
            return true
        default:
            return isCSSSpace(byte) || FeedDate.isDigit(byte) || FeedDate.isLetter(byte)
        }
    }

    /// Python's `\w` (letters, digits, underscore; any non-ASCII byte stands for a Unicode letter).
    private static func isCSSWord(_ byte: UInt8) -> Bool {
        FeedDate.isDigit(byte) || FeedDate.isLetter(byte) || byte == UInt8(ascii: "_") || byte >= 0x80
    }

    private static func isCSSWordOrHyphen(_ byte: UInt8) -> Bool { isCSSWord(byte) || byte == UInt8(ascii: "-") }

    private static func isCSSSpace(_ byte: UInt8) -> Bool { FeedDate.isSpace(byte) }

    static let acceptableCSSProperties: Set<String> = [
        "azimuth", "background-color", "border-bottom-color", "border-collapse", "border-color",
        "border-left-color", "border-right-color", "border-top-color", "clear", "color", "cursor",
        "direction", "display", "elevation", "float", "font", "font-family", "font-size",
        "font-style", "font-variant", "font-weight", "height", "letter-spacing", "line-height",
        "overflow", "pause", "pause-after", "pause-before", "pitch", "pitch-range", "richness",
        "speak", "speak-header", "speak-numeral", "speak-punctuation", "speech-rate", "stress",
        "text-align", "text-decoration", "text-indent", "unicode-bidi", "vertical-align",
        "voice-family", "volume", "white-space", "width",
    ]

    static let acceptableCSSKeywords: Set<String> = [
        "!important", "aqua", "auto", "black", "block", "blue", "bold", "both", "bottom", "brown",
        "center", "collapse", "dashed", "dotted", "fuchsia", "gray", "green", "italic", "left",
        "lime", "maroon", "medium", "navy", "none", "normal", "nowrap", "olive", "pointer",
        "purple", "red", "right", "silver", "solid", "teal", "top", "transparent", "underline",
        "white", "yellow",
    ]
}
