import Foundation
internal import CLibXML2

/// Makes untrusted HTML from feeds safe to republish, using libxml2's HTML parser and an allow-list.
///
/// Removes scripts, styles, event handlers, dangerous URLs, forms, embeds, tracking pixels;
/// resolves relative `href`/`src` against `baseURL`; always keeps the text.
///
/// **Policy: feedparser's, made stricter where republishing calls for it.** Gazette republishes
/// what it sanitizes, so the allow-list follows feedparser's `_HTMLSanitizer` (its elements,
/// harmless attributes, and its safe inline-CSS subset — see `sanitizeStyle`), because that list
/// is what feed readers have relied on for twenty years and keeps authors' formatting
/// (tables, alignment, colours). It is stricter in these ways:
/// - `<form>` is unwrapped (feedparser keeps it): a republished form could post anywhere.
/// - URL attributes with a scheme outside an allow-list (`javascript:`, `vbscript:`, `data:`
///   except raster `data:image/*` in `img src`, `file:`…) are removed entirely, on every element
///   (feedparser only checks `href` and leaves `href=""`).
/// - Comments, processing instructions and CDATA markers are dropped (IE conditional comments).
/// - 1×1 (or smaller) images are removed as tracking pixels.
/// - Inline SVG and MathML are unwrapped (their text kept), not passed through.
/// - `<iframe>` is unwrapped unless it embeds a YouTube or Vimeo player, which is kept with a
///   `sandbox` attribute and an `https` source; its fallback content is dropped.
/// It also accepts a few later harmless HTML 5 elements and `srcset`/`sizes`/`loading`.
///
/// Output is a deterministic serialization: attributes in source order, values double-quoted,
/// void elements as `<br />`, `&`, `<`, `>` (and `"` in attributes) escaped, everything else as
/// UTF-8 text.
public struct HTMLSanitizer: Sendable {
    public init() {}

    /// Returns sanitized HTML for `html`, with relative URLs resolved against `baseURL`.
    public func sanitize(_ html: String, baseURL: URL?) -> String {
        var html = html
        return html.withUTF8 { bytes in
            // Fast path: plain text without markup or references is already safe HTML.
            if !Self.containsMarkup(bytes) { return String(decoding: bytes, as: UTF8.self) }
            var writer = Writer(baseURL: baseURL, capacity: bytes.count + 16)
            Self.withParsedFragment(bytes) { root in writer.walk(children: root) }
            return String(decoding: writer.output, as: UTF8.self)
        }
    }

    /// Returns the text of an HTML fragment: markup removed, entities decoded, whitespace collapsed.
    /// Used for titles, which Gazette always keeps as plain text.
    public func plainText(fromHTML html: String) -> String {
        var html = html
        return html.withUTF8 { bytes in
            guard Self.containsMarkup(bytes) else { return Self.collapsingWhitespace(bytes) }
            var collector = TextCollector(capacity: bytes.count)
            Self.withParsedFragment(bytes) { root in collector.walk(children: root) }
            return collector.output.withUnsafeBufferPointer { Self.collapsingWhitespace($0) }
        }
    }

