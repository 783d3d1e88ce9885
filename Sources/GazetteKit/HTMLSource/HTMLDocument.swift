internal import CLibXML2
import Foundation

/// Parses HTML with libxml2's forgiving HTML parser and reads text, attributes and markup off its
/// nodes. Every pointer lives inside `withDocument`'s body and must not escape it.
enum HTMLDocument {
    /// RECOVER | NONET | NOERROR | NOWARNING | IGNORE_ENC (the encoding is always chosen up front).
    static let parseOptions = Int32(
        bitPattern: HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NONET.rawValue | HTML_PARSE_NOERROR.rawValue
            | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_IGNORE_ENC.rawValue | HTML_PARSE_COMPACT.rawValue)

    /// Parses `data` in `encoding` and runs `body` on the document; returns `nil` when libxml2 built nothing.
    static func withDocument<T>(
        _ data: Data, url: String?, encoding: String, _ body: (xmlDocPtr) -> T
    ) -> T? {
        LibXML.ensureInitialized()
        guard !data.isEmpty, data.count <= Int(Int32.max), let ctxt = htmlNewParserCtxt() else { return nil }
        defer { htmlFreeParserCtxt(ctxt) }
        let document: xmlDocPtr? = data.withUnsafeBytes { raw in
            guard let base = raw.baseAddress?.assumingMemoryBound(to: CChar.self) else { return nil }
            return htmlCtxtReadMemory(ctxt, base, Int32(raw.count), url, encoding, parseOptions)
        }
        guard let document else { return nil }
        defer { xmlFreeDoc(document) }
        return body(document)
    }

    /// Parses an HTML fragment (UTF-8) inside a `<body>` and runs `body` on that `<body>` element.
    static func withFragment<T>(_ html: String, _ body: (xmlDocPtr, xmlNodePtr) -> T) -> T? {
        let wrapped = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body>" + html + "</body></html>"
        return withDocument(Data(wrapped.utf8), url: nil, encoding: "UTF-8") { doc -> T? in
            guard let root = xmlDocGetRootElement(doc), let bodyNode = firstChild(of: root, named: "body") else {
                return nil
            }
            return body(doc, bodyNode)
        } ?? nil
    }

    // MARK: - Node helpers

    /// The lower-case element name (libxml2's HTML parser already lower-cases names).
    static func name(_ node: xmlNodePtr) -> String {
        guard let name = node.pointee.name else { return "" }
        return String(cString: name)
    }

    /// Whether the node's name is `wanted`, without building a Swift string.
    static func nameIs(_ node: xmlNodePtr, _ wanted: StaticString) -> Bool {
        guard let name = node.pointee.name else { return false }
        return strcmp(
            UnsafeRawPointer(name).assumingMemoryBound(to: CChar.self),
            UnsafeRawPointer(wanted.utf8Start).assumingMemoryBound(to: CChar.self)) == 0
    }

    /// The element name packed with its length into 64 bits, for allocation-free set lookups.
    static func nameKey(_ node: xmlNodePtr) -> UInt64 {
        guard let name = node.pointee.name else { return 0 }
        var key: UInt64 = 0
        var length: UInt64 = 0
        while name[Int(length)] != 0 {
            if length < 7 { key |= UInt64(name[Int(length)]) << (8 * length) }
            length += 1
        }
        return key | (min(length, 255) << 56)
    }

    static func nameKey(_ name: String) -> UInt64 {
        var key: UInt64 = 0
        for (index, byte) in name.utf8.prefix(7).enumerated() { key |= UInt64(byte) << (8 * UInt64(index)) }
        return key | (UInt64(min(name.utf8.count, 255)) << 56)
    }

    static func isElement(_ node: xmlNodePtr) -> Bool { node.pointee.type == XML_ELEMENT_NODE }

    /// The element children of `node`, in order.
    static func elementChildren(_ node: xmlNodePtr) -> [xmlNodePtr] {
        var result: [xmlNodePtr] = []
        var child = node.pointee.children
        while let current = child {
            if isElement(current) { result.append(current) }
            child = current.pointee.next
        }
        return result
    }

    static func firstChild(of node: xmlNodePtr, named wanted: String) -> xmlNodePtr? {
        elementChildren(node).first { name($0) == wanted }
    }

    /// The value of attribute `attribute` on an element, or `nil`.
    static func attribute(_ node: xmlNodePtr, _ attribute: String) -> String? {
        guard isElement(node), let value = xmlGetProp(node, attribute) else { return nil }
        defer { gazette_xmlFree(value) }
        return String(cString: value)
    }

    /// The string value of any node: an attribute's value, a text node's text, an element's visible text.
    /// Whitespace is collapsed; `<script>`, `<style>` and `<template>` contents are ignored.
    static func text(of node: xmlNodePtr) -> String {
        switch node.pointee.type {
        case XML_ELEMENT_NODE, XML_DOCUMENT_NODE, XML_HTML_DOCUMENT_NODE:
            var collector = TextCollector()
            collectText(node, into: &collector)
            return collector.result
        default:
            guard let content = xmlNodeGetContent(node) else { return "" }
            defer { gazette_xmlFree(content) }
            var collector = TextCollector()
            collector.append(String(cString: content))
            return collector.result
        }
    }

