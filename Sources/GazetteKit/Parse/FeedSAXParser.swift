internal import CLibXML2
import Foundation

/// One problem libxml2 reported while reading a document, with its position.
struct XMLIssue: Sendable, Equatable {
    var code: Int32
    var line: Int
    var column: Int
    var message: String
    var isFatal: Bool

    /// "line L:C: message", as `ParsedFeed.diagnostics` shows it.
    var diagnostic: String { "line \(line):\(column): \(message)" }

    /// True for the errors that mean "these bytes are not in the encoding we decoded them with".
    /// (libxml2 reports both undecodable bytes and well-decoded but forbidden characters such as
    /// U+000F as XML_ERR_INVALID_CHAR; only the former is an encoding problem.)
    var isEncodingError: Bool {
        if code == Int32(XML_ERR_INVALID_CHAR.rawValue) {
            return message.contains("not proper") || message.contains("encoding")
        }
        return code == Int32(XML_ERR_INVALID_ENCODING.rawValue) || code == Int32(XML_ERR_UNSUPPORTED_ENCODING.rawValue)
            || code == Int32(XML_ERR_UNKNOWN_ENCODING.rawValue)
    }

    /// True for an undefined entity or a bare `&`: damage the entity repair pass can mend.
    var isEntityError: Bool {
        code == Int32(XML_ERR_UNDECLARED_ENTITY.rawValue) || code == Int32(XML_ERR_NAME_REQUIRED.rawValue)
            || code == Int32(XML_ERR_ENTITYREF_SEMICOL_MISSING.rawValue)
            || code == Int32(XML_WAR_UNDECLARED_ENTITY.rawValue)
    }
}

/// Drives one streaming libxml2 SAX2 pass over a document, handing events to a `FeedBuilder`.
///
/// Streaming keeps memory flat and avoids building a DOM; the same pass with `recover: true`
/// salvages broken documents (libxml2's recover mode keeps delivering balanced events).
/// Hostile input: no entity substitution, no DTD loading, no network; libxml2's limits stay on.
enum FeedSAXParser {
    /// Size of the slices fed to the push parser: large enough to amortize calls, small enough
    /// that libxml2 never holds a second copy of a big document.
    static let chunkSize = 256 * 1024

    /// Documents up to this size are handed to libxml2 in one piece (libxml2 copies its input, so a
    /// bigger one is fed in chunks to keep a second copy of it out of memory).
    static let wholeDocumentLimit = 4 * 1024 * 1024

    /// Parses `bytes` into a new builder and returns it. `encoding` (an IANA charset name) overrides the document's
    /// own declaration; `recover` keeps going after fatal errors.
    static func run(
        _ bytes: UnsafeRawBufferPointer, encoding: String?, recover: Bool, documentBase: String?
    ) -> FeedBuilder {
        LibXML.ensureInitialized()
        let builder = UnsafeMutablePointer<FeedBuilder>.allocate(capacity: 1)
        builder.initialize(to: FeedBuilder(documentBase: documentBase))
        defer { builder.deallocate() }
        guard let base = bytes.baseAddress, bytes.count > 0 else { return builder.move() }
        var sax = xmlSAXHandler()
        sax.initialized = UInt32(XML_SAX2_MAGIC)
        sax.startElementNs = saxStartElement
        sax.endElementNs = saxEndElement
        sax.characters = saxCharacters
        sax.cdataBlock = saxCharacters
        sax.ignorableWhitespace = saxCharacters
        sax.reference = saxReference
        sax.serror = saxError
        let user = UnsafeMutableRawPointer(builder)
        guard let ctxt = xmlCreatePushParserCtxt(&sax, user, nil, 0, nil) else { return builder.move() }
        defer {
            // libxml2 builds a document of its own for an internal subset's entity declarations
            // ("SAX compat mode"), which freeing the context leaves behind (LeakSanitizer, FuzzParser).
            if let document = ctxt.pointee.myDoc { xmlFreeDoc(document) }
            xmlFreeParserCtxt(ctxt)
        }
        var options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)
        if recover { options |= Int32(XML_PARSE_RECOVER.rawValue) }
        var handler: xmlCharEncodingHandlerPtr?
        if let encoding {
            handler = xmlFindCharEncodingHandler(encoding)
            if handler != nil { options |= Int32(XML_PARSE_IGNORE_ENC.rawValue) }
        }
        xmlCtxtUseOptions(ctxt, options)
        if let handler { xmlSwitchToEncoding(ctxt, handler) }
        let start = base.assumingMemoryBound(to: CChar.self)
        if bytes.count <= wholeDocumentLimit {
            // One call that is also the last: libxml2 then skips the look-ahead scans it makes
            // while waiting for more input (measured: a few percent of a parse).
            xmlParseChunk(ctxt, start, Int32(bytes.count), 1)
        } else {
            var offset = 0
            var stopped = false
            while offset < bytes.count {
                let length = min(chunkSize, bytes.count - offset)
                let status = xmlParseChunk(ctxt, start + offset, Int32(length), 0)
                offset += length
                if status != 0 && !recover {
                    stopped = true
                    break
                }
            }
            if !stopped { xmlParseChunk(ctxt, nil, 0, 1) }
        }
        builder.pointee.wellFormed = ctxt.pointee.wellFormed != 0
        if recover { builder.pointee.keepTruncatedItem() }
        return builder.move()
    }
}

private func builder(_ ctx: UnsafeMutableRawPointer?) -> UnsafeMutablePointer<FeedBuilder>? {
    ctx?.assumingMemoryBound(to: FeedBuilder.self)
}