    /// Escapes plain text for inclusion in HTML (`&`, `<`, `>`, `"`).
    public static func escape(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes in
            guard bytes.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 }) else {
                return String(decoding: bytes, as: UTF8.self)
            }
            var output: [UInt8] = []
            output.reserveCapacity(bytes.count + 32)
            appendEscaped(bytes, to: &output, quotes: true)
            return String(decoding: output, as: UTF8.self)
        }
    }

    // MARK: - Parsing

    static func containsMarkup(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        for byte in bytes where byte == UInt8(ascii: "<") || byte == UInt8(ascii: "&") { return true }
        return false
    }

    private static let parseOptions = Int32(
        HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NONET.rawValue | HTML_PARSE_NOERROR.rawValue
            | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_NOIMPLIED.rawValue | HTML_PARSE_NODEFDTD.rawValue)

    private static let wrapperPrefix: [UInt8] = Array("<html><body>".utf8)

    /// Parses `fragment` as the content of `<body>` and hands the `<html>` element to `body`
    /// (nil when libxml2 produced nothing). Every libxml2 pointer lives only inside this call.
    ///
    /// The fragment is wrapped in `<html><body>` so libxml2 does not invent `<p>` elements around
    /// top-level text, and end tags `</body>`, `</html>`, `</head>` inside it are renamed so they
    /// cannot close the wrapper early.
    static func withParsedFragment(_ fragment: UnsafeBufferPointer<UInt8>, _ body: (xmlNodePtr?) -> Void) {
        LibXML.ensureInitialized()
        let input = prepare(fragment)
        guard input.count < Int(Int32.max), let context = htmlNewParserCtxt() else {
            body(nil)
            return
        }
        defer { htmlFreeParserCtxt(context) }
        context.pointee.sax.pointee.serror = { _, _ in }
        let document = input.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { pointer in
                htmlCtxtReadMemory(context, pointer, Int32(buffer.count), nil, "UTF-8", parseOptions)
            }
        }
        guard let document else {
            body(nil)
            return
        }
        defer { xmlFreeDoc(document) }
        body(xmlDocGetRootElement(document))
    }

    /// The bytes handed to libxml2: `<html><body>`, then the fragment with comments removed and
    /// `</body`, `</html`, `</head` (any case) renamed to `</xody`, `</xtml`, `</xead`.
    ///
    /// Comments are removed here, the way feedparser reads them, because libxml2 (like HTML 5)
    /// lets a malformed comment swallow the rest of the fragment, text included: a comment ends
    /// at `-->`; failing that, at the first `--…>`; an unclosed comment runs to the end.
    /// Safety does not depend on this pass: the sanitizer filters the parsed tree.
    static func prepare(_ fragment: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var input = wrapperPrefix
        input.reserveCapacity(wrapperPrefix.count + fragment.count)
        let count = fragment.count
        var index = 0
        var copied = 0
        while index + 3 < count {
            guard fragment[index] == UInt8(ascii: "<") else {
                index += 1
                continue
            }
            let next = fragment[index + 1]
            if next == UInt8(ascii: "!"), fragment[index + 2] == UInt8(ascii: "-"), fragment[index + 3] == UInt8(ascii: "-") {
                input.append(contentsOf: UnsafeBufferPointer(rebasing: fragment[copied..<index]))
                index = commentEnd(fragment, from: index + 4)
                copied = index
                continue
            }
            if next == UInt8(ascii: "/"), index + 5 < count {
                let a = fragment[index + 2] | 0x20, b = fragment[index + 3] | 0x20
                let c = fragment[index + 4] | 0x20, d = fragment[index + 5] | 0x20
                let isWrapper = (a, b, c, d) == (0x62, 0x6F, 0x64, 0x79)  // body
                    || (a, b, c, d) == (0x68, 0x74, 0x6D, 0x6C)  // html
                    || (a, b, c, d) == (0x68, 0x65, 0x61, 0x64)  // head
                if isWrapper {
                    input.append(contentsOf: UnsafeBufferPointer(rebasing: fragment[copied..<(index + 2)]))
                    input.append(UInt8(ascii: "x"))
                    copied = index + 3
                }
            }
            index += 1
        }
        input.append(contentsOf: UnsafeBufferPointer(rebasing: fragment[copied...]))
        return input
    }

    /// The index just after the comment whose body starts at `start`.
    private static func commentEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        let count = bytes.count
        // `<!-->` and `<!--->` are empty comments.
        if start < count, bytes[start] == UInt8(ascii: ">") { return start + 1 }
        if start + 1 < count, bytes[start] == UInt8(ascii: "-"), bytes[start + 1] == UInt8(ascii: ">") { return start + 2 }
        var index = start
        // `--\s*>`
        while index + 2 < count {
            if bytes[index] == UInt8(ascii: "-"), bytes[index + 1] == UInt8(ascii: "-") {
                var end = index + 2
                while end < count, FeedDate.isSpace(bytes[end]) { end += 1 }
                if end < count, bytes[end] == UInt8(ascii: ">") { return end + 1 }
            }
            index += 1
        }
        // `--[^>]*>`
        index = start
        while index + 1 < count {
            if bytes[index] == UInt8(ascii: "-"), bytes[index + 1] == UInt8(ascii: "-") {
                if let close = bytes[(index + 2)...].firstIndex(of: UInt8(ascii: ">")) { return close + 1 }
                break
            }
            index += 1
        }
        return count
    }

    // MARK: - Text helpers

    /// Appends `bytes` with `&`, `<`, `>` (and `"` when `quotes`) replaced by references.
    static func appendEscaped(_ bytes: UnsafeBufferPointer<UInt8>, to output: inout [UInt8], quotes: Bool) {
        var runStart = 0
        for index in 0..<bytes.count {
            let replacement: StaticString
            switch bytes[index] {
            case UInt8(ascii: "&"): replacement = "&amp;"
            case UInt8(ascii: "<"): replacement = "&lt;"
            case UInt8(ascii: ">"): replacement = "&gt;"
            case UInt8(ascii: "\"") where quotes: replacement = "&quot;"
            default: continue
            }
            if index > runStart { output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index])) }
            replacement.withUTF8Buffer { output.append(contentsOf: $0) }
            runStart = index + 1
        }
        if bytes.count > runStart { output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...])) }
    }

    /// Collapses runs of HTML whitespace (space, tab, CR, LF, FF) to one space and trims the ends.
    static func collapsingWhitespace(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        func isWhitespace(_ byte: UInt8) -> Bool {
            byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D || byte == 0x0C
        }
        var needsWork = false
        var previousWasSpace = true
        for byte in bytes {
            if isWhitespace(byte) {
                if previousWasSpace || byte != 0x20 { needsWork = true; break }
                previousWasSpace = true
            } else {
                previousWasSpace = false
            }
        }
        if !needsWork && !previousWasSpace { return String(decoding: bytes, as: UTF8.self) }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var pendingSpace = false
        for byte in bytes {
            if isWhitespace(byte) {
                pendingSpace = !output.isEmpty
            } else {
                if pendingSpace { output.append(0x20) }
                pendingSpace = false
                output.append(byte)
            }
        }
        return String(decoding: output, as: UTF8.self)
    }
}
