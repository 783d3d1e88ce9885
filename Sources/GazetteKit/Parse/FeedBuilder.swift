internal import CLibXML2
import Foundation

/// Receives the SAX events of one XML pass and builds the feed's values as elements close.
///
/// A value type reached through one pointer for the whole pass (libxml2 callbacks need a stable
/// address): no reference counting or dynamic exclusivity checks on the hot path. It lives only
/// inside one synchronous parse. Text is gathered into one byte buffer and turned into a `String` once per
/// field (item summaries and contents stay bytes until the sanitizer reads them); elements are
/// classified once per distinct (name, namespace) pair, by libxml2's interned name pointers.
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
        /// `id` tells whether this frame still owns the item draft (see `liveItem`).
        case item(saved: Context, id: Int)
        case source(saved: Context)
    }

    enum PersonTarget { case feed, item, ignored }

    struct Frame {
        var role: Role
        var pushedBase: Bool
    }

    /// One slot of `nameCache`: the (local name, namespace URI) pointers it holds the answer for.
    struct NameCacheEntry {
        var local: UnsafeRawPointer?
        var uri: UnsafeRawPointer?
        var name = FeedElementName(ns: .none, name: .other)
    }

    static let nameCacheSize = 256
    var namespaceCache: [(uri: UnsafeRawPointer, namespace: FeedNamespace)] = []

    // Results
    var family: Family = .unknown
    var format: FeedFormat = .rss
    var rootName: String?
    var feed = FeedDraft()
    var items: [FeedItem] = []
    var issues: [XMLIssue] = []
    var firstFatal: XMLIssue?
    var wellFormed = true
    var rootXMLLang: String?
    /// Repairs made while reading, for `ParsedFeed.diagnostics`.
    var notes: [String] = []
    /// Whether an unsafe `xml:base` was ignored (noted once).
    var ignoredBase = false

    // State
    var context: Context = .document
    var frames: [Frame] = []
    let text = ByteBuffer(capacity: 16 * 1024)
    var captureDepth = 0
    var escapeText = false
    var skipDepth = 0
    var bases: [String]
    /// Classified names by libxml2's interned name pointers, direct-mapped (see `classify`).
    var nameCache = [NameCacheEntry](repeating: NameCacheEntry(), count: FeedBuilder.nameCacheSize)
    var item = ItemDraft()
    var person = PersonDraft()
    var source = EntrySource()
    var converter = FeedText()
    /// The namespace of RSS 1.0 / 0.90 elements once the root tells us which it is.
    var rdfVersionSeen = false
    /// The namespace of an `<rss>` root that declares one (its children are RSS elements in it).
    var rssVocabulary: FeedNamespace?
    /// Id of the item frame whose draft is being built (-1: none). Broken documents can leave an
    /// item open when the next starts; that frame's draft is emitted early and its end ignored.
    var liveItem = -1
    var itemCounter = 0

    init(documentBase: String?) {
        bases = [documentBase ?? ""]
        frames.reserveCapacity(32)
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
                text.append("</")
                appendCString(name)
                text.append(UInt8(ascii: ">"))
            }
        case .hiddenWrapper, .opaque:
            break
        case .field(let field, let kind, let start, let savedEscape, let attribute):
            captureDepth -= 1
            escapeText = savedEscape
            if context == .item, field.isItemBody, attribute != "base64" {
                offerItemBody(field, TextValue(utf8: takeBytes(from: start), kind: kind, base: base))
            } else {
                finishField(field, value: takeText(from: start), kind: kind, attribute: attribute)
            }
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
        case .item(let saved, let id):
            context = saved
            if id == liveItem {
                finishItem()
                liveItem = -1
            }
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
            text.append(buffer)
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
        text.append(string: s)
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
        let value = TextRepair.string(from: trimmedText(from: start))
        text.truncate(to: start)
        return value
    }

    /// `takeText` for a summary or content, which stays bytes until the sanitizer reads it.
    private mutating func takeBytes(from start: Int) -> [UInt8] {
        let value = TextRepair.bytes(from: trimmedText(from: start))
        text.truncate(to: start)
        return value
    }

    /// The text gathered since `start`, without leading and trailing whitespace.
    private func trimmedText(from start: Int) -> UnsafeBufferPointer<UInt8> {
        let base = text.base
        var lo = start
        var hi = text.count
        while lo < hi, Self.isSpace(base[lo]) { lo += 1 }
        while hi > lo, Self.isSpace(base[hi - 1]) { hi -= 1 }
        return UnsafeBufferPointer(start: base + lo, count: hi - lo)
    }

    private static func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x0A || c == 0x09 || c == 0x0D }

    private mutating func startMarkup(localname: UnsafePointer<xmlChar>, uri: UnsafePointer<xmlChar>?, attributes: XMLAttributes) {
        let pushed = pushBase(attributes)
        if case .field(_, _, let start, _, let wrapperAttr) = frames.last?.role, wrapperAttr == "xhtml-wrapper",
            UnsafeBufferPointer(rebasing: text.bytes[start...]).allSatisfy(Self.isSpace), cStringEquals(localname, "div"),
            let uri, cStringEquals(uri, "http://www.w3.org/1999/xhtml")
        {
            frames.append(Frame(role: .hiddenWrapper, pushedBase: pushed))
            return
        }
        text.append(UInt8(ascii: "<"))
        appendCString(localname)
        attributes.forEachRaw { name, namespace, value in
            if let namespace, cStringEquals(namespace, "http://www.w3.org/XML/1998/namespace") { return }
            text.append(0x20)
            text.append(cString: name)
            text.append("=\"")
            let isURL = Self.isURLAttribute(name)
            if !isURL, memchr(value.baseAddress!, Int32(UInt8(ascii: "&")), value.count) == nil {
                // The common case: the value as written, escaped straight into the buffer.
                HTMLSanitizer.appendEscaped(value, to: text, quotes: true)
            } else {
                let decoded = XMLAttributes.decode(value.baseAddress!, value.baseAddress! + value.count)
                let resolved = isURL ? URLResolver.resolve(decoded, against: base) : decoded
                var utf8 = resolved
                utf8.withUTF8 { HTMLSanitizer.appendEscaped($0, to: text, quotes: true) }
            }
            text.append(UInt8(ascii: "\""))
        }
        text.append(UInt8(ascii: ">"))
        frames.append(Frame(role: .markup(localname), pushedBase: pushed))
    }

    private static func isURLAttribute(_ name: UnsafePointer<xmlChar>) -> Bool {
        for candidate: StaticString in ["href", "src", "cite", "longdesc", "background", "poster", "usemap", "action"]
        where cStringEquals(name, candidate) {
            return true
        }
        return false
    }

    private static func isVoid(_ name: UnsafePointer<xmlChar>) -> Bool {
        for v: StaticString in [
            "br", "img", "hr", "input", "meta", "link", "area", "base", "col", "embed",
            "param", "source", "track", "wbr",
        ] where cStringEquals(name, v) {
            return true
        }
        return false
    }

    private mutating func appendCString(_ p: UnsafePointer<xmlChar>) {
        text.append(cString: p)
    }

    private mutating func appendEscaped(_ buffer: UnsafeBufferPointer<UInt8>) {
        var runStart = 0
        for (i, c) in buffer.enumerated() where c == UInt8(ascii: "&") || c == UInt8(ascii: "<") || c == UInt8(ascii: ">") {
            if i > runStart { text.append(UnsafeBufferPointer(rebasing: buffer[runStart..<i])) }
            switch c {
            case UInt8(ascii: "&"): text.append("&amp;")
            case UInt8(ascii: "<"): text.append("&lt;")
            default: text.append("&gt;")
            }
            runStart = i + 1
        }
        if runStart < buffer.count { text.append(UnsafeBufferPointer(rebasing: buffer[runStart...])) }
    }

    // MARK: Names and bases

    private mutating func classify(localname: UnsafePointer<xmlChar>, uri: UnsafePointer<xmlChar>?) -> FeedElementName {
        // libxml2 interns names in its dictionary, so within one pass a (name, URI) pair always
        // arrives as the same two pointers: a pointer-keyed cache skips building two Strings.
        let local = UnsafeRawPointer(localname)
        let namespace = uri.map { UnsafeRawPointer($0) }
        let hash = (UInt(bitPattern: local) >> 3) ^ (UInt(bitPattern: namespace) >> 5)
        let slot = Int(hash & UInt(Self.nameCacheSize - 1))
        let entry = nameCache[slot]
        if entry.local == local, entry.uri == namespace { return entry.name }
        let name = FeedElementName(ns: namespaceOf(uri), name: FeedName(cString: localname))
        nameCache[slot] = NameCacheEntry(local: local, uri: namespace, name: name)
        return name
    }

    /// The namespace of a URI pointer; a pass meets only a handful of URIs, remembered by pointer.
    private mutating func namespaceOf(_ uri: UnsafePointer<xmlChar>?) -> FeedNamespace {
        guard let uri else { return .none }
        let pointer = UnsafeRawPointer(uri)
        if let known = namespaceCache.first(where: { $0.uri == pointer }) { return known.namespace }
        let namespace = FeedNamespace(uri: String(cString: uri))
        if namespaceCache.count < 32 { namespaceCache.append((pointer, namespace)) }
        return namespace
    }

    /// Pushes the base an `xml:base` sets. A base that would resolve links into another scheme than
    /// `http(s)` or the document's own (`javascript:`, `data:`, `file:` in a fetched feed) is ignored:
    /// the base in force stays, so links never resolve into a dangerous scheme.
    private mutating func pushBase(_ attributes: XMLAttributes) -> Bool {
        guard !attributes.isEmpty, let value = attributes.value("base", namespaced: true) else { return false }
        let resolved = URLResolver.resolve(value, against: base)
        let scheme = HTMLSanitizer.scheme(of: resolved)
        // (A base still relative, with no document URL to resolve it against, cannot name a scheme.)
        if scheme == nil || scheme == "http" || scheme == "https" || scheme == HTMLSanitizer.scheme(of: bases[0]) {
            bases.append(resolved)
        } else {
            if !ignoredBase {
                ignoredBase = true
                notes.append("ignored xml:base \"\(value.prefix(60))\": links resolve only into http(s) or the document's own scheme")
            }
            bases.append(base)
        }
        return true
    }
}
