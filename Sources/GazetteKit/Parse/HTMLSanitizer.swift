internal import CLibXML2
import Foundation

/// Makes untrusted HTML from feeds safe to republish, using libxml2's HTML parser (SAX, no tree) and an allow-list.
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
/// - Inline SVG and MathML are kept (feedparser's element and attribute lists, SVG names in
///   camelCase), but without SVG animation elements, `use` and `foreignObject`, which can rewrite
///   links to `javascript:` or pull in other documents (see `ForeignVocabulary`).
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
        return html.withUTF8 { sanitize($0, baseURL: baseURL) }
    }

    /// `sanitize(_:baseURL:)` for UTF-8 bytes, with buffers reused from earlier fragments.
    func sanitize(_ bytes: UnsafeBufferPointer<UInt8>, baseURL: URL?, workspace: Workspace = Workspace()) -> String {
        if Self.containsNUL(bytes) {
            return Self.withoutNUL(bytes) { sanitize($0, baseURL: baseURL, workspace: workspace) }
        }
        // Fast path: plain text without markup or references is already safe HTML.
        if !Self.containsMarkup(bytes) { return String(decoding: bytes, as: UTF8.self) }
        var writer = Writer(baseURL: baseURL, output: workspace.output)
        if Self.streamTidy(bytes, into: &writer, workspace: workspace) { return writer.output.string() }
        return Self.sanitizeWithLibXML(prepared: Self.prepare(bytes), original: bytes, baseURL: baseURL)
    }

    /// The general path: libxml2's HTML parser (SAX) for any fragment, however malformed.
    static func sanitizeWithLibXML(prepared input: [UInt8], original bytes: UnsafeBufferPointer<UInt8>, baseURL: URL?) -> String {
        var writer = Writer(baseURL: baseURL, capacity: bytes.count + 16)
        if !stream(prepared: input, into: &writer) {
            // libxml2 gave up (nesting deeper than its limit): keep the text, lose the markup.
            writer = Writer(baseURL: baseURL, capacity: bytes.count + 16)
            strippingTags(bytes).withUnsafeBufferPointer { text in
                _ = stream(text, into: &writer)
            }
        }
        return writer.output.string()
    }

    /// Both paths on one fragment, for tests: the tidy tokenizer's output (nil when it gives up)
    /// and libxml2's.
    static func bothPaths(_ html: String, baseURL: URL?) -> (tidy: String?, libxml: String) {
        var html = html
        return html.withUTF8 { original in
            withoutNUL(original) { bytes in
                var writer = Writer(baseURL: baseURL, capacity: bytes.count + 16)
                let tidy = streamTidy(bytes, into: &writer) ? writer.output.string() : nil
                return (tidy, sanitizeWithLibXML(prepared: prepare(bytes), original: bytes, baseURL: baseURL))
            }
        }
    }

    static func containsNUL(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return false }
        return memchr(base, 0, bytes.count) != nil
    }

    /// `body` over `bytes` without NUL bytes, which HTML ignores in text (HTML 5 §13.2.6.4.7) and
    /// which end libxml2's raw-text parsing early, losing what follows (found by FuzzSanitizerPaths).
    static func withoutNUL<R>(_ bytes: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        guard containsNUL(bytes) else { return body(bytes) }
        let kept = bytes.filter { $0 != 0 }
        return kept.withUnsafeBufferPointer(body)
    }

    /// Returns the text of an HTML fragment: markup removed, entities decoded, whitespace collapsed.
    /// Used for titles, which Gazette always keeps as plain text.
    public func plainText(fromHTML html: String) -> String {
        var html = html
        return html.withUTF8 { bytes in
            guard Self.containsMarkup(bytes) else { return Self.collapsingWhitespace(bytes) }
            var collector = TextCollector(capacity: bytes.count)
            if !Self.withParsedFragment(bytes, { root in collector.walk(children: root) }) {
                Self.strippingTags(bytes).withUnsafeBufferPointer { text in
                    _ = Self.withParsedFragment(text) { root in collector.walk(children: root) }
                }
            }
            return collector.output.withUnsafeBufferPointer { Self.collapsingWhitespace($0) }
        }
    }

    /// Escapes plain text for inclusion in HTML (`&`, `<`, `>`, `"`).
    public static func escape(_ text: String) -> String {
        var text = text
        return text.withUTF8 { escape($0) }
    }

    /// `escape(_:)` for UTF-8 bytes.
    static func escape(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        guard let base = bytes.baseAddress,
            ByteScan.escapeStop(base, from: 0, to: bytes.count, quotes: true) < bytes.count
        else {
            return String(decoding: bytes, as: UTF8.self)
        }
        let output = ByteBuffer(capacity: bytes.count + 32)
        appendEscaped(bytes, to: output, quotes: true)
        return output.string()
    }

    // MARK: - Parsing

    /// Whether the fragment needs the parser: markup, a reference, or a C1 control character
    /// (U+0080–U+009F, UTF-8 `C2 80`–`C2 9F`) to repair.
    static func containsMarkup(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        for byte in bytes where byte == UInt8(ascii: "<") || byte == UInt8(ascii: "&") || byte == 0xC2 { return true }
        return false
    }

    /// Appends the windows-1252 character for the C1 control whose second UTF-8 byte is `low`
    /// (0x80–0x9F); returns false when windows-1252 leaves that code point undefined.
    static func appendWindows1252(forC1 low: UInt8, to output: ByteBuffer) -> Bool {
        guard let scalar = Windows1252.replacement(forC1: UInt32(low)) else { return false }
        output.append(scalar: scalar)
        return true
    }

    private static let parseOptions = Int32(
        HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NONET.rawValue | HTML_PARSE_NOERROR.rawValue
            | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_NOIMPLIED.rawValue | HTML_PARSE_NODEFDTD.rawValue)

    static let wrapperPrefix: [UInt8] = Array("<html><body>".utf8)

    /// Parses `fragment` as the content of `<body>` and hands the `<html>` element to `body`
    /// (nil when libxml2 produced nothing). Every libxml2 pointer lives only inside this call.
    /// Returns false, without calling `body`, when libxml2 stopped before the end of the input
    /// (it does so past its nesting limit of 256 elements, which must not cost the text).
    ///
    /// The fragment is wrapped in `<html><body>` so libxml2 does not invent `<p>` elements around
    /// top-level text, and end tags `</body>`, `</html>`, `</head>` inside it are renamed so they
    /// cannot close the wrapper early.
    @discardableResult
    static func withParsedFragment(_ fragment: UnsafeBufferPointer<UInt8>, _ body: (xmlNodePtr?) -> Void) -> Bool {
        LibXML.ensureInitialized()
        let input = prepare(fragment)
        guard input.count < Int(Int32.max), let context = htmlNewParserCtxt() else {
            body(nil)
            return true
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
            return true
        }
        defer { xmlFreeDoc(document) }
        guard context.pointee.disableSAX == 0 else { return false }
        body(xmlDocGetRootElement(document))
        return true
    }

    // MARK: - Text helpers

    /// Appends `bytes` with `&`, `<`, `>` (and `"` when `quotes`) replaced by references, and C1
    /// controls by their windows-1252 characters.
    static func appendEscaped(_ bytes: UnsafeBufferPointer<UInt8>, to output: ByteBuffer, quotes: Bool) {
        guard let base = bytes.baseAddress else { return }
        let count = bytes.count
        var runStart = 0
        var index = 0
        while index < count {
            index = ByteScan.escapeStop(base, from: index, to: count, quotes: quotes)
            guard index < count else { break }
            let replacement: StaticString
            switch base[index] {
            case UInt8(ascii: "&"): replacement = "&amp;"
            case UInt8(ascii: "<"): replacement = "&lt;"
            case UInt8(ascii: ">"): replacement = "&gt;"
            case UInt8(ascii: "\"") where quotes: replacement = "&quot;"
            case 0xC2 where index + 1 < count && base[index + 1] >= 0x80 && base[index + 1] <= 0x9F:
                output.append(UnsafeBufferPointer(start: base + runStart, count: index - runStart))
                if !appendWindows1252(forC1: base[index + 1], to: output) {
                    output.append(UnsafeBufferPointer(start: base + index, count: 2))
                }
                index += 2
                runStart = index
                continue
            default:
                index += 1
                continue
            }
            output.append(UnsafeBufferPointer(start: base + runStart, count: index - runStart))
            output.append(replacement)
            index += 1
            runStart = index
        }
        output.append(UnsafeBufferPointer(start: base + runStart, count: count - runStart))
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
                if byte == 0xC2 { needsWork = true; break }
                previousWasSpace = false
            }
        }
        if !needsWork && !previousWasSpace { return String(decoding: bytes, as: UTF8.self) }
        let output = ByteBuffer(capacity: bytes.count)
        var pendingSpace = false
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            if isWhitespace(byte) {
                pendingSpace = !output.isEmpty
                continue
            }
            if pendingSpace { output.append(0x20) }
            pendingSpace = false
            if byte == 0xC2, index < bytes.count, bytes[index] >= 0x80, bytes[index] <= 0x9F,
                appendWindows1252(forC1: bytes[index], to: output)
            {
                index += 1
                continue
            }
            output.append(byte)
        }
        return output.string()
    }
}
