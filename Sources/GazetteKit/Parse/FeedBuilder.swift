internal import CLibXML2
import Foundation

/// Receives the SAX events of one XML pass and builds the feed's values as elements close.
///
/// A value type reached through one pointer for the whole pass (libxml2 callbacks need a stable
/// address): no reference counting or dynamic exclusivity checks on the hot path. It lives only
/// inside one synchronous parse. Text is gathered into one byte buffer and turned into a `String` once per
/// field; elements are classified once per distinct (name, namespace) pair.
struct FeedBuilder {
    /// Which vocabulary the root element announced.
    enum Family { case unknown, rss, rdf, atom }

    /// Where in the feed structure the current element sits.
    enum Context { case document, root, feed, item, source, person, image }

    /// What an open element is to the builder.
    enum Role {
        case container(saved: Context)
        /// Children are ignored (attribute-only elements such as `<enclosure>`, `<atom:link>`).
        case opaque
        case field(Field, kind: TextKind, start: Int, savedEscape: Bool, attribute: String?)
        /// A child element inside a captured field, re-serialized as markup.
        case markup(UnsafePointer<xmlChar>)
        /// The `<div>` wrapper of Atom xhtml content: kept out of the value.
        case hiddenWrapper
        case person(saved: Context, target: PersonTarget)
        case item(saved: Context)
        case source(saved: Context)
    }

    enum PersonTarget { case feed, item, ignored }

    struct Frame {
        var role: Role
        var pushedBase: Bool
    }

    struct NameKey: Hashable {
        let local: UnsafeRawPointer
        let uri: UnsafeRawPointer?
    }

    // Results
    var family: Family = .unknown
    var format: FeedFormat = .rss
    var rootName: String?
    var feed = FeedDraft()
    var items: [FeedItem] = []
    var issues: [XMLIssue] = []
    var firstFatal: XMLIssue?
    var wellFormed = true
    var shouldStop = false
    var rootXMLLang: String?

    // State
    var context: Context = .document
    var frames: [Frame] = []
    var text: [UInt8] = []
    var captureDepth = 0
    var escapeText = false
    var skipDepth = 0
    var bases: [String]
    var nameCache: [NameKey: FeedElementName] = [:]
    var item = ItemDraft()
    var person = PersonDraft()
    var source = EntrySource()
    var converter = FeedText()
    /// The namespace of RSS 1.0 / 0.90 elements once the root tells us which it is.
    var rdfVersionSeen = false

    init(documentBase: String?) {
        bases = [documentBase ?? ""]
        frames.reserveCapacity(32)
        text.reserveCapacity(16 * 1024)
    }

    var base: String { bases[bases.count - 1] }

    // MARK: SAX events

    mutating func startElement(localname: UnsafePointer<xmlChar>, uri: UnsafePointer<xmlChar>?, attributes: XMLAttributes) {
        if skipDepth > 0 {
            skipDepth += 1
            return
        }
        if captureDepth > 0 {
            startMarkup(localname: localname, uri: uri, attributes: attributes)
            return
        }
        if let top = frames.last, case .opaque = top.role {
            skipDepth = 1
            return
        }
        let name = classify(localname: localname, uri: uri)
        let pushed = pushBase(attributes)
        guard let role = dispatch(name, attributes: attributes, localname: localname) else {
            if pushed { bases.removeLast() }
            skipDepth = 1
            return
        }
        frames.append(Frame(role: role, pushedBase: pushed))
    }

    mutating func endElement() {
        if skipDepth > 0 {
            skipDepth -= 1
            return
        }
        guard let frame = frames.popLast() else { return }
        switch frame.role {
        case .markup(let name):
            if !Self.isVoid(name) {
                text.append(contentsOf: [UInt8(ascii: "<"), UInt8(ascii: "/")])
                appendCString(name)
                text.append(UInt8(ascii: ">"))
            }
        case .hiddenWrapper, .opaque:
            break
        case .field(let field, let kind, let start, let savedEscape, let attribute):
            let value = takeText(from: start)
            captureDepth -= 1
            escapeText = savedEscape
            finishField(field, value: value, kind: kind, attribute: attribute)
        case .container(let saved):
            context = saved
        case .person(let saved, let target):
            context = saved
            if let p = person.person {
                switch target {
                case .feed: feed.authors.append(p)
                case .item: if !item.authors.contains(p) { item.authors.append(p) }
                case .ignored: break
                }
            }
        case .item(let saved):
            context = saved
            finishItem()
        case .source(let saved):
            context = saved
            if source != EntrySource() { item.source = source }
        }
        if frame.pushedBase { bases.removeLast() }
    }

