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

    private static let skippedElements: Set<String> = ["script", "style", "template", "noscript"]
    private static let blockElements: Set<String> = [
        "p", "div", "br", "li", "ul", "ol", "td", "th", "tr", "table", "h1", "h2", "h3", "h4", "h5", "h6",
        "section", "article", "header", "footer", "blockquote", "dd", "dt", "dl", "figure", "figcaption",
    ]

    private static func collectText(_ node: xmlNodePtr, into collector: inout TextCollector) {
        var child = node.pointee.children
        while let current = child {
            switch current.pointee.type {
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = current.pointee.content { collector.append(bytes: content) }
            case XML_ELEMENT_NODE:
                let elementName = name(current)
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

/// Accumulates text with runs of whitespace (including no-break spaces) collapsed to one space.
struct TextCollector {
    private(set) var scalars = String.UnicodeScalarView()
    private var pendingSpace = false

    var result: String { String(scalars) }

    mutating func breakWord() { if !scalars.isEmpty { pendingSpace = true } }

    mutating func append(_ text: String) {
        for scalar in text.unicodeScalars { append(scalar) }
    }

    mutating func append(bytes: UnsafePointer<UInt8>) {
        append(String(cString: bytes))
    }

    private mutating func append(_ scalar: Unicode.Scalar) {
        if scalar.properties.isWhitespace || scalar == "\u{00A0}" {
            if !scalars.isEmpty { pendingSpace = true }
            return
        }
        if pendingSpace {
            scalars.append(" ")
            pendingSpace = false
        }
        scalars.append(scalar)
    }
}

extension String {
    /// The string with whitespace runs collapsed to single spaces and trimmed.
    var collapsingWhitespace: String {
        var collector = TextCollector()
        collector.append(self)
        return collector.result
    }
}