    private static let skippedElements = Set(["script", "style", "template", "noscript"].map(nameKey))
    private static let blockElements = Set(
        [
            "p", "div", "br", "li", "ul", "ol", "td", "th", "tr", "table", "h1", "h2", "h3", "h4", "h5", "h6",
            "section", "article", "header", "footer", "blockquote", "dd", "dt", "dl", "figure", "figcaption",
        ].map(nameKey))

    private static func collectText(_ node: xmlNodePtr, into collector: inout TextCollector) {
        var child = node.pointee.children
        while let current = child {
            switch current.pointee.type {
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = current.pointee.content { collector.append(bytes: content) }
            case XML_ELEMENT_NODE:
                let elementName = nameKey(current)
                if !skippedElements.contains(elementName) {
                    let block = blockElements.contains(elementName)
                    if block { collector.breakWord() }
                    collectText(current, into: &collector)
                    if block { collector.breakWord() }
                }
            default: break
            }
            child = current.pointee.next
        }
    }

    /// Serialises the children of `node` as HTML (UTF-8).
    static func innerHTML(of node: xmlNodePtr, in doc: xmlDocPtr) -> String {
        guard let buffer = xmlBufferCreate() else { return "" }
        defer { xmlBufferFree(buffer) }
        var child = node.pointee.children
        while let current = child {
            htmlNodeDump(buffer, doc, current)
            child = current.pointee.next
        }
        guard let content = xmlBufferContent(buffer) else { return "" }
        return String(cString: content)
    }

    /// Serialises one node as HTML (UTF-8).
    static func outerHTML(of node: xmlNodePtr, in doc: xmlDocPtr) -> String {
        guard let buffer = xmlBufferCreate() else { return "" }
        defer { xmlBufferFree(buffer) }
        htmlNodeDump(buffer, doc, node)
        guard let content = xmlBufferContent(buffer) else { return "" }
        return String(cString: content)
    }

    /// Whether an element has element children other than line breaks (i.e. its markup matters).
    static func hasMarkup(_ node: xmlNodePtr) -> Bool {
        elementChildren(node).contains { name($0) != "br" }
    }
}

/// Accumulates UTF-8 text with runs of whitespace (ASCII, no-break and other Unicode spaces)
/// collapsed to one space and trimmed; works on bytes to keep large pages fast.
struct TextCollector {
    private var bytes: [UInt8] = []
    private var pendingSpace = false

    var result: String { String(decoding: bytes, as: UTF8.self) }

    mutating func breakWord() { if !bytes.isEmpty { pendingSpace = true } }

    mutating func append(_ text: String) {
        var text = text
        text.withUTF8 { buffer in
            guard let base = buffer.baseAddress else { return }
            append(base, count: buffer.count)
        }
    }

    /// Appends a NUL-terminated UTF-8 string (libxml2's `xmlChar *`).
    mutating func append(bytes pointer: UnsafePointer<UInt8>) {
        append(pointer, count: strlen(UnsafeRawPointer(pointer).assumingMemoryBound(to: CChar.self)))
    }

    private mutating func append(_ p: UnsafePointer<UInt8>, count: Int) {
        var i = 0
        while i < count {
            let byte = p[i]
            let spaceLength = Self.whitespaceLength(p, i, count)
            if spaceLength > 0 {
                if !bytes.isEmpty { pendingSpace = true }
                i += spaceLength
                continue
            }
            if pendingSpace {
                bytes.append(0x20)
                pendingSpace = false
            }
            bytes.append(byte)
            i += 1
        }
    }

    /// Length of the whitespace character at `i` (0 when it is not whitespace).
    private static func whitespaceLength(_ p: UnsafePointer<UInt8>, _ i: Int, _ count: Int) -> Int {
        let byte = p[i]
        if byte < 0x80 { return byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) ? 1 : 0 }
        guard i + 1 < count else { return 0 }
        let second = p[i + 1]
        if byte == 0xC2 { return second == 0xA0 || second == 0x85 ? 2 : 0 }
        guard i + 2 < count else { return 0 }
        let third = p[i + 2]
        switch (byte, second) {
        case (0xE2, 0x80): return third <= 0x8A || third == 0xA8 || third == 0xA9 || third == 0xAF ? 3 : 0
        case (0xE2, 0x81): return third == 0x9F ? 3 : 0
        case (0xE3, 0x80): return third == 0x80 ? 3 : 0
        case (0xE1, 0x9A): return third == 0x80 ? 3 : 0
        default: return 0
        }
    }
}

extension String {
    /// The string without leading and trailing ASCII whitespace (Foundation's trimming is slow on Linux).
    var trimmingASCIIWhitespace: String {
        let utf8 = self.utf8
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) }
        guard let first = utf8.firstIndex(where: { !isSpace($0) }), let last = utf8.lastIndex(where: { !isSpace($0) })
        else { return "" }
        if first == utf8.startIndex, utf8.index(after: last) == utf8.endIndex { return self }
        return String(self[first...last])
    }

    /// The string with whitespace runs collapsed to single spaces and trimmed.
    var collapsingWhitespace: String {
        var collector = TextCollector()
        collector.append(self)
        return collector.result
    }
}