    mutating func characters(_ chars: UnsafePointer<xmlChar>, _ length: Int) {
        guard captureDepth > 0, skipDepth == 0 else { return }
        let buffer = UnsafeBufferPointer(start: chars, count: length)
        if escapeText {
            appendEscaped(buffer)
        } else {
            text.append(contentsOf: buffer)
        }
    }

    /// An entity libxml2 could not resolve but did not treat as fatal (documents with an external DTD):
    /// HTML names such as `&nbsp;` still become their character.
    mutating func undeclaredEntity(_ name: String) {
        guard captureDepth > 0, skipDepth == 0, let code = HTMLEntities.codePoint(name),
            let scalar = Unicode.Scalar(code)
        else { return }
        var s = String(Character(scalar))
        if escapeText { s = HTMLSanitizer.escape(s) }
        text.append(contentsOf: Array(s.utf8))
    }

    mutating func recordIssue(_ issue: XMLIssue) {
        if issue.isFatal && firstFatal == nil { firstFatal = issue }
        if issues.count < 50 { issues.append(issue) }
    }

    // MARK: Text capture

    mutating func beginField(_ field: Field, kind: TextKind, markup: Bool = false, attribute: String? = nil) -> Role {
        let role = Role.field(field, kind: kind, start: text.count, savedEscape: escapeText, attribute: attribute)
        captureDepth += 1
        escapeText = markup
        return role
    }

    private mutating func takeText(from start: Int) -> String {
        var lo = start
        var hi = text.count
        while lo < hi, Self.isSpace(text[lo]) { lo += 1 }
        while hi > lo, Self.isSpace(text[hi - 1]) { hi -= 1 }
        let value = text.withUnsafeBufferPointer { all in
            let slice = UnsafeBufferPointer(rebasing: all[lo..<hi])
            if let repaired = Self.undoDoubleEncoding(slice) { return repaired }
            return Self.hasC1Control(slice) ? Self.remapC1(slice) : String(decoding: slice, as: UTF8.self)
        }
        text.removeSubrange(start...)
        return value
    }

    /// Text that was UTF-8, read as ISO-8859-1 and encoded again (`â€¦` for `…`, often as
    /// `&#226;&#128;&#166;`): when every character fits in a byte and those bytes are valid UTF-8 with a
    /// multi-byte sequence, the intended text is that UTF-8.
    private static func undoDoubleEncoding(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        var found = false
        var i = bytes.startIndex
        while let k = bytes[i...].firstIndex(of: 0xC3), k + 3 < bytes.endIndex {
            if bytes[k + 1] >= 0x82, bytes[k + 1] <= 0xB4, bytes[k + 2] == 0xC2 || bytes[k + 2] == 0xC3 {
                found = true
                break
            }
            i = k + 1
        }
        guard found else { return nil }
        var narrowed: [UInt8] = []
        narrowed.reserveCapacity(bytes.count)
        for scalar in String(decoding: bytes, as: UTF8.self).unicodeScalars {
            guard scalar.value <= 0xFF else { return nil }
            narrowed.append(UInt8(scalar.value))
        }
        return String(validating: narrowed, as: UTF8.self)
    }

    /// C1 controls (U+0080–U+009F, UTF-8 `C2 80`–`C2 9F`) in feeds are windows-1252 characters
    /// mislabelled (`&#146;` meaning a right quote): feedparser and browsers read them so.
    private static func hasC1Control(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = bytes.startIndex
        while let k = bytes[i...].firstIndex(of: 0xC2) {
            if k + 1 < bytes.endIndex, bytes[k + 1] >= 0x80, bytes[k + 1] <= 0x9F { return true }
            i = k + 1
        }
        return false
    }