private let saxStartElement: startElementNsSAX2Func = {
    ctx, localname, _, uri, _, _, nbAttributes, _, attributes in
    guard let localname else { return }
    builder(ctx)?.pointee.startElement(
        localname: localname, uri: uri,
        attributes: XMLAttributes(raw: attributes, count: Int(nbAttributes)))
}

private let saxEndElement: endElementNsSAX2Func = { ctx, _, _, _ in
    builder(ctx)?.pointee.endElement()
}

private let saxCharacters: charactersSAXFunc = { ctx, chars, length in
    guard let chars, length > 0 else { return }
    builder(ctx)?.pointee.characters(chars, Int(length))
}

private let saxReference: referenceSAXFunc = { ctx, name in
    guard let name else { return }
    builder(ctx)?.pointee.undeclaredEntity(String(cString: name))
}

private let saxError: xmlStructuredErrorFunc = { ctx, error in
    guard let error, let b = builder(ctx) else { return }
    let e = error.pointee
    var message = e.message.map { String(cString: $0) } ?? "XML error \(e.code)"
    while message.last?.isWhitespace == true { message.removeLast() }
    b.pointee.recordIssue(
        XMLIssue(
            code: e.code, line: Int(e.line), column: Int(e.int2), message: message,
            // An entity a declared external DTD would define (RSS 0.91's Netscape DTD declares the
            // HTML entities): not a well-formedness error; the reference handler fills it in.
            isFatal: e.level.rawValue >= XML_ERR_ERROR.rawValue && e.code != Int32(XML_WAR_UNDECLARED_ENTITY.rawValue)))
}

/// The attributes of a SAX2 start tag: `count` groups of (localname, prefix, URI, value, end).
struct XMLAttributes {
    let raw: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?
    let count: Int

    var isEmpty: Bool { count == 0 || raw == nil }

    /// The value of the attribute `local` with no namespace (or, with `xmlNamespace`, in the xml: namespace).
    func value(_ local: StaticString, namespaced: Bool = false) -> String? {
        guard let raw else { return nil }
        for i in 0..<count {
            let base = raw + i * 5
            guard let name = base[0] else { continue }
            if (base[2] != nil) != namespaced { continue }
            if !cStringEquals(name, local) { continue }
            guard let start = base[3], let end = base[4] else { return "" }
            return Self.decode(start, end)
        }
        return nil
    }

    /// The value of `local` in any namespace whose URI ends with `uriSuffix` (e.g. rdf:resource).
    func value(_ local: StaticString, uriContaining needle: String) -> String? {
        guard let raw else { return nil }
        for i in 0..<count {
            let base = raw + i * 5
            guard let name = base[0], let uri = base[2], cStringEquals(name, local) else { continue }
            guard String(cString: uri).contains(needle) else { continue }
            guard let start = base[3], let end = base[4] else { return "" }
            return Self.decode(start, end)
        }
        return nil
    }

    /// Calls `body` with every attribute as libxml2 holds it: local name, namespace URI, and the
    /// value's bytes (references not yet decoded, see `decode`).
    func forEachRaw(_ body: (UnsafePointer<xmlChar>, UnsafePointer<xmlChar>?, UnsafeBufferPointer<UInt8>) -> Void) {
        guard let raw else { return }
        let empty: StaticString = ""
        for i in 0..<count {
            let base = raw + i * 5
            guard let name = base[0] else { continue }
            if let start = base[3], let end = base[4] {
                body(name, base[2], UnsafeBufferPointer(start: start, count: end - start))
            } else {
                body(name, base[2], UnsafeBufferPointer(start: empty.utf8Start, count: 0))
            }
        }
    }
}

extension XMLAttributes {
    /// An attribute value as text. Without entity substitution libxml2 hands SAX2 the value with
    /// references still in it (`&amp;` arrives as `&#38;`): decode character references and the
    /// five predefined entities here.
    static func decode(_ start: UnsafePointer<xmlChar>, _ end: UnsafePointer<xmlChar>) -> String {
        let bytes = UnsafeBufferPointer(start: start, count: end - start)
        guard memchr(start, Int32(UInt8(ascii: "&")), bytes.count) != nil else { return String(decoding: bytes, as: UTF8.self) }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            let c = bytes[i]
            guard c == UInt8(ascii: "&"), let semi = bytes[i...].prefix(12).firstIndex(of: UInt8(ascii: ";")) else {
                out.append(c)
                i += 1
                continue
            }
            let name = String(decoding: UnsafeBufferPointer(rebasing: bytes[(i + 1)..<semi]), as: UTF8.self)
            var scalar: Unicode.Scalar?
            switch name {
            case "amp": scalar = "&"
            case "lt": scalar = "<"
            case "gt": scalar = ">"
            case "quot": scalar = "\""
            case "apos": scalar = "'"
            default:
                if name.hasPrefix("#x") || name.hasPrefix("#X") {
                    scalar = UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init)
                } else if name.hasPrefix("#") {
                    scalar = UInt32(name.dropFirst()).flatMap(Unicode.Scalar.init)
                }
            }
            if let scalar {
                out.append(contentsOf: Array(String(Character(scalar)).utf8))
                i = semi + 1
            } else {
                out.append(c)
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}

/// Compares a NUL-terminated C string with a static ASCII string without allocating.
func cStringEquals(_ c: UnsafePointer<UInt8>, _ s: StaticString) -> Bool {
    let n = s.utf8CodeUnitCount
    let p = s.utf8Start
    for i in 0..<n where c[i] != p[i] { return false }
    return c[n] == 0
}