    private static func remapC1(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 8)
        var i = bytes.startIndex
        while i < bytes.endIndex {
            if bytes[i] == 0xC2, i + 1 < bytes.endIndex, bytes[i + 1] >= 0x80, bytes[i + 1] <= 0x9F {
                Windows1252.appendUTF8(Windows1252.high[Int(bytes[i + 1] - 0x80)], to: &out)
                i += 2
            } else {
                out.append(bytes[i])
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x0A || c == 0x09 || c == 0x0D }

    private mutating func startMarkup(localname: UnsafePointer<xmlChar>, uri: UnsafePointer<xmlChar>?, attributes: XMLAttributes) {
        let pushed = pushBase(attributes)
        if case .field(_, _, let start, _, let wrapperAttr) = frames.last?.role, wrapperAttr == "xhtml-wrapper",
            text.count == start || text[start...].allSatisfy(Self.isSpace), cStringEquals(localname, "div"),
            let uri, cStringEquals(uri, "http://www.w3.org/1999/xhtml")
        {
            frames.append(Frame(role: .hiddenWrapper, pushedBase: pushed))
            return
        }
        text.append(UInt8(ascii: "<"))
        appendCString(localname)
        attributes.forEach { name, ns, value in
            if ns == "http://www.w3.org/XML/1998/namespace" { return }
            text.append(0x20)
            text.append(contentsOf: Array(name.utf8))
            text.append(contentsOf: [UInt8(ascii: "="), UInt8(ascii: "\"")])
            let v = Self.isURLAttribute(name) ? URLResolver.resolve(value, against: base) : value
            var escaped = v
            if FeedText.mayNeedEscaping(v) { escaped = HTMLSanitizer.escape(v) }
            text.append(contentsOf: Array(escaped.utf8))
            text.append(UInt8(ascii: "\""))
        }
        text.append(UInt8(ascii: ">"))
        frames.append(Frame(role: .markup(localname), pushedBase: pushed))
    }

    private static func isURLAttribute(_ name: String) -> Bool {
        switch name {
        case "href", "src", "cite", "longdesc", "background", "poster", "usemap", "action": true
        default: false
        }
    }

    private static func isVoid(_ name: UnsafePointer<xmlChar>) -> Bool {
        for v: StaticString in ["br", "img", "hr", "input", "meta", "link", "area", "base", "col", "embed",
                                "param", "source", "track", "wbr"] where cStringEquals(name, v) {
            return true
        }
        return false
    }

    private mutating func appendCString(_ p: UnsafePointer<xmlChar>) {
        var i = 0
        while p[i] != 0 { text.append(p[i]); i += 1 }
    }

    private mutating func appendEscaped(_ buffer: UnsafeBufferPointer<UInt8>) {
        var runStart = 0
        for (i, c) in buffer.enumerated() where c == UInt8(ascii: "&") || c == UInt8(ascii: "<") || c == UInt8(ascii: ">") {
            if i > runStart { text.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[runStart..<i])) }
            switch c {
            case UInt8(ascii: "&"): text.append(contentsOf: [0x26, 0x61, 0x6D, 0x70, 0x3B])
            case UInt8(ascii: "<"): text.append(contentsOf: [0x26, 0x6C, 0x74, 0x3B])
            default: text.append(contentsOf: [0x26, 0x67, 0x74, 0x3B])
            }
            runStart = i + 1
        }
        if runStart < buffer.count { text.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[runStart...])) }
    }

    // MARK: Names and bases

    private mutating func classify(localname: UnsafePointer<xmlChar>, uri: UnsafePointer<xmlChar>?) -> FeedElementName {
        let key = NameKey(local: UnsafeRawPointer(localname), uri: uri.map { UnsafeRawPointer($0) })
        if let hit = nameCache[key] { return hit }
        let ns = FeedNamespace(uri: uri.map { String(cString: $0) })
        let name = FeedElementName(ns: ns, name: FeedName(String(cString: localname)))
        if nameCache.count > 4096 { nameCache.removeAll(keepingCapacity: true) }
        nameCache[key] = name
        return name
    }

    private mutating func pushBase(_ attributes: XMLAttributes) -> Bool {
        guard !attributes.isEmpty, let value = attributes.value("base", namespaced: true) else { return false }
        bases.append(URLResolver.resolve(value, against: base))
        return true
    }
}
